import { useEffect } from 'react';
import { Toasts } from './components/Toasts';
import { useConnection } from './hooks/useConnection';
import { useHashRoute } from './hooks/useHashRoute';
import { useAppInfo } from './hooks/useHostData';
import { useSettings } from './hooks/useSettings';
import { HistoryView } from './history/HistoryView';
import { SettingsView } from './settings/SettingsView';

export function App() {
  const [route, setView] = useHashRoute();
  const { view } = route;
  const connection = useConnection();
  const info = useAppInfo();
  const settingsState = useSettings();
  const theme = settingsState.settings?.app.theme ?? 'system';

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1>Herald</h1>
        </div>
        <nav className="tabs" aria-label="Views">
          {(['history', 'settings'] as const).map((name) => (
            <button
              key={name}
              type="button"
              className={`tab${view === name ? ' active' : ''}`}
              aria-current={view === name ? 'page' : undefined}
              onClick={() => setView(name)}
            >
              {name === 'history' ? 'History' : 'Settings'}
            </button>
          ))}
        </nav>
        <span className={`connection connection-${connection}`} role="status">
          {connection === 'open'
            ? ''
            : connection === 'connecting'
              ? 'Connecting…'
              : 'Disconnected — retrying'}
        </span>
      </header>
      {info?.warnings.map((warning) => (
        <p key={warning} className="banner warning host-warning" role="alert">
          {warning}
        </p>
      ))}
      <main className="content">
        {view === 'history' ? (
          <HistoryView focusSeq={route.seq} settings={settingsState.settings} />
        ) : (
          <SettingsView state={settingsState} info={info} route={route} />
        )}
      </main>
      {info?.host === 'serve' && <Toasts />}
    </div>
  );
}

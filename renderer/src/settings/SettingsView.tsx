import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../app/shared/api';
import type { Route } from '../hooks/useHashRoute';
import { navigate } from '../hooks/useHashRoute';
import type { useSettings } from '../hooks/useSettings';
import { AppSection } from './AppSection';
import { DeliverySection } from './DeliverySection';
import { ImportExportSection } from './ImportExportSection';
import { QuietHoursSection } from './QuietHoursSection';
import { RulesSection } from './RulesSection';
import { SourcesSection } from './SourcesSection';
import { StorageSection } from './StorageSection';

const sections = [
  ['sources', 'Sources'],
  ['rules', 'Rules'],
  ['quiet', 'Quiet hours'],
  ['delivery', 'Delivery'],
  ['storage', 'History'],
  ['transfer', 'Import & export'],
  ['app', 'App'],
] as const;
type SectionId = (typeof sections)[number][0];

interface Props {
  state: ReturnType<typeof useSettings>;
  info: AppInfo | undefined;
  /** `add` (a welcome card) and `ruleFrom` (an entry's "Make a rule like this") open their editor. */
  route: Route;
}

export function SettingsView({ state, info, route }: Props) {
  const [section, setSection] = useState<SectionId>(route.ruleFrom ? 'rules' : 'sources');
  useEffect(() => {
    if (route.add) setSection('sources');
    if (route.ruleFrom) setSection('rules');
  }, [route.add, route.ruleFrom]);
  const { settings, save, error } = state;
  if (!settings) {
    return <p className="loading">{error ? `Could not load settings: ${error}` : 'Loading settings…'}</p>;
  }
  const props = { settings, save };
  // Once its editor closes, the request leaves the address, so a reload does not open it again.
  const clearRequest = () => navigate('settings');
  return (
    <section className="view settings-view">
      <nav className="settings-nav" aria-label="Settings sections">
        {sections.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className={section === id ? 'active' : ''}
            aria-current={section === id ? 'true' : undefined}
            onClick={() => setSection(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="settings-body">
        {section === 'sources' && (
          <SourcesSection {...props} info={info} addKind={route.add} onAddDone={clearRequest} />
        )}
        {section === 'rules' && (
          <RulesSection {...props} ruleFrom={route.ruleFrom} onRuleFromDone={clearRequest} />
        )}
        {section === 'quiet' && <QuietHoursSection {...props} />}
        {section === 'delivery' && <DeliverySection {...props} />}
        {section === 'storage' && <StorageSection {...props} />}
        {section === 'transfer' && <ImportExportSection settings={settings} />}
        {section === 'app' && <AppSection {...props} info={info} />}
      </div>
    </section>
  );
}

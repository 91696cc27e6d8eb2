import { useEffect, useState, useSyncExternalStore } from 'react';
import { PUSH } from '../../../app/shared/api';
import type { Notification } from '../../../app/shared/rules';
import { herald } from '../api/herald';

interface Toast extends Notification {
  key: number;
}

/** How long a toast stays by severity; critical ones stay until dismissed, like the desktop's. */
const SHOW_MS = { info: 6000, warning: 10_000 } as const;
/** Shown at once; older ones fold into a "+N more" line instead of covering the list. */
const VISIBLE = 3;
/** A short window (800×600) has room for one toast beside the list. */
const SHORT = '(max-height: 640px)';
const subscribeShort = (onChange: () => void) => {
  const query = window.matchMedia(SHORT);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const KEPT = 50;

const severityWords = { info: 'Info', warning: 'Warning', critical: 'Critical' } as const;

/** In serve mode the browser tab is the notification surface: notifications appear as toasts. */
export function Toasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    let key = 0;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = herald().subscribe(PUSH.notificationRaised, (notification) => {
      const toast = { ...notification, key: ++key };
      setToasts((list) => [...list.slice(-(KEPT - 1)), toast]);
      if (notification.severity === 'critical') return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        setToasts((list) => list.filter((t) => t.key !== toast.key));
      }, notification.timeoutMs ?? SHOW_MS[notification.severity]);
      timers.add(timer);
    });
    return () => {
      off();
      for (const timer of timers) clearTimeout(timer);
    };
  }, []);
  const dismiss = (key: number) => setToasts((list) => list.filter((t) => t.key !== key));
  const visible = useSyncExternalStore(subscribeShort, () =>
    window.matchMedia(SHORT).matches ? 1 : VISIBLE,
  );
  const shown = toasts.slice(-visible).reverse();
  const hidden = toasts.length - shown.length;
  return (
    <div className="toasts" aria-label="Notifications">
      {shown.map((t) => (
        <div
          key={t.key}
          className={`toast toast-${t.severity}`}
          // Critical ones interrupt a screen reader; the rest wait their turn.
          role={t.severity === 'critical' ? 'alert' : 'status'}
        >
          <span className="toast-kind">{severityWords[t.severity]}</span>
          <strong className="toast-title">{t.title}</strong>
          {t.body && <p className="toast-body">{t.body}</p>}
          <button
            type="button"
            className="ghost small"
            aria-label={`Dismiss ${t.title}`}
            onClick={() => dismiss(t.key)}
          >
            ×
          </button>
        </div>
      ))}
      {hidden > 0 && (
        <div className="toast-more">
          <span>
            +{hidden} more {hidden === 1 ? 'notification' : 'notifications'}
          </span>
          <button type="button" className="link-button" onClick={() => setToasts([])}>
            Dismiss all
          </button>
        </div>
      )}
    </div>
  );
}

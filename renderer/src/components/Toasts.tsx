import { useEffect, useState } from 'react';
import { PUSH } from '../../../app/shared/api';
import type { Notification } from '../../../app/shared/rules';
import { herald } from '../api/herald';

interface Toast extends Notification {
  key: number;
}

const SHOW_MS = 6000;

/** In serve mode the browser tab is the notification surface: notifications appear as toasts. */
export function Toasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    let key = 0;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = herald().subscribe(PUSH.notificationRaised, (notification) => {
      const toast = { ...notification, key: ++key };
      setToasts((list) => [...list.slice(-3), toast]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        setToasts((list) => list.filter((t) => t.key !== toast.key));
      }, notification.timeoutMs ?? SHOW_MS);
      timers.add(timer);
    });
    return () => {
      off();
      for (const timer of timers) clearTimeout(timer);
    };
  }, []);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.key} className={`toast severity-edge-${t.severity}`} role="status">
          <strong>{t.title}</strong>
          {t.body && <p>{t.body}</p>}
          <button
            type="button"
            className="ghost small"
            aria-label="Dismiss"
            onClick={() => setToasts((list) => list.filter((x) => x.key !== t.key))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

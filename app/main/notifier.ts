import type { Notification as NotificationContent } from '../shared/rules';
import { HttpUrlSchema } from '../shared/api';

/** The parts of Electron's Notification class the notifier uses. */
export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close' | 'failed', listener: (...args: unknown[]) => void): unknown;
}
export interface NotificationCtor {
  new (options: Record<string, unknown>): NotificationLike;
  isSupported(): boolean;
}

export interface NotifierDeps {
  Notification: NotificationCtor;
  platform: NodeJS.Platform;
  iconPath?: string;
  /** Clicking a notification with a server link opens it (already checked to be http(s)). */
  openExternal(url: string): void;
  /** Clicking one without a link opens the history at that entry. */
  showHistory(seq?: number): void;
  onFailed?(message: string): void;
}

export interface Notifier {
  show(content: NotificationContent, seq?: number): boolean;
  /** How many notifications are still referenced (awaiting click or close). */
  pending(): number;
}

const safeUrl = (url: string | undefined) => (url && HttpUrlSchema.safeParse(url).success ? url : undefined);

/**
 * Raises native notifications. Each shown notification is referenced until it is clicked or closed:
 * an unreferenced one is garbage-collected and its click silently does nothing.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const live = new Set<NotificationLike>();
  return {
    pending: () => live.size,
    show(content, seq) {
      if (!deps.Notification.isSupported()) return false;
      const critical = content.urgency === 'critical';
      const note = new deps.Notification({
        title: content.title,
        body: content.body,
        silent: content.silent,
        urgency: content.urgency,
        // A critical alert (water leak, smoke) stays until dismissed; on Windows 'critical' alone only sorts.
        ...(critical && deps.platform !== 'darwin' ? { timeoutType: 'never' } : {}),
        ...(deps.iconPath ? { icon: deps.iconPath } : {}),
      });
      const release = () => live.delete(note);
      const url = safeUrl(content.url);
      note.on('click', () => {
        release();
        if (url) deps.openExternal(url);
        else deps.showHistory(seq);
      });
      note.on('close', release);
      note.on('failed', (_event, error) => {
        release();
        deps.onFailed?.(String(error ?? 'the notification could not be shown'));
      });
      live.add(note);
      note.show();
      return true;
    },
  };
}

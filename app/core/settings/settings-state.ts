import type { Secrets } from '../../shared/settings';
import type { SettingsPort, SettingsSnapshot } from './settings-port';

export interface SettingsChange {
  previous: SettingsSnapshot;
  /** Set when the change is a secret a session obtained: the settings themselves are unchanged. */
  obtained?: { sourceId: string; field: string };
}

export type SettingsListener = (current: SettingsSnapshot, change: SettingsChange) => void;

/**
 * The one owner of settings and secrets. Everything that depends on them (engine, history retention,
 * autostart, tray, UI pushes) subscribes with `onChange`; nobody keeps a copy of their own.
 */
export interface SettingsState {
  readonly settings: SettingsSnapshot['settings'];
  readonly secrets: Secrets;
  /** One source's secrets (field → value); empty for an unknown id, whatever it is called. */
  secretsOf(sourceId: string): Readonly<Record<string, string>>;
  /**
   * Changes settings and secrets in one step: kept through the port first (a change that cannot be
   * kept throws and changes nothing), then every listener hears of it. Secrets of sources that are no
   * longer configured go with them.
   */
  update(fn: (current: SettingsSnapshot) => SettingsSnapshot): SettingsSnapshot;
  /** A secret a session obtained (a login token, a pairing key) becomes a change like any other. */
  keepObtainedSecret(sourceId: string, field: string, value: string): void;
  onChange(listener: SettingsListener): () => void;
}

const withSecret = (secrets: Secrets, sourceId: string, field: string, value: string): Secrets => ({
  ...secrets,
  [sourceId]: { ...(Object.hasOwn(secrets, sourceId) ? secrets[sourceId] : {}), [field]: value },
});

function keptSecrets({ settings, secrets }: SettingsSnapshot): Secrets {
  const kept: Secrets = {};
  for (const source of settings.sources)
    if (Object.hasOwn(secrets, source.id) && secrets[source.id]) kept[source.id] = secrets[source.id]!;
  return kept;
}

export function createSettingsState(port: SettingsPort): SettingsState {
  // A snapshot of our own: a port may hand out (and later mutate) the object it keeps.
  const loaded = port.load();
  let current: SettingsSnapshot = { settings: loaded.settings, secrets: loaded.secrets };
  const listeners = new Set<SettingsListener>();

  const notify = (change: SettingsChange) => {
    let failure: unknown;
    for (const listener of [...listeners]) {
      try {
        listener(current, change);
      } catch (err) {
        // Every subscriber hears of the change; the first failure is reported after all of them ran.
        failure ??= err;
      }
    }
    if (failure !== undefined) throw failure;
  };

  return {
    get settings() {
      return current.settings;
    },
    get secrets() {
      return current.secrets;
    },
    secretsOf(sourceId) {
      return Object.hasOwn(current.secrets, sourceId) ? current.secrets[sourceId]! : {};
    },
    update(fn) {
      const proposed = fn(current);
      const next: SettingsSnapshot = { settings: proposed.settings, secrets: keptSecrets(proposed) };
      const previous = current;
      port.save(next.settings, next.secrets);
      current = next;
      notify({ previous });
      return current;
    },
    keepObtainedSecret(sourceId, field, value) {
      const previous = current;
      current = { settings: current.settings, secrets: withSecret(current.secrets, sourceId, field, value) };
      // Kept in memory even when the host cannot store it: the session already uses it.
      try {
        if (port.saveObtained) port.saveObtained(sourceId, field, value, current);
        else port.save(current.settings, current.secrets);
      } finally {
        notify({ previous, obtained: { sourceId, field } });
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

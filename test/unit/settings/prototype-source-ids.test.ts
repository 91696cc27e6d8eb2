import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsState } from '../../../app/core/settings/settings-state';
import { createApiHandlers } from '../../../app/core/api/handlers';
import { importSettings } from '../../../app/core/settings';
import { createSecretStore } from '../../../app/main/secret-store';
import { createSettingsStore } from '../../../app/main/settings-store';
import { API } from '../../../app/shared/api';
import { defaultSettings } from '../../../app/shared/settings';
import { safeStorage } from '../../fakes/electron';
import { fakeEngine, memoryHistory } from '../serve/fakes';

const source = (id: string) => ({
  id,
  kind: 'emby',
  name: 'Emby',
  url: 'ws://127.0.0.1:1/embywebsocket',
  options: { apiKey: 'k-123' },
});

describe('source ids that are names of Object.prototype members', () => {
  afterEach(() => {
    for (const key of ['apiKey', 'password']) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('an import with a source id "__proto__" does not pollute Object.prototype', () => {
    const result = importSettings(JSON.stringify({ version: 1, sources: [source('__proto__')] }));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).apiKey).toBeUndefined();
  });

  it('keeps the inline secret of a source called "constructor" with that source', () => {
    const result = importSettings(JSON.stringify({ version: 1, sources: [source('constructor')] }));
    expect(result).toMatchObject({ ok: true, secrets: { constructor: { apiKey: 'k-123' } } });
    expect((Object as unknown as Record<string, unknown>).apiKey).toBeUndefined();
  });

  it('the desktop host saves settings with sources called "toString" and "constructor"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-proto-'));
    try {
      safeStorage.available = true;
      safeStorage.backend = 'gnome_libsecret';
      const secrets = createSecretStore({ file: join(dir, 'secrets.json'), safeStorage, platform: 'linux' });
      const file = join(dir, 'secrets.previous.json');
      const previousSecrets = createSecretStore({ file, safeStorage, platform: 'linux' });
      const values = new Map<string, unknown>();
      const store = createSettingsStore({
        store: {
          get: (key: string) => values.get(key),
          set: (key: string, v: unknown) => values.set(key, v),
        },
        secrets,
        previousSecrets,
      });
      const api = createApiHandlers({
        engine: fakeEngine().engine,
        history: memoryHistory(),
        state: createSettingsState(store),
        host: 'electron',
        version: '1',
      });
      // A save is a whole settings document.
      const set = await api.handle(API.settingsSet, {
        ...defaultSettings(),
        sources: [{ ...source('toString'), options: {} }, source('constructor')],
      });
      expect(set).toMatchObject({ ok: true, value: { ok: true } });
      expect(await api.handle(API.secretsStatus, undefined)).toEqual({
        ok: true,
        value: { toString: [], constructor: ['apiKey'] },
      });
      expect(secrets.load()).toEqual({ constructor: { apiKey: 'k-123' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

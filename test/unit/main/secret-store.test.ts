import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { safeStorage } from '../../fakes/electron';
import { createSecretStore } from '../../../app/main/secret-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-secrets-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

const store = (platform: NodeJS.Platform = 'linux') =>
  createSecretStore({ file: join(dir, 'secrets.json'), safeStorage, platform });

describe('secret store', () => {
  it('keeps secrets encrypted on disk and reads them back', () => {
    store().save({ emby: { password: 'hunter2' } });
    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(store().load()).toEqual({ emby: { password: 'hunter2' } });
    expect(store().status()).toEqual({ persistent: true, backend: 'gnome_libsecret' });
  });

  it('refuses to write secrets to disk behind the basic_text backend and says why', () => {
    safeStorage.backend = 'basic_text';
    const s = store();
    s.save({ emby: { password: 'hunter2' } });
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    expect(s.load()).toEqual({ emby: { password: 'hunter2' } });
    expect(s.status().persistent).toBe(false);
    expect(s.status().warning).toMatch(/keyring/);
  });

  it('keeps secrets in memory when encryption is unavailable', () => {
    safeStorage.available = false;
    const s = store('win32');
    s.save({ a: { token: 't' } });
    expect(s.load()).toEqual({ a: { token: 't' } });
    expect(s.status().persistent).toBe(false);
  });

  it('moves an undecryptable file aside and asks for the secrets again', () => {
    writeFileSync(
      join(dir, 'secrets.json'),
      JSON.stringify({ version: 1, data: Buffer.from('garbage').toString('base64') }),
    );
    const s = store();
    expect(s.load()).toEqual({});
    expect(s.status().warning).toMatch(/enter them again/);
    expect(readdirSync(dir).some((f) => f.startsWith('secrets.json.unreadable-'))).toBe(true);
  });
});

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Secrets } from '../shared/settings';
import { SecretsSchema } from '../shared/settings';

/** The part of Electron's safeStorage this store needs (injected so tests can run without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStoreStatus {
  /** Secrets are written to disk encrypted by the OS keyring. */
  persistent: boolean;
  backend?: string;
  /** Plain words for the settings window when secrets cannot be kept safely. */
  warning?: string;
}

export interface SecretStore {
  load(): Secrets;
  save(secrets: Secrets): void;
  status(): SecretStoreStatus;
}

/**
 * Secrets (passwords, tokens, API keys) encrypted with safeStorage into their own file, never into
 * settings. Where the OS offers no real keyring (Linux `basic_text` uses a hard-coded key), secrets are
 * kept in memory for this session only and the user is told why, rather than written in a form anyone
 * could decrypt.
 */
export function createSecretStore(opts: {
  file: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
}): SecretStore {
  const { file, safeStorage } = opts;
  let memory: Secrets = {};
  let warning: string | undefined;

  const check = (): SecretStoreStatus => {
    const backend = opts.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
    if (!safeStorage.isEncryptionAvailable()) {
      return {
        persistent: false,
        backend,
        warning: 'No OS keyring is available: passwords and tokens are kept only until Herald quits.',
      };
    }
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        persistent: false,
        backend,
        warning:
          'No secure keyring (GNOME Keyring or KWallet) was found: passwords and tokens are kept only until Herald quits.',
      };
    }
    return { persistent: true, backend };
  };

  return {
    status() {
      const status = check();
      return warning && status.persistent ? { ...status, warning } : status;
    },
    load() {
      if (!check().persistent || !existsSync(file)) return memory;
      try {
        const blob = JSON.parse(readFileSync(file, 'utf8')) as { data?: string };
        const clear = safeStorage.decryptString(Buffer.from(String(blob.data), 'base64'));
        memory = SecretsSchema.parse(JSON.parse(clear));
      } catch {
        // Unreadable (another OS user, a reset keyring, a damaged file): keep it aside, start empty.
        renameSync(file, `${file}.unreadable-${Date.now()}`);
        warning = 'The saved passwords could not be decrypted (keyring changed?): please enter them again.';
        memory = {};
      }
      return memory;
    },
    save(secrets) {
      memory = SecretsSchema.parse(secrets);
      if (!check().persistent) return;
      const data = safeStorage.encryptString(JSON.stringify(memory)).toString('base64');
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify({ version: 1, data }), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}

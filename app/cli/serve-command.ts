import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportSettings, importSettings } from '../core/settings';
import type { Secrets, Settings } from '../shared/settings';
import { openCliHost } from './host';
import { secretsFromEnv } from './load-config';
import { startServe } from './serve/start-serve';
import { untilStopped } from './until-stopped';

const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

/**
 * The secrets the user kept in the file itself (a `secrets` section, or secret fields written into a
 * source's options), or undefined when the file keeps none: then changes written back never add any.
 */
function secretsOfFile(file: string): Secrets | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const parsed = importSettings(text);
    const secrets = parsed.ok ? parsed.secrets : {};
    const hasSection = Object.hasOwn(JSON.parse(text) as object, 'secrets');
    return hasSection || Object.keys(secrets).length > 0 ? secrets : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What goes into the file: secrets given in the environment (there so the file can be shared without
 * them) and those obtained during the run stay out of it, unless the file held a value of its own.
 */
function secretsForFile(secrets: Secrets, memoryOnly: Secrets[], fromFile: Secrets): Secrets {
  const result: Secrets = {};
  for (const [id, fields] of Object.entries(secrets)) {
    const kept: Record<string, string> = {};
    for (const [field, value] of Object.entries(fields)) {
      const inMemoryOnly = memoryOnly.some((set) => Object.hasOwn(set, id) && set[id]?.[field] === value);
      const fileValue = Object.hasOwn(fromFile, id) ? fromFile[id]?.[field] : undefined;
      if (!inMemoryOnly) kept[field] = value;
      else if (fileValue !== undefined) kept[field] = fileValue;
    }
    if (Object.keys(kept).length > 0) result[id] = kept;
  }
  return result;
}

/**
 * Where passwords typed in the UI end up under serve, in the words the source form shows. Serve has no
 * keychain: they go into the file only when it already keeps secrets (see `secretsForFile`).
 */
export function serveSecretsNote(file: string, fileKeepsSecrets: boolean): string {
  return fileKeepsSecrets
    ? `herald serve writes passwords you enter here into ${file}, in plain text, because that file already holds secrets: keep it readable by you only.`
    : `Passwords you enter here are kept in memory only, until herald serve stops: ${file} holds no secrets, so none are written to it. To keep one, set it in the environment as HERALD_SECRET_<SOURCE_ID>_<FIELD> (e.g. HERALD_SECRET_TVH_PASSWORD), or add a "secrets" section to the file.`;
}

/** The file's permission bits, so a file kept private (it may hold secrets) stays private when replaced. */
function modeOf(file: string): number {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return 0o600;
  }
}

export async function runServe(opts: { config: string; port?: string; history?: string }): Promise<number> {
  const port = opts.port === undefined ? 0 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`herald serve: --port "${opts.port}" is not a port number\n`);
    return 2;
  }
  try {
    readFileSync(`${staticDir}/index.html`);
  } catch {
    process.stderr.write('herald serve: the web UI is not built yet: run `npm run build:web` first\n');
    return 1;
  }
  // Tokens the engine obtains (an Emby login, its device id, a deCONZ pairing) live in memory for this
  // run: they must be in what the UI's saves hand back to the engine, or each save would drop them.
  const obtained: Secrets = {};
  const host = openCliHost({
    config: opts.config,
    history: opts.history,
    missingIsEmpty: true,
    onSecret(sourceId, field, value) {
      obtained[sourceId] = { ...obtained[sourceId], [field]: value };
      current.secrets = { ...current.secrets, [sourceId]: { ...current.secrets[sourceId], [field]: value } };
    },
  });
  if (!host) return 1;
  const fileSecrets = secretsOfFile(opts.config);
  const envSecrets = secretsFromEnv(host.settings, {}, process.env);
  const current: { settings: Settings; secrets: Secrets } = {
    settings: host.settings,
    secrets: host.secrets,
  };
  const serve = await startServe({
    engine: host.engine,
    history: host.history,
    staticDir,
    port,
    secretsNote: () => serveSecretsNote(opts.config, fileSecrets !== undefined),
    settingsPort: {
      load: () => current,
      save(settings, secrets) {
        // Written back to the same file, atomically, so edits in the UI survive a restart.
        const temp = `${opts.config}.tmp`;
        const text = fileSecrets
          ? exportSettings(settings, secretsForFile(secrets, [envSecrets, obtained], fileSecrets), {
              includeSecrets: true,
            })
          : exportSettings(settings, secrets, { includeSecrets: false });
        const mode = modeOf(opts.config);
        rmSync(temp, { force: true });
        writeFileSync(temp, text, { mode });
        chmodSync(temp, mode);
        renameSync(temp, opts.config);
        // Only a save that reached the file counts: a failed one leaves what the UI and engine see alone.
        current.settings = settings;
        current.secrets = secrets;
      },
    },
  });
  host.engine.start();
  if (host.empty)
    process.stdout.write(
      `${opts.config} is missing or empty: starting with an empty configuration (the file is created when you first save)\n`,
    );
  process.stdout.write(`Herald is running at ${serve.url}\n(open it in your browser; Ctrl+C stops)\n`);
  await untilStopped();
  await serve.close();
  await host.close();
  return 0;
}

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportSettings } from '../core/settings';
import type { Secrets, Settings } from '../shared/settings';
import { openCliHost } from './host';
import { startServe } from './serve/start-serve';
import { untilStopped } from './until-stopped';

const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

/** Did the user keep secrets in the file? Then changes written back keep them there; otherwise never. */
function fileHasSecrets(file: string): boolean {
  try {
    return Object.hasOwn(JSON.parse(readFileSync(file, 'utf8')) as object, 'secrets');
  } catch {
    return false;
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
  const host = openCliHost({ config: opts.config, history: opts.history });
  if (!host) return 1;
  const keepSecretsInFile = fileHasSecrets(opts.config);
  let current: { settings: Settings; secrets: Secrets } = { settings: host.settings, secrets: host.secrets };
  const serve = await startServe({
    engine: host.engine,
    history: host.history,
    staticDir,
    port,
    settingsPort: {
      load: () => current,
      save(settings, secrets) {
        current = { settings, secrets };
        // Written back to the same file, atomically, so edits in the UI survive a restart.
        const temp = `${opts.config}.tmp`;
        writeFileSync(temp, exportSettings(settings, secrets, { includeSecrets: keepSecretsInFile }));
        renameSync(temp, opts.config);
      },
    },
  });
  host.engine.start();
  process.stdout.write(`Herald is running at ${serve.url}\n(open it in your browser; Ctrl+C stops)\n`);
  await untilStopped();
  await serve.close();
  await host.close();
  return 0;
}

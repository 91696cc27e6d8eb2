import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openCliHost } from './host';
import { startServe } from './serve/start-serve';
import { untilStopped } from './until-stopped';

const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

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
  // The UI's saves are written back to the settings file (see config-file-port.ts for what goes in).
  const host = openCliHost({
    config: opts.config,
    history: opts.history,
    writable: true,
    missingIsEmpty: true,
  });
  if (!host) return 1;
  const serve = await startServe({ handlers: host.handlers, staticDir, port });
  host.start();
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

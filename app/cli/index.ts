import { parseArgs } from 'node:util';
import { runCheck } from './check';
import { runWatch } from './watch';

const usage = `Usage:
  herald watch --config FILE [--notify] [--raw] [--history FILE] [--for DURATION]
      Run the engine on a settings file; print one JSON object per line: statuses, every event with
      its decision and reason, and every notification that would be raised. --notify also raises
      real desktop notifications through notify-send.
  herald check --config FILE
      Validate a settings file; print the problems and exit 1 if there are any.
  herald serve --config FILE [--port N] [--history FILE]
      Run the engine with the web UI on http://127.0.0.1 (the address is printed with its token).

Secrets may come from the file's "secrets" section or from HERALD_SECRET_<SOURCE_ID>_<FIELD> variables.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        config: { type: 'string', short: 'c' },
        notify: { type: 'boolean' },
        raw: { type: 'boolean' },
        history: { type: 'string' },
        for: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (!command || command === 'help' || values.help) {
    process.stdout.write(`${usage}\n`);
    return command ? 0 : 2;
  }
  const config = values.config as string | undefined;
  if (!config) {
    process.stderr.write(`herald ${command}: --config FILE is required\n\n${usage}\n`);
    return 2;
  }
  switch (command) {
    case 'check':
      return runCheck(config);
    case 'watch':
      return runWatch({
        config,
        notify: Boolean(values.notify),
        raw: Boolean(values.raw),
        history: values.history as string | undefined,
        duration: values.for as string | undefined,
      });
    case 'serve': {
      const { runServe } = await import('./serve-command');
      return runServe({
        config,
        port: values.port as string | undefined,
        history: values.history as string | undefined,
      });
    }
    default:
      process.stderr.write(`herald: unknown command "${command}"\n\n${usage}\n`);
      return 2;
  }
}

// Wired to app/cli/serve once the web host lands.
export async function runServe(_opts: { config: string; port?: string; history?: string }): Promise<number> {
  process.stderr.write('herald serve: not available in this build\n');
  return 2;
}

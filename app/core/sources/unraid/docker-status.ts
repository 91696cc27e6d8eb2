/**
 * Docker's human status string (moby `container/state.go String()`) is the only place the agent
 * exposes a container's exit code and health, so we read them back out of it.
 */

export type Health = 'healthy' | 'unhealthy' | 'starting';

export interface ParsedStatus {
  /** From `Exited (137) 5 minutes ago` or `Restarting (1) 4 seconds ago`. */
  exitCode?: number;
  health?: Health;
  restarting: boolean;
  paused: boolean;
}

const EXITED = /^Exited \((-?\d+)\)/;
const RESTARTING = /^Restarting \((-?\d+)\)/;
const HEALTH = /\((healthy|unhealthy|health: starting)\)/;

export function parseDockerStatus(status: string): ParsedStatus {
  const text = status.trim();
  const exited = EXITED.exec(text);
  const restarting = RESTARTING.exec(text);
  const health = HEALTH.exec(text)?.[1];
  const code = exited?.[1] ?? restarting?.[1];
  return {
    exitCode: code === undefined ? undefined : Number(code),
    health:
      health === undefined ? undefined : health === 'health: starting' ? 'starting' : (health as Health),
    restarting: restarting !== null,
    paused: /\(Paused\)/.test(text),
  };
}

/** 0 is a clean exit and 143 is SIGTERM, what `docker stop` sends: both are what a user stop looks like. */
export function isExpectedExit(code: number | undefined): boolean {
  return code === undefined || code === 0 || code === 143;
}

/** Words for the exit code the user can act on. */
export function describeExit(code: number | undefined): string {
  if (code === undefined) return 'stopped';
  if (code === 0) return 'exited normally (code 0)';
  if (code === 143) return 'stopped by SIGTERM (code 143)';
  // 137 is SIGKILL: an OOM kill or a `docker stop` that timed out; the agent cannot tell which.
  if (code === 137) return 'killed (code 137: out of memory or stop timed out)';
  return `exited with code ${code}`;
}

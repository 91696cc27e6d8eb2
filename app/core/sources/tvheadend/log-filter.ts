import type { LogLine } from './normalise';

/** The paths Herald calls; the server logs each refused one at ERROR level. Without auth (anonymous
 * access) the plain-GET probe of /comet/ws before every connect is answered with a 4xx/5xx too. */
const OWN_CALLS =
  / \/(api\/(idnode\/load|dvr\/entry\/grid|status\/subscriptions|epg\/events\/load)|comet\/ws)(\?\S*)? -- /;
const MAX_REMEMBERED = 500;

/**
 * Chooses which server log lines become `tvheadend.log.error` events: those matching the error pattern,
 * minus the lines our own refused look-ups cause (reported once as a source warning instead), and minus
 * repeats: a tuner failing every second yields one event per `repeatWindowMs`, not sixty a minute.
 */
export class LogErrorFilter {
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly pattern: RegExp,
    private readonly repeatWindowMs = 60_000,
  ) {}

  accept(line: LogLine, logtxt: string, ownAddress: string | undefined, now: number): boolean {
    if (
      ownAddress &&
      line.subsystem === 'http' &&
      line.text.startsWith(`${ownAddress}: `) &&
      OWN_CALLS.test(line.text)
    ) {
      return false;
    }
    if (!this.pattern.test(logtxt)) return false;
    // Counters, ids and sequence numbers differ between repeats of the same complaint.
    const shape = `${line.subsystem ?? ''}|${line.text.replace(/\d+/g, '#')}`;
    const last = this.recent.get(shape);
    if (last !== undefined && now - last < this.repeatWindowMs) return false;
    this.recent.delete(shape);
    this.recent.set(shape, now);
    if (this.recent.size > MAX_REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    return true;
  }
}

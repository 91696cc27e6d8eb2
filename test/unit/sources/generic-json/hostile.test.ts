import { describe, expect, it } from 'vitest';
import { normaliseFrame, toSeverity } from '../../../../app/core/sources/generic-json/normalise';
import { GenericJsonOptionsSchema } from '../../../../app/core/sources/generic-json/options';
import { SourceEventSchema } from '../../../../app/core/sources/source-event';
import type { Severity } from '../../../../app/shared/home-event';

const ctx = { sourceId: 'lab', sourceName: 'Lab', now: 1_700_000_000_000 };
const opts = (o: Record<string, unknown> = {}) => GenericJsonOptionsSchema.parse(o);

describe('generic JSON normaliser with hostile values', () => {
  it('never takes a severity from the prototype of the word tables', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(toSeverity(word, {})).toBe('info');
      expect(toSeverity(word, { P1: 'critical' })).toBe('info');
    }
    const [event] = normaliseFrame(
      { type: 'x', level: 'constructor' },
      opts({ severityPath: 'level', severityMap: { P1: 'critical' } }),
      ctx,
    );
    expect(event!.severity).toBe('info');
    expect(SourceEventSchema.safeParse(event).success).toBe(true);
    // A user's own map still wins, including words that happen to be prototype names.
    const own: Record<string, Severity> = Object.fromEntries([['toString', 'critical']]);
    expect(toSeverity('toString', own)).toBe('critical');
  });

  it('falls back to the arrival time for a time no Date can hold', () => {
    for (const t of [1e20, -1e20, 9e15, '+275760-09-13T00:00:00.001Z']) {
      const [event] = normaliseFrame({ type: 'x', t }, opts({ timePath: 't' }), ctx);
      expect(event!.time, String(t)).toBe(ctx.now);
      expect(() => new Date(event!.time).toISOString()).not.toThrow();
    }
  });
});

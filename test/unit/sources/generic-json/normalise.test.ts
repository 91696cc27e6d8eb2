import { describe, expect, it } from 'vitest';
import { normaliseFrame, toSeverity } from '../../../../app/core/sources/generic-json/normalise';
import { GenericJsonOptionsSchema } from '../../../../app/core/sources/generic-json/options';

const ctx = { sourceId: 'lab', sourceName: 'Lab', now: 1_700_000_000_000 };
const opts = (o: Record<string, unknown> = {}) => GenericJsonOptionsSchema.parse(o);

describe('generic JSON normaliser', () => {
  it('maps type, entity, severity, id, time and url by path', () => {
    const [event] = normaliseFrame(
      {
        kind: 'alarm',
        id: 'a1',
        at: '2024-01-02T03:04:05Z',
        device: { id: 'd7', name: 'Garage' },
        level: 'CRIT',
        link: 'https://nas.local/x',
      },
      opts({
        typePath: 'kind',
        idPath: 'id',
        timePath: '$.at',
        entityIdPath: 'device.id',
        entityNamePath: 'device.name',
        severityPath: 'level',
        urlPath: 'link',
      }),
      ctx,
    );
    expect(event).toMatchObject({
      id: 'lab:a1',
      type: 'json.alarm',
      time: Date.parse('2024-01-02T03:04:05Z'),
      entity: { id: 'd7', name: 'Garage' },
      severity: 'critical',
      url: 'https://nas.local/x',
      title: 'Lab: Garage alarm',
    });
  });

  it('splits arrays and itemsPath lists into one event per message and skips non-objects', () => {
    expect(normaliseFrame([{ type: 'a' }, 3, { type: 'b' }], opts(), ctx).map((e) => e.type)).toEqual([
      'json.a',
      'json.b',
    ]);
    expect(normaliseFrame({ batch: [{ type: 'x' }] }, opts({ itemsPath: 'batch' }), ctx)).toHaveLength(1);
    expect(normaliseFrame('hello', opts(), ctx)).toEqual([]);
  });

  it('gives a replayed message the same id and a different message another', () => {
    const a = normaliseFrame({ type: 't', n: 1 }, opts(), ctx)[0]!;
    const b = normaliseFrame({ type: 't', n: 1 }, opts(), { ...ctx, now: ctx.now + 5000 })[0]!;
    const c = normaliseFrame({ type: 't', n: 2 }, opts(), ctx)[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });

  it('renders title and body templates without HTML escaping', () => {
    const [event] = normaliseFrame(
      { type: 'x', who: 'Tom & <Jerry>', msg: 'hi' },
      opts({ title: '{{raw.who}} says', body: '{{raw.msg}} ({{type}})' }),
      ctx,
    );
    expect(event!.title).toBe('Tom & <Jerry> says');
    expect(event!.body).toBe('hi (json.x)');
  });

  it('uses a message field for the default body and refuses non-http urls', () => {
    const [event] = normaliseFrame(
      { type: 'x', message: 'Backup done', url: 'javascript:alert(1)' },
      opts({ urlPath: 'url' }),
      ctx,
    );
    expect(event!.body).toBe('Backup done');
    expect(event!.url).toBeUndefined();
  });

  it('understands common severity words and a user map', () => {
    expect(toSeverity('error', {})).toBe('warning');
    expect(toSeverity('Fatal', {})).toBe('critical');
    expect(toSeverity('P1', { P1: 'critical' })).toBe('critical');
    expect(toSeverity(undefined, {})).toBe('info');
    expect(toSeverity('whatever', {})).toBe('info');
  });

  it('treats epoch seconds and milliseconds alike', () => {
    const secs = normaliseFrame({ type: 'x', t: 1_700_000_000 }, opts({ timePath: 't' }), ctx)[0]!;
    const ms = normaliseFrame({ type: 'x', t: 1_700_000_000_000 }, opts({ timePath: 't' }), ctx)[0]!;
    expect(secs.time).toBe(1_700_000_000_000);
    expect(ms.time).toBe(1_700_000_000_000);
  });
});

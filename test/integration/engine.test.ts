import { memoryState, replaceSettings } from '../helpers/settings-state';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../app/core/engine/engine';
import type { RaisedNotification } from '../../app/core/engine/types';
import { createMemoryHistory } from '../../app/core/history/memory-history';
import type { HistoryEntry } from '../../app/shared/history';
import type { SettingsInput } from '../../app/shared/settings';
import { SettingsSchema } from '../../app/shared/settings';
import type { SourceStatus } from '../../app/shared/source-status';
import { engineFixture, until } from '../helpers/engine-fixture';

const fx = engineFixture();
const pushServer = () => fx.jsonServer();

function run(input: SettingsInput) {
  const settings = SettingsSchema.parse(input);
  const history = createMemoryHistory({ retention: settings.history });
  const state = memoryState(settings);
  const e = createEngine({ state, history });
  const entries: HistoryEntry[] = [];
  const notes: RaisedNotification[] = [];
  const statuses: SourceStatus[] = [];
  e.on('entry', (x) => entries.push(x));
  e.on('notification', (x) => notes.push(x));
  e.on('status', (x) => statuses.push(x));
  fx.track(e);
  return { engine: e, state, history, entries, notes, statuses, settings };
}

const source = (id: string, url: string, options: Record<string, unknown> = {}) => ({
  id,
  kind: 'generic-json',
  name: id,
  url,
  options,
});
const notifyAll = { id: 'all', name: 'Everything', action: { type: 'notify' as const } };

describe('engine', () => {
  it('coalesces a burst: the first few notify, the rest are recorded, then one summary follows', async () => {
    const server = await pushServer();
    const t = run({
      version: 1,
      sources: [source('lab', server.url)],
      rules: [notifyAll],
      policy: { coalesce: { window: 300, threshold: 2 }, dedupWindow: 0 },
    });
    t.engine.start();
    await until(() => server.connections === 1, 'the connection');
    for (let i = 0; i < 6; i++) server.send({ type: 'ping', n: i });
    await until(() => t.entries.some((e) => e.event.type === 'herald.summary'), 'the summary', 3000);
    const outcomes = t.entries.filter((e) => e.event.type === 'json.ping').map((e) => e.decision.action);
    expect(outcomes.filter((a) => a === 'notify')).toHaveLength(2);
    expect(outcomes).toHaveLength(6);
    const summary = t.notes.at(-1)!;
    expect(summary.summaryOf).toBe(4);
    expect(t.notes).toHaveLength(3);
  });

  it('records what no rule notifies and notifies what one does; only the notification is unread', async () => {
    const server = await pushServer();
    const t = run({
      version: 1,
      sources: [source('lab', server.url, { typePath: 'type' })],
      rules: [
        {
          id: 'hot',
          name: 'Hot',
          conditions: [{ field: 'raw.temp', op: 'gt', value: 50 }],
          action: { type: 'notify' },
        },
      ],
    });
    t.engine.start();
    await until(() => server.connections === 1, 'the connection');
    server.send({ type: 'reading', temp: 20 });
    server.send({ type: 'reading', temp: 60 });
    await until(() => t.entries.length === 2, 'two entries');
    expect(t.entries.map((e) => e.decision.action)).toEqual(['record', 'notify']);
    expect(t.history.unreadCount()).toBe(1);
  });

  it('a settings change restarts only the sources whose settings changed, and stops removed ones', async () => {
    const a = await pushServer();
    const b = await pushServer();
    const t = run({ version: 1, sources: [source('a', a.url), source('b', b.url)] });
    t.engine.start();
    await until(() => a.connections === 1 && b.connections === 1, 'both connections');
    const next = SettingsSchema.parse({
      version: 1,
      sources: [source('a', a.url), source('b', b.url, { typePrefix: 'other' })],
    });
    replaceSettings(t.state, next);
    await until(() => b.connections === 2, 'b to reconnect');
    expect(a.connections).toBe(1);
    replaceSettings(t.state, SettingsSchema.parse({ version: 1, sources: [source('a', a.url)] }));
    await until(() => t.engine.statuses().length === 1, 'b to go');
    expect(t.engine.statuses()[0]).toMatchObject({ sourceId: 'a', state: 'open' });
  });

  it('reports an unknown kind as a stopped source instead of failing', () => {
    const t = run({
      version: 1,
      sources: [{ id: 'x', kind: 'gopher', name: 'X', url: 'ws://127.0.0.1:1/' }],
    });
    t.engine.start();
    expect(t.engine.statuses()).toEqual([
      expect.objectContaining({ sourceId: 'x', state: 'stopped', lastError: 'unknown source kind "gopher"' }),
    ]);
  });

  it('a snoozed source still records but does not notify', async () => {
    const server = await pushServer();
    const t = run({
      version: 1,
      sources: [source('lab', server.url)],
      rules: [notifyAll],
      snoozes: { lab: Date.now() + 60_000 },
    });
    t.engine.start();
    await until(() => server.connections === 1, 'the connection');
    server.send({ type: 'door' });
    await until(() => t.entries.length === 1, 'the entry');
    expect(t.entries[0]!.decision).toMatchObject({ action: 'record' });
    expect(t.entries[0]!.decision.reason).toMatch(/snooze/i);
    expect(t.notes).toEqual([]);
    expect(t.engine.statuses()[0]!.snoozedUntil).toBeGreaterThan(Date.now());
  });
});

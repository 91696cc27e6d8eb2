import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../../../app/core/sources/types';
import { frameFeeder, socketConnectionOf } from '../../../helpers/frame-feeder';
import { AuthFailedError } from '../../../../app/core/connection/types';
import type { HttpClient, HttpResponse } from '../../../../app/core/http/types';
import type { SourceContext } from '../../../../app/core/sources/types';
import type { UnraidOptions } from '../../../../app/core/sources/unraid/options';
import { UnraidOptionsSchema } from '../../../../app/core/sources/unraid/options';
import { createUnraidSession } from '../../../../app/core/sources/unraid/session';

type Route = (path: string) => Promise<unknown>;

function stubCtx(route: Route, opts: Partial<UnraidOptions> = {}, secrets: Record<string, string> = {}) {
  const events: SourceEvent[] = [];
  const frames = frameFeeder((batch) => events.push(...batch));
  const warnings: string[] = [];
  const requests: Array<{ url: string; headers?: Record<string, string> }> = [];
  const http: HttpClient = {
    async getJson<T>(url: string, init?: { headers?: Record<string, string> }) {
      requests.push({ url, headers: init?.headers });
      return (await route(url)) as T;
    },
    async request(req) {
      requests.push({ url: req.url, headers: req.headers });
      const body = await route(req.url);
      const text = JSON.stringify(body);
      const res: HttpResponse = { status: 200, headers: {}, text, json: <T>() => JSON.parse(text) as T };
      return res;
    },
  };
  const ctx: SourceContext<UnraidOptions> = {
    config: {
      id: 'tower',
      kind: 'unraid',
      name: 'Tower',
      enabled: true,
      url: 'http://127.0.0.1:1',
      options: {},
      presets: true,
    },
    options: UnraidOptionsSchema.parse({ containerHold: 0, ...opts }),
    secrets,
    saveSecret() {},
    http,
    emit: (batch) => events.push(...batch),
    ...frames.context,
    warn: (m) => warnings.push(m),
    now: () => 1_000,
    setInterval() {},
    setTimeout() {},
    log: { debug() {}, info() {}, warn() {} },
  };
  return { ctx, events, warnings, requests, feed: frames.feed };
}

const link = () => {
  const sent: unknown[] = [];
  return { sent, send: (d: string | object) => (sent.push(d), true) };
};
const tick = () => new Promise((r) => setTimeout(r, 10));
const frame = (event: string, data: unknown) =>
  JSON.stringify({ event, timestamp: '2026-08-20T14:00:00.123456789+10:00', data });

describe('unraid session (current flavour)', () => {
  it('sends the token, subscribes, and ignores a REST answer that a live frame overtook', async () => {
    let releaseDocker: (v: unknown) => void = () => {};
    const dockerBody = new Promise((r) => (releaseDocker = r));
    const { ctx, feed, events, requests } = stubCtx(
      async (path) =>
        path === '/api/v1/docker'
          ? dockerBody
          : path === '/api/v1/notifications'
            ? { notifications: [] }
            : {},
      { flavour: 'current' },
      { token: ' abc ' },
    );
    const s = createUnraidSession(ctx);
    const target = await socketConnectionOf(s).prepare();
    expect(target).toEqual({ url: 'ws://127.0.0.1:1/api/v1/ws', headers: { Authorization: 'Bearer abc' } });
    const l = link();
    await socketConnectionOf(s).onOpen!(l);
    expect(l.sent).toEqual([
      expect.objectContaining({ subscribe: expect.arrayContaining(['container_list_update', 'update']) }),
    ]);
    await tick();
    // The live list (plex running) arrives before the (older) REST answer (plex exited).
    await feed(
      s,
      frame('container_list_update', [{ id: '1', name: 'plex', state: 'running', status: 'Up 1 hour' }]),
      l,
    );
    releaseDocker([{ id: '1', name: 'plex', state: 'exited', status: 'Exited (1) 1 second ago' }]);
    await tick();
    await feed(
      s,
      frame('container_list_update', [{ id: '1', name: 'plex', state: 'running', status: 'Up 1 hour' }]),
      l,
    );
    expect(events.filter((e) => e.type.startsWith('unraid.docker'))).toEqual([]);
    expect(requests.every((r) => r.headers?.Authorization === 'Bearer abc')).toBe(true);
  });

  it('a refused token on REST is one warning, and bad frames throw clear errors', async () => {
    const { ctx, feed, warnings } = stubCtx(
      async () => {
        throw new AuthFailedError();
      },
      { flavour: 'current' },
    );
    const s = createUnraidSession(ctx);
    await socketConnectionOf(s).prepare();
    const l = link();
    await socketConnectionOf(s).onOpen!(l);
    await tick();
    expect(warnings).toEqual(['the agent refused the API token for REST requests']);
    await expect(feed(s, 'not json', l)).rejects.toThrow(/not JSON/);
    await expect(feed(s, '{"type":"stats"}', l)).rejects.toThrow(/no "event" field/);
    await expect(feed(s, frame('array_status_update', 'x'), l)).rejects.toThrow(
      /malformed array_status_update/,
    );
    await expect(feed(s, frame('agent_stream', { event: 'x' }), l)).resolves.toBeUndefined();
  });
});

describe('unraid session (auto flavour)', () => {
  it('tries the current socket first, then asks /api/v1/health once it did not open', async () => {
    const { ctx, requests } = stubCtx(async (path) =>
      path === '/api/v1/health' ? { status: 'healthy', service: 'uma' } : {},
    );
    const s = createUnraidSession(ctx);
    expect((await socketConnectionOf(s).prepare()).url).toBe('ws://127.0.0.1:1/api/v1/ws');
    expect(requests).toEqual([]);
    expect((await socketConnectionOf(s).prepare()).url).toBe('ws://127.0.0.1:1/api/v1/ws/docker/events');
    expect(requests.map((r) => r.url)).toEqual(['/api/v1/health']);
    expect((await socketConnectionOf(s).prepare()).url).toBe('ws://127.0.0.1:1/api/v1/ws/docker/events');
    expect(requests).toHaveLength(1);
    s.dispose!();
  });

  it('stays with the current agent when it opened, and when health does not say "uma"', async () => {
    const { ctx } = stubCtx(async () => ({ status: 'ok' }));
    const s = createUnraidSession(ctx);
    await socketConnectionOf(s).prepare();
    await socketConnectionOf(s).prepare();
    expect((await socketConnectionOf(s).prepare()).url).toBe('ws://127.0.0.1:1/api/v1/ws');
  });
});

import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../../../app/core/sources/types';
import { frameFeeder, socketConnectionOf } from '../../../helpers/frame-feeder';
import { SourceConfigSchema } from '../../../../app/shared/settings';
import { EmbyOptionsSchema } from '../../../../app/core/sources/emby/options';
import { createEmbySession } from '../../../../app/core/sources/emby/session';
import type { SourceContext } from '../../../../app/core/sources/types';
import type { EmbyOptions } from '../../../../app/core/sources/emby/options';
import { frameText } from './fixtures';

function stubSession(options: Record<string, unknown> = {}) {
  const events: SourceEvent[] = [];
  const frames = frameFeeder((batch) => void events.push(...batch));
  const saved: Record<string, string> = {};
  const ctx: SourceContext<EmbyOptions> = {
    config: SourceConfigSchema.parse({ id: 'jf', kind: 'emby', name: 'Jellyfin', url: 'http://127.0.0.1:1' }),
    options: EmbyOptionsSchema.parse({ flavour: 'jellyfin', ...options }),
    secrets: {},
    saveSecret: (field, value) => void (saved[field] = value),
    http: {
      request: async () => ({ status: 404, headers: {}, text: '', json: () => ({}) as never }),
      getJson: async () => {
        throw new Error('unused');
      },
    },
    emit: (batch) => void events.push(...batch),
    ...frames.context,
    warn: () => {},
    now: () => 1_700_000_000_000,
    setInterval: () => {},
    setTimeout: () => {},
    log: { debug() {}, info() {}, warn() {} },
  };
  const sent: string[] = [];
  const link = {
    send: (data: string | object) => (
      sent.push(typeof data === 'string' ? data : JSON.stringify(data)),
      true
    ),
  };
  const session = createEmbySession(ctx);
  const feed = (text: string) => frames.feed(session, text, link);
  return { session, connection: socketConnectionOf(session), events, saved, sent, link, feed };
}

describe('emby session frame handling', () => {
  it('answers every ForceKeepAlive, even with a repeated (zero) MessageId', async () => {
    const { feed, sent } = stubSession();
    await feed(frameText('force-keepalive'));
    await feed(frameText('force-keepalive'));
    expect(sent).toEqual(['{"MessageType":"KeepAlive"}', '{"MessageType":"KeepAlive"}']);
  });

  it('drops a frame delivered twice with the same MessageId', async () => {
    const { feed, events } = stubSession();
    await feed(frameText('display-message'));
    await feed(frameText('display-message'));
    expect(events.map((e) => e.type)).toEqual(['emby.DisplayMessage']);
  });

  it('throws a clear error for bad frames (the socket counts it and stays up)', async () => {
    const { feed } = stubSession();
    await expect(feed('<html>')).rejects.toThrow(/not JSON/);
  });

  it('keeps the Jellyfin KeepAlive interval from the options; explicit Emby flavours have none', () => {
    expect(stubSession({ keepaliveSeconds: 20 }).connection.keepalive?.intervalMs).toBe(20_000);
    expect(stubSession({ flavour: 'emby' }).connection.keepalive).toBeUndefined();
  });

  it('generates and saves a device id once when none is configured', () => {
    const { saved } = stubSession();
    expect(saved.deviceId).toMatch(/^herald-[0-9a-f]{32}$/);
    expect(stubSession({ deviceId: 'mine' }).saved).toEqual({});
  });
});

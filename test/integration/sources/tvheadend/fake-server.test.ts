import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { digestHeader, parseChallenges } from '../../../../app/core/sources/tvheadend/digest-auth';
import { startFakeTvheadend, type FakeTvheadend } from '../../../fakes/tvheadend/server';

/** The fake must behave like the recorded server (protocol note §1, §2, §3, §9), or tests prove nothing. */

let fake: FakeTvheadend | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function authFor(f: FakeTvheadend, uri: string, password = 'admin'): Promise<string> {
  const res = await fetch(`${f.url}/comet/ws`);
  expect(res.status).toBe(401);
  const challenge = parseChallenges(res.headers.get('www-authenticate') ?? '')[0]!;
  return digestHeader({
    username: 'admin',
    password,
    method: 'GET',
    uri,
    challenge: challenge.params,
    nc: 1,
    cnonce: 'abc',
  });
}

function open(f: FakeTvheadend, headers: Record<string, string>, protocols: string[] = ['tvheadend-comet']) {
  const ws = new WebSocket(`ws://127.0.0.1:${f.port}/comet/ws`, protocols, { headers });
  const frames: { boxid?: string; messages: { notificationClass: string }[] }[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; error?: string }>((resolve) => {
    let error: string | undefined;
    ws.on('error', (e) => (error = e.message));
    ws.on('close', (code) => resolve({ code, error }));
  });
  return { ws, frames, closed };
}

describe('fake Tvheadend fidelity', () => {
  it('challenges with Digest, refuses Basic in Digest mode with 401 and a wrong password with 403', async () => {
    fake = await startFakeTvheadend({ batchMs: 50 });
    const plain = await fetch(`${fake.url}/api/serverinfo`, {
      headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    });
    expect(plain.status).toBe(401);
    expect(plain.headers.get('www-authenticate')).toMatch(
      /^Digest realm="tvheadend", qop=auth, nonce="[^"]+", opaque="[^"]+"$/,
    );
    const wrong = await fetch(`${fake.url}/api/serverinfo`, {
      headers: { Authorization: await authFor(fake, '/api/serverinfo', 'nope') },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('www-authenticate')).toBeNull();
  });

  it('answers tvheadend-comet even when not asked, so a strict client fails', async () => {
    fake = await startFakeTvheadend({ batchMs: 50 });
    const { closed } = open(fake, { Authorization: await authFor(fake, '/comet/ws') }, []);
    const result = await closed;
    expect(result.error).toMatch(/subprotocol/);
    expect(result.code).toBe(1006);
  });

  it('sends boxid + accessUpdate + setServerIpPort first, never pings, and drops TCP on a close frame', async () => {
    fake = await startFakeTvheadend({ batchMs: 50 });
    const { ws, frames, closed } = open(fake, { Authorization: await authFor(fake, '/comet/ws') });
    let pinged = false;
    ws.on('ping', () => (pinged = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frames[0]!.boxid).toMatch(/^[0-9a-f]{40}$/);
    expect(frames[0]!.messages.map((m) => m.notificationClass)).toEqual(['accessUpdate', 'setServerIpPort']);
    expect(frames.slice(1).every((f) => f.boxid === undefined)).toBe(true);
    expect(pinged).toBe(false);
    ws.close(1000);
    expect((await closed).code).toBe(1006);
  });

  it('drops a POST without Content-Length', async () => {
    fake = await startFakeTvheadend({ batchMs: 50 });
    const error = await new Promise<string>((resolve) => {
      const req = request(`${fake!.url}/api/idnode/load`, { method: 'POST' }, () => resolve('answered'));
      req.on('error', (e) => resolve(e.message));
      req.write('uuid=x');
      req.end();
    });
    expect(error).toMatch(/socket hang up|ECONNRESET/);
  });
});

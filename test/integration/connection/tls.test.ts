import { beforeAll, describe, expect, it } from 'vitest';
import { generateCaAndLeaf, generateSelfSigned } from '../../helpers/tls';
import type { TestCa, TestCert } from '../../helpers/tls';
import { client, server, sleep, waitUntil } from './harness';

let selfSigned: TestCert;
let other: TestCert;
let ca: TestCa;

beforeAll(async () => {
  [selfSigned, other, ca] = await Promise.all([
    generateSelfSigned(),
    generateSelfSigned(),
    generateCaAndLeaf(),
  ]);
});

describe('wss with self-signed and private-CA certificates', () => {
  it('refuses a self-signed certificate by default, naming its fingerprint; no upgrade is sent', async () => {
    const srv = await server({ tls: selfSigned, onConnection: (ws) => ws.send('hi') });
    const c = client(srv.url, {}, { Authorization: 'Bearer secret' });
    c.socket.start();
    await waitUntil(() => c.last()?.state === 'backing-off', 'refused');
    expect(c.last()?.lastError).toBe(
      `certificate not trusted (self-signed); pin its fingerprint SHA256:${selfSigned.fingerprint256} to trust it`,
    );
    expect(c.last()?.hint).toContain(`SHA256:${selfSigned.fingerprint256}`);
    await sleep(100);
    expect(srv.tcpCount).toBeGreaterThan(0);
    expect(srv.upgradeCount).toBe(0);
    expect(c.texts).toEqual([]);
  });

  it('accepts it when its fingerprint is pinned (any spelling)', async () => {
    const srv = await server({ tls: selfSigned, onConnection: (ws) => ws.send('hi') });
    const pin = selfSigned.fingerprint256.replace(/:/g, '').toLowerCase();
    const c = client(srv.url, { tls: { fingerprint256: pin } });
    c.socket.start();
    await waitUntil(() => c.texts.length === 1, 'frame over wss');
    expect(c.socket.state).toBe('open');
  });

  it('refuses it when a different fingerprint is pinned, and the server sees no upgrade or credentials', async () => {
    const srv = await server({ tls: selfSigned });
    const c = client(
      srv.url,
      { tls: { fingerprint256: other.fingerprint256 } },
      { Authorization: 'Bearer secret' },
    );
    c.socket.start();
    await waitUntil(() => c.statuses.filter((s) => s.state === 'backing-off').length >= 2, 'two refusals');
    expect(c.last()?.lastError).toContain('certificate fingerprint mismatch');
    expect(c.last()?.lastError).toContain(`SHA256:${selfSigned.fingerprint256}`);
    expect(srv.tcpCount).toBeGreaterThanOrEqual(2);
    expect(srv.upgradeCount).toBe(0);
    expect(srv.requestCount).toBe(0);
    expect(srv.upgradeHeaders).toEqual([]);
  });

  it('accepts a leaf issued by a configured custom CA, and refuses it without that CA', async () => {
    const srv = await server({ tls: ca.leaf, onConnection: (ws) => ws.send('via-ca') });
    const without = client(srv.url);
    without.socket.start();
    await waitUntil(() => without.last()?.state === 'backing-off', 'refused without CA');
    expect(without.last()?.lastError).toMatch(/^certificate not trusted \(unknown issuer\)/);
    await without.socket.close();
    expect(srv.upgradeCount).toBe(0);

    const withCa = client(srv.url, { tls: { ca: ca.caPem } });
    withCa.socket.start();
    await waitUntil(() => withCa.texts.length === 1, 'frame via CA');
    expect(withCa.socket.state).toBe('open');
  });

  it('checks the host name on CA-verified certificates', async () => {
    const { generateCaAndLeaf: gen } = await import('../../helpers/tls');
    const wrongHost = await gen(['other.example']);
    const srv = await server({ tls: wrongHost.leaf });
    const c = client(srv.url, { tls: { ca: wrongHost.caPem } });
    c.socket.start();
    await waitUntil(() => c.last()?.state === 'backing-off', 'refused');
    expect(c.last()?.lastError).toContain('different host name');
    expect(srv.upgradeCount).toBe(0);
  });
});

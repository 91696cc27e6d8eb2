import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthFailedError } from '../../../app/core/connection/types';
import { createHttpClient } from '../../../app/core/http/client';
import { HttpError } from '../../../app/core/http/types';
import { generateSelfSigned } from '../../helpers/tls';
import type { TestCert } from '../../helpers/tls';
import { server } from './harness';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function httpServer(handler: Handler): Promise<string> {
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

let cert: TestCert;
let other: TestCert;
beforeAll(async () => {
  [cert, other] = await Promise.all([generateSelfSigned(), generateSelfSigned()]);
});

describe('HTTP client', () => {
  it('gets JSON, resolving paths against a ws:// base with a sub-path and sending default headers', async () => {
    const seen: { url?: string; auth?: string; accept?: string } = {};
    const base = await httpServer((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers['x-emby-token'] as string;
      seen.accept = req.headers.accept;
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    });
    const c = createHttpClient({
      baseUrl: `${base.replace('http', 'ws')}/emby`,
      defaultHeaders: { 'X-Emby-Token': 't' },
    });
    await expect(c.getJson('Sessions?x=1')).resolves.toEqual({ ok: true });
    expect(seen).toEqual({ url: '/emby/Sessions?x=1', auth: 't', accept: 'application/json' });
  });

  it('posts form and JSON bodies, and keeps set-cookie as an array', async () => {
    const bodies: string[] = [];
    const base = await httpServer((req, res, body) => {
      bodies.push(`${req.method} ${req.headers['content-type']} ${body}`);
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end('{}');
    });
    const c = createHttpClient({ baseUrl: base });
    const res = await c.request({ url: '/api/x', form: { a: '1 2', b: '&' } });
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    await c.request({ url: '/api/y', method: 'PUT', json: { n: 1 } });
    expect(bodies).toEqual([
      'POST application/x-www-form-urlencoded a=1+2&b=%26',
      'PUT application/json {"n":1}',
    ]);
  });

  it('times out a server that never answers', async () => {
    const base = await httpServer(() => undefined);
    const c = createHttpClient({ baseUrl: base });
    const err = await c.request({ url: '/slow', timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).message).toBe(`timed out after 200 ms (${base}/slow)`);
  });

  it('401 and 403 reject getJson with AuthFailedError; other statuses with HttpError; request() resolves them all', async () => {
    const base = await httpServer((req, res) => {
      res.statusCode = Number(req.url?.slice(1));
      res.end('<html>nope</html>');
    });
    const c = createHttpClient({ baseUrl: base });
    await expect(c.getJson('/401')).rejects.toBeInstanceOf(AuthFailedError);
    await expect(c.getJson('/403')).rejects.toThrow(`authentication failed (HTTP 403 from ${base}/403)`);
    const err = (await c.getJson('/500').catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.status).toBe(500);
    expect(err.message).toBe(`HTTP 500 from ${base}/500: "<html>nope</html>"`);
    expect((await c.request({ url: '/404' })).status).toBe(404);
  });

  it('a non-JSON body fails with an HttpError naming the URL but not its query (tokens)', async () => {
    const base = await httpServer((_req, res) => res.end('<html>login</html>'));
    const c = createHttpClient({ baseUrl: base });
    const err = (await c.getJson('/api/info?api_key=SECRET').catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err.message).toContain(`response from ${base}/api/info is not JSON`);
    expect(err.message).not.toContain('SECRET');
    expect(err.url).not.toContain('SECRET');
  });

  it('refuses bodies over maxBytes and reports refused connections in plain words', async () => {
    const base = await httpServer((_req, res) => res.end('x'.repeat(10_000)));
    const c = createHttpClient({ baseUrl: base });
    await expect(c.request({ url: '/big', maxBytes: 1_000 })).rejects.toThrow(/too large/);
    const dead = createHttpClient({ baseUrl: 'http://127.0.0.1:1' });
    await expect(dead.request({ url: '/' })).rejects.toThrow('connection refused (http://127.0.0.1:1/)');
  });

  describe('TLS', () => {
    const tlsServer = () =>
      server({
        tls: cert,
        onRequest: (_req, res) => {
          res.setHeader('Content-Type', 'application/json');
          res.end('{"secure":true}');
        },
      });
    const httpsUrl = (wsUrl: string) => wsUrl.replace('wss:', 'https:');

    it('refuses a self-signed server by default, naming the fingerprint', async () => {
      const srv = await tlsServer();
      const c = createHttpClient({ baseUrl: httpsUrl(srv.url) });
      await expect(c.getJson('/x')).rejects.toThrow(`pin its fingerprint SHA256:${cert.fingerprint256}`);
      expect(srv.requestCount).toBe(0);
    });

    it('accepts it when pinned (also through a wss:// base)', async () => {
      const srv = await tlsServer();
      const c = createHttpClient({ baseUrl: srv.url, tls: { fingerprint256: cert.fingerprint256 } });
      await expect(c.getJson('/x')).resolves.toEqual({ secure: true });
    });

    it('refuses a mismatching pin before sending the request', async () => {
      const srv = await tlsServer();
      const c = createHttpClient({
        baseUrl: httpsUrl(srv.url),
        tls: { fingerprint256: other.fingerprint256 },
        defaultHeaders: { Authorization: 'Bearer secret' },
      });
      await expect(c.getJson('/x')).rejects.toThrow('certificate fingerprint mismatch');
      expect(srv.tcpCount).toBe(1);
      expect(srv.requestCount).toBe(0);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { describeClose, describeError } from '../../../app/core/connection/errors';
import { normaliseFingerprint } from '../../../app/core/connection/tls';
import { displayUrl, resolveHttpUrl } from '../../../app/core/http/url';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('plain-words errors', () => {
  it('names the usual network failures', () => {
    expect(describeError(err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))).toBe('connection refused');
    expect(describeError(err('ENOTFOUND'))).toMatch(/^DNS failure/);
    expect(describeError(err('ETIMEDOUT'))).toBe('timed out');
    expect(describeError(new AggregateError([err('ECONNREFUSED')]))).toBe('connection refused');
    expect(describeError(err('ERR_SSL_SOMETHING', 'bad record'))).toMatch(/^TLS problem/);
    expect(describeError(new Error('Opening handshake has timed out'))).toBe('timed out while connecting');
    expect(describeError('weird')).toBe('weird');
  });

  it('describes close codes with the reason', () => {
    expect(describeClose(1001, 'shutting down')).toBe(
      'closed by server (code 1001 going away: shutting down)',
    );
    expect(describeClose(4000, '')).toBe('closed by server (code 4000)');
  });
});

describe('fingerprints', () => {
  it('normalises any spelling to Node format', () => {
    const hex = 'ab'.repeat(32);
    const node = Array(32).fill('AB').join(':');
    expect(normaliseFingerprint(hex)).toBe(node);
    expect(normaliseFingerprint(`SHA256:${node.toLowerCase()}`)).toBe(node);
  });
});

describe('HTTP URL resolution', () => {
  it('maps ws(s) to http(s) and treats the base path as a directory', () => {
    expect(resolveHttpUrl('ws://h:8096/emby', 'Sessions').href).toBe('http://h:8096/emby/Sessions');
    expect(resolveHttpUrl('wss://h/emby/', '/System/Info?x=1').href).toBe('https://h/System/Info?x=1');
    expect(resolveHttpUrl('http://h/base?token=1', 'api/x').href).toBe('http://h/base/api/x');
    expect(resolveHttpUrl('http://h', 'wss://other:1/p').href).toBe('https://other:1/p');
  });

  it('never shows the query (tokens) in displayed URLs', () => {
    expect(displayUrl('http://h:1/api?api_key=secret')).toBe('http://h:1/api');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ChallengeError,
  HttpAuth,
  digestHeader,
  parseChallenges,
} from '../../../../app/core/sources/tvheadend/digest-auth';

const LIVE_MD5 =
  'Digest realm="tvheadend", qop=auth, nonce="f2X7zul1p7hTCmjqwXX/PmZu5bexoQvRb5UJr+1jsCk=", opaque="k2GOkNPlxKOPWe51aGBk9qBWN+cW7OelAkJN5BCF8nw="';
// As Node joins the two headers a SHA-256 server sends (protocol note §9.1).
const LIVE_SHA =
  'Digest realm="tvheadend", qop=auth, algorithm=SHA-256, nonce="JPq0kBY=", opaque="x8WQ7to=", Digest realm="tvheadend", qop=auth, nonce="JPq0kBY=", opaque="x8WQ7to="';

// RFC 7616 §3.9.1.
const RFC = {
  username: 'Mufasa',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nc: 1,
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  challenge: {
    realm: 'http-auth@example.org',
    qop: 'auth, auth-int',
    nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
    opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  },
};

describe('parseChallenges', () => {
  it('reads the live MD5 challenge with base64 nonce and opaque', () => {
    const [c, ...rest] = parseChallenges(LIVE_MD5);
    expect(rest).toHaveLength(0);
    expect(c).toEqual({
      scheme: 'digest',
      params: {
        realm: 'tvheadend',
        qop: 'auth',
        nonce: 'f2X7zul1p7hTCmjqwXX/PmZu5bexoQvRb5UJr+1jsCk=',
        opaque: 'k2GOkNPlxKOPWe51aGBk9qBWN+cW7OelAkJN5BCF8nw=',
      },
    });
  });

  it('splits the two joined challenges of a SHA-256 server, and arrays of headers', () => {
    const joined = parseChallenges(LIVE_SHA);
    expect(joined.map((c) => c.params.algorithm)).toEqual(['SHA-256', undefined]);
    expect(joined[1]!.params.nonce).toBe('JPq0kBY=');
    expect(parseChallenges(['Basic realm="tvheadend"', LIVE_MD5]).map((c) => c.scheme)).toEqual([
      'basic',
      'digest',
    ]);
    expect(parseChallenges(undefined)).toEqual([]);
  });
});

describe('digestHeader', () => {
  it('matches the RFC 7616 MD5 and SHA-256 examples', () => {
    expect(digestHeader(RFC)).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    const sha = digestHeader({ ...RFC, challenge: { ...RFC.challenge, algorithm: 'SHA-256' } });
    expect(sha).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
    expect(sha).toContain('algorithm=SHA-256');
    expect(sha).toContain('qop=auth, nc=00000001');
    expect(sha).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
  });
});

describe('HttpAuth', () => {
  it('counts nc on one nonce and restarts it on a new nonce', () => {
    const auth = new HttpAuth('admin', 'pw', 'auto', () => 'c');
    expect(auth.header('GET', '/x')).toBeUndefined();
    auth.accept(LIVE_MD5);
    expect(auth.header('GET', '/x')).toContain('nc=00000001');
    expect(auth.header('POST', '/api/idnode/load')).toContain('nc=00000002');
    auth.accept(LIVE_MD5);
    expect(auth.header('GET', '/x')).toContain('nc=00000003');
    auth.accept(LIVE_SHA);
    const h = auth.header('GET', '/comet/ws');
    expect(h).toContain('nc=00000001');
    expect(h).toContain('algorithm=SHA-256');
    expect(h).toContain('username="admin"');
  });

  it('answers a Plain-mode server with Basic, and sends Basic when the user chose it', () => {
    const auto = new HttpAuth('admin', 'pw');
    auto.accept('Basic realm="tvheadend"');
    expect(auto.header('GET', '/')).toBe(`Basic ${Buffer.from('admin:pw').toString('base64')}`);
    const basic = new HttpAuth('admin', 'pw', 'basic');
    basic.accept(LIVE_MD5);
    expect(basic.header('GET', '/')).toMatch(/^Basic /);
    const digest = new HttpAuth('admin', 'pw', 'digest');
    expect(() => digest.accept('Basic realm="tvheadend"')).toThrow(ChallengeError);
    expect(() => digest.accept('Basic realm="tvheadend"')).toThrow(/does not offer Digest/);
  });

  it('asks for credentials when none are configured', () => {
    expect(() => new HttpAuth('', '').accept(LIVE_MD5)).toThrow(/needs a username and password/);
  });
});

import { randomBytes } from 'node:crypto';
import { digestResponse, parseChallenges } from '../../../app/core/sources/tvheadend/digest-auth';

/**
 * Tvheadend's HTTP auth as src/http.c does it: Digest by default (realm "tvheadend", qop=auth), Basic
 * only in Plain/Both mode, 401 + challenge when no usable credentials came, 403 for a wrong password
 * or unknown user, 401 + fresh challenge for an unknown or expired nonce.
 */

export interface FakeUser {
  username: string;
  password: string;
  admin?: boolean;
  /** ACL dvr "all": may see other users' recordings. */
  dvrAll?: boolean;
  /** ACL dvr "failed": may see failed recordings. */
  dvrFailed?: boolean;
}

export type AuthMode = 'digest' | 'plain' | 'both';

export interface AuthOutcome {
  status: 200 | 401 | 403;
  user?: FakeUser;
  /** WWW-Authenticate values for a 401 (two for a SHA-256 server). */
  challenge?: string[];
}

const REALM = 'tvheadend';

export class FakeAuth {
  private readonly nonces = new Map<string, number>();
  /** Every Authorization header seen, for tests that check nc counting. */
  readonly seen: string[] = [];

  constructor(
    private readonly users: FakeUser[],
    readonly mode: AuthMode = 'digest',
    private readonly algo: 'MD5' | 'SHA-256' = 'MD5',
    private readonly nonceTtlMs = 30_000,
    private readonly nonceUseTtlMs = 120_000,
  ) {}

  /** Forget every nonce, as if they all expired. */
  expireNonces(): void {
    this.nonces.clear();
  }

  challenge(): string[] {
    if (this.mode === 'plain') return [`Basic realm="${REALM}"`];
    const nonce = randomBytes(32).toString('base64');
    const opaque = randomBytes(32).toString('base64');
    this.nonces.set(nonce, Date.now() + this.nonceTtlMs);
    const md5 = `Digest realm="${REALM}", qop=auth, nonce="${nonce}", opaque="${opaque}"`;
    if (this.algo === 'MD5') return [md5];
    return [
      `Digest realm="${REALM}", qop=auth, algorithm=${this.algo}, nonce="${nonce}", opaque="${opaque}"`,
      md5,
    ];
  }

  verify(method: string, header: string | undefined): AuthOutcome {
    if (header) this.seen.push(header);
    // Anonymous access (an access entry for "*") serves only requests without credentials: a refused
    // Basic or an unknown nonce is a 401 before any access check (src/http.c process_request).
    const anon = this.users.find((u) => u.username === '*');
    const unauthorized = (): AuthOutcome => ({ status: 401, challenge: this.challenge() });
    if (!header) return anon ? { status: 200, user: anon } : unauthorized();
    const [scheme = '', ...rest] = header.split(' ');
    if (scheme.toLowerCase() === 'basic') {
      if (this.mode === 'digest') return unauthorized();
      const [username, ...pw] = Buffer.from(rest.join(' '), 'base64').toString('utf8').split(':');
      const user = this.users.find((u) => u.username === username);
      return user && user.password === pw.join(':') ? { status: 200, user } : { status: 403 };
    }
    if (scheme.toLowerCase() !== 'digest' || this.mode === 'plain') return unauthorized();
    const params = parseChallenges(header)[0]?.params ?? {};
    const { username, realm, nonce, uri, response, qop, nc, cnonce } = params;
    if (
      !username ||
      realm !== REALM ||
      !nonce ||
      !uri ||
      !response ||
      !nc ||
      !cnonce ||
      (qop !== 'auth' && qop !== 'auth-int')
    ) {
      return unauthorized();
    }
    const expires = this.nonces.get(nonce);
    if (expires === undefined || expires < Date.now()) {
      this.nonces.delete(nonce);
      return unauthorized();
    }
    const user = this.users.find((u) => u.username === username);
    if (!user) return { status: 403 };
    const algorithm = (params.algorithm ?? 'MD5').toUpperCase();
    const expected = digestResponse({
      username,
      password: user.password,
      method,
      uri,
      challenge: { realm, nonce },
      nc,
      cnonce,
      algorithm,
      qop,
    });
    if (expected !== response) return { status: 403 };
    this.nonces.set(nonce, Date.now() + this.nonceUseTtlMs);
    return { status: 200, user };
  }
}

import { createHash, randomBytes } from 'node:crypto';

/**
 * HTTP auth as Tvheadend does it: Digest (RFC 7616, qop=auth; MD5 by default, SHA-256 or SHA-512-256 when
 * the admin picked them) or Basic when the server is in "Plain"/"Both" mode. Tvheadend has no tokens, so
 * every upgrade and every API call carries one of these headers.
 */

export type AuthMode = 'auto' | 'digest' | 'basic';

export interface Challenge {
  scheme: 'digest' | 'basic';
  params: Record<string, string>;
}

const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

/**
 * Parses one or more `WWW-Authenticate` values. With a non-MD5 algorithm the server sends two headers,
 * which Node may join with ", " into one string, so split on the scheme names, not on commas.
 */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const out: Challenge[] = [];
  const schemeRe = /(?:^|,)\s*(Digest|Basic)(?=\s|$)/gi;
  const starts: { scheme: 'digest' | 'basic'; from: number; at: number }[] = [];
  for (let m = schemeRe.exec(text); m; m = schemeRe.exec(text)) {
    starts.push({
      scheme: m[1]!.toLowerCase() as 'digest' | 'basic',
      from: m.index + m[0].length,
      at: m.index,
    });
  }
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at : text.length;
    out.push({ scheme: start.scheme, params: parseParams(text.slice(start.from, end)) });
  });
  return out;
}

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  const re = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    params[m[1]!.toLowerCase()] = value;
  }
  return params;
}

function hash(algorithm: string, text: string): string {
  return createHash(HASHES[algorithm] ?? 'md5')
    .update(text, 'utf8')
    .digest('hex');
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

export interface DigestInput {
  username: string;
  password: string;
  method: string;
  uri: string;
  challenge: Record<string, string>;
  nc: number;
  cnonce: string;
}

/** Builds the `Authorization: Digest …` value; exported so the fake server verifies with the same maths. */
export function digestResponse(
  input: Omit<DigestInput, 'nc' | 'cnonce'> & { nc: string; cnonce: string; algorithm: string; qop?: string },
): string {
  const { username, password, method, uri, challenge, nc, cnonce, algorithm, qop } = input;
  const realm = challenge.realm ?? '';
  const nonce = challenge.nonce ?? '';
  const ha1 = hash(algorithm, `${username}:${realm}:${password}`);
  const ha2 = hash(algorithm, `${method}:${uri}`);
  return qop
    ? hash(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : hash(algorithm, `${ha1}:${nonce}:${ha2}`);
}

export function digestHeader(input: DigestInput): string {
  const algorithm = input.challenge.algorithm?.toUpperCase() || 'MD5';
  const qop = (input.challenge.qop ?? '').split(',').map((q) => q.trim());
  const useQop = qop.includes('auth') ? 'auth' : undefined;
  const nc = input.nc.toString(16).padStart(8, '0');
  const response = digestResponse({ ...input, nc, algorithm, qop: useQop });
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(input.challenge.realm ?? '')}`,
    `nonce=${quote(input.challenge.nonce ?? '')}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${algorithm}`,
    `response=${quote(response)}`,
  ];
  if (useQop) parts.push(`qop=${useQop}`, `nc=${nc}`, `cnonce=${quote(input.cnonce)}`);
  if (input.challenge.opaque !== undefined) parts.push(`opaque=${quote(input.challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Why we cannot answer a challenge: wrong mode, no credentials. Worded for the user. */
export class ChallengeError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ChallengeError';
  }
}

/**
 * Keeps the last challenge and counts `nc` on its nonce, so API calls reuse one nonce instead of paying a
 * 401 round trip each time (Tvheadend re-arms a nonce for 2 minutes on every use).
 */
export class HttpAuth {
  private digest: Record<string, string> | undefined;
  private basic = false;
  private nc = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly mode: AuthMode = 'auto',
    private readonly cnonce: () => string = () => randomBytes(12).toString('hex'),
  ) {}

  get hasCredentials(): boolean {
    return this.username !== '';
  }

  /** True once a header can be produced without another 401 round trip. */
  get ready(): boolean {
    return this.hasCredentials && (this.digest !== undefined || this.basic || this.mode === 'basic');
  }

  /** Take a 401's `WWW-Authenticate`; throws ChallengeError when nothing in it is usable. */
  accept(header: string | string[] | undefined): void {
    if (!this.hasCredentials) {
      throw new ChallengeError(
        'this Tvheadend needs a username and password',
        'enter the username in the source settings and the password as its secret',
      );
    }
    const challenges = parseChallenges(header);
    const digest = challenges.find(
      (c) => c.scheme === 'digest' && (c.params.algorithm ?? 'MD5').toUpperCase() in HASHES,
    );
    const basic = challenges.some((c) => c.scheme === 'basic');
    // The user chose Basic: a server in "Both" mode still challenges with Digest only, so send Basic
    // whatever the challenge says and let the server judge it.
    if (this.mode === 'basic') {
      this.basic = true;
      return;
    }
    if (digest) {
      if (digest.params.nonce !== this.digest?.nonce) this.nc = 0;
      this.digest = digest.params;
      this.basic = false;
      return;
    }
    if (basic && this.mode === 'auto') {
      // The server now takes Basic only (switched to "Plain"): an old Digest challenge must not win.
      this.digest = undefined;
      this.basic = true;
      return;
    }
    throw new ChallengeError(
      this.mode === 'digest'
        ? 'this Tvheadend does not offer Digest authentication'
        : 'this Tvheadend asked for an authentication scheme Herald does not know',
      'set Authentication to "Automatic" in the source settings',
    );
  }

  /** The `Authorization` value for one request, or undefined when none is known yet. */
  header(method: string, uri: string): string | undefined {
    if (!this.hasCredentials) return undefined;
    if (this.mode === 'basic' || (this.basic && !this.digest))
      return basicHeader(this.username, this.password);
    if (!this.digest) return undefined;
    this.nc += 1;
    return digestHeader({
      username: this.username,
      password: this.password,
      method,
      uri,
      challenge: this.digest,
      nc: this.nc,
      cnonce: this.cnonce(),
    });
  }
}

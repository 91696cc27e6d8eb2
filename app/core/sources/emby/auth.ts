import { createHash } from 'node:crypto';
import { AuthFailedError } from '../../connection/types';
import type { Flavour } from './options';
import type { AuthenticationResult } from './protocol';
import type { EmbyRest } from './rest';

/** How Herald names itself to the server; Client must be the same everywhere (Identity, headers). */
export interface ClientIdentity {
  client: string;
  version: string;
  deviceId: string;
  deviceName: string;
}

export const CLIENT_NAME = 'Herald';
export const CLIENT_VERSION = '0.1.0';

/** Header values are split on `,` and `=` by the server, then URL-decoded: encode them. */
function quoted(key: string, value: string): string {
  return `${key}="${encodeURIComponent(value)}"`;
}

/** `MediaBrowser Client="…", Device="…", DeviceId="…", Version="…"[, Token="…"]`. */
export function authorizationValue(id: ClientIdentity, token?: string, scheme = 'MediaBrowser'): string {
  const parts = [
    quoted('Client', id.client),
    quoted('Device', id.deviceName),
    quoted('DeviceId', id.deviceId),
    quoted('Version', id.version),
  ];
  if (scheme === 'Emby') parts.unshift('UserId=""');
  if (token) parts.push(quoted('Token', token));
  return `${scheme} ${parts.join(', ')}`;
}

/**
 * REST auth headers. Jellyfin 12 accepts only `Authorization: MediaBrowser …` (or `?ApiKey=`); Emby documents
 * `X-Emby-Authorization` plus `X-Emby-Token`.
 */
export function restHeaders(flavour: Flavour, id: ClientIdentity, token?: string): Record<string, string> {
  if (flavour === 'jellyfin') return { Authorization: authorizationValue(id, token) };
  const headers: Record<string, string> = {
    'X-Emby-Authorization': authorizationValue(id, undefined, 'Emby'),
  };
  if (token) headers['X-Emby-Token'] = token;
  return headers;
}

export interface SignInResult {
  token: string;
  userId?: string;
  sessionId?: string;
  isAdmin?: boolean;
}

/** `POST /Users/AuthenticateByName`; a refusal is an AuthFailedError ("sign in again"), never a retry. */
export async function signIn(
  rest: EmbyRest,
  flavour: Flavour,
  username: string,
  password: string,
): Promise<SignInResult> {
  const body: Record<string, string> = { Username: username, Pw: password };
  if (flavour === 'emby-legacy') {
    // Media Browser 3 compared hashes instead of reading Pw.
    body.Password = createHash('sha1').update(password).digest('hex');
    body.PasswordMd5 = createHash('md5').update(password).digest('hex');
  }
  let result: AuthenticationResult;
  try {
    result = await rest.post<AuthenticationResult>('/Users/AuthenticateByName', body, { withToken: false });
  } catch (err) {
    if (err instanceof AuthFailedError) {
      throw new AuthFailedError(
        `the server refused the sign-in for "${username}"`,
        'check the username and password, then sign in again',
      );
    }
    throw err;
  }
  if (!result || typeof result.AccessToken !== 'string' || result.AccessToken === '') {
    throw new AuthFailedError('the server answered the sign-in without a token', 'sign in again');
  }
  return {
    token: result.AccessToken,
    userId: result.User?.Id,
    sessionId: result.SessionInfo?.Id,
    isAdmin: result.User?.Policy?.IsAdministrator,
  };
}

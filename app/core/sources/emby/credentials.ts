import { randomUUID } from 'node:crypto';
import { AuthFailedError } from '../../connection/types';
import type { SourceContext } from '../types';
import { signIn } from './auth';
import type { Flavour, EmbyOptions } from './options';
import type { EmbyRest } from './rest';

/** The device id is generated once and kept, because the server ties tokens and the session id to it. */
export function resolveDeviceId(ctx: SourceContext<EmbyOptions>): string {
  if (ctx.options.deviceId) return ctx.options.deviceId;
  const saved = ctx.secrets.deviceId;
  if (saved && /^[A-Za-z0-9._-]{1,64}$/.test(saved)) return saved;
  const fresh = `herald-${randomUUID().replace(/-/g, '')}`;
  ctx.saveSecret('deviceId', fresh);
  return fresh;
}

export interface AuthState {
  token?: string;
  mode?: 'apiKey' | 'user';
  userId?: string;
  signedInAt?: number;
}

/**
 * Finds a working token before each connect and proves it with `GET /Sessions` (any account may call it;
 * `/System/Info` may be admin-only). Order: API key (when no username/password), the saved token,
 * then one fresh sign-in. Refusals become AuthFailedError, so the socket stops instead of retrying.
 */
export async function authenticate(
  ctx: SourceContext<EmbyOptions>,
  rest: EmbyRest,
  flavour: Flavour,
  state: AuthState,
): Promise<void> {
  const username = ctx.options.username?.trim();
  const password = ctx.secrets.password;
  const canSignIn = Boolean(username) && typeof password === 'string' && password !== '';
  const validate = () => rest.get<unknown>('/Sessions').then(() => undefined);

  if (!canSignIn && ctx.secrets.apiKey) {
    state.token = ctx.secrets.apiKey;
    state.mode = 'apiKey';
    return rethrow(
      validate(),
      'the server rejected the API key',
      'create a new API key in the dashboard and enter it again',
    );
  }

  // A token signed in for another account (the username was changed since) is not this account's.
  const savedFor = ctx.secrets.tokenUser;
  const otherAccount = Boolean(username) && savedFor !== undefined && savedFor !== username;
  const saved = state.token ?? (otherAccount ? undefined : ctx.secrets.token);
  if (saved) {
    state.token = saved;
    state.mode = 'user';
    try {
      return await validate();
    } catch (err) {
      if (!(err instanceof AuthFailedError)) throw err;
      state.token = undefined;
      if (!canSignIn)
        throw new AuthFailedError(
          'the server rejected the saved sign-in (revoked or expired)',
          'sign in again',
        );
      ctx.log.info(`${ctx.config.id}: saved token refused, signing in again`);
    }
  }

  if (!canSignIn) {
    throw new AuthFailedError(
      username ? `no password stored for "${username}"` : 'no credentials',
      username ? 'sign in again' : 'enter an API key, or a username and password',
    );
  }
  const result = await signIn(rest, flavour, username!, password!);
  state.token = result.token;
  state.mode = 'user';
  state.userId = result.userId ?? state.userId;
  state.signedInAt = ctx.now();
  ctx.saveSecret('token', result.token);
  ctx.saveSecret('tokenUser', username!);
  if (result.isAdmin === false) {
    ctx.warn(
      `"${username}" is not an administrator: no activity log, task or plugin events`,
      'use an administrator account for the full event set',
    );
  }
  return rethrow(validate(), 'the server refused the token it just issued', 'sign in again');
}

async function rethrow<T>(work: Promise<T>, message: string, hint: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AuthFailedError) throw new AuthFailedError(message, hint);
    throw err;
  }
}

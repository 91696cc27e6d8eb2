import { AuthFailedError } from '../../connection/types';
import type { HttpClient } from '../../http/types';
import { HttpError } from '../../http/types';
import type { GatewayConfig, ResourceKind, RestResource } from './protocol';
import {
  ConfigSchema,
  ERR_UNAUTHORIZED_USER,
  isPublicConfigOnly,
  ResourceMapSchema,
  restErrorOf,
  RestResourceSchema,
} from './protocol';
import type { Snapshot } from './resync';

/** A key deleted in Phoscon, or one the gateway never issued: the same for the user, who must pair again. */
export const REVOKED_MESSAGE = 'the gateway refused the API key: pair again';
export const REVOKED_HINT =
  'Choose "Pair again" on this source (or clear its API key), then open Phoscon → Gateway → Advanced → Authenticate app';

/**
 * The key was refused: error type 1 ("unauthorized user") on any call, or only the public config on
 * `/config` (what deCONZ answers for a key it does not know). Every later call would fail the same way.
 */
export class RevokedKeyError extends AuthFailedError {
  constructor() {
    super(REVOKED_MESSAGE, REVOKED_HINT);
    this.name = 'RevokedKeyError';
  }
}

/** REST calls that need the API key. Errors never contain the key (it is part of every path). */
export class GatewayRest {
  constructor(
    private readonly http: HttpClient,
    private readonly key: () => string,
    private readonly timeoutMs = 10_000,
  ) {}

  async get(path: string): Promise<unknown> {
    const url = `/api/${encodeURIComponent(this.key())}${path}`;
    let status: number;
    let body: unknown;
    try {
      const res = await this.http.request({ url, timeoutMs: this.timeoutMs });
      status = res.status;
      body = res.json();
    } catch (err) {
      // Messages from the HTTP layer name the URL, and the URL holds the key: no `cause`, redacted text.
      // eslint-disable-next-line preserve-caught-error -- attaching the cause would leak the API key
      throw new Error(
        `GET ${path} failed: ${redact(err instanceof Error ? err.message : String(err), this.key())}`,
      );
    }
    const error = restErrorOf(body);
    if (error?.type === ERR_UNAUTHORIZED_USER) throw new RevokedKeyError();
    if (error) throw new HttpError(`GET ${path}: ${error.description} (error ${error.type})`, path, status);
    if (status < 200 || status >= 300) throw new HttpError(`GET ${path}: HTTP ${status}`, path, status);
    return body;
  }

  async config(): Promise<GatewayConfig> {
    const parsed = ConfigSchema.safeParse(await this.get('/config'));
    if (!parsed.success) throw new Error('the gateway sent an unreadable /config');
    if (isPublicConfigOnly(parsed.data)) throw new RevokedKeyError();
    return parsed.data;
  }

  async list(r: ResourceKind): Promise<Record<string, RestResource>> {
    const parsed = ResourceMapSchema.safeParse(await this.get(`/${r}`));
    if (!parsed.success) throw new Error(`the gateway sent an unreadable /${r} list`);
    return parsed.data;
  }

  async resource(r: ResourceKind, id: string): Promise<RestResource> {
    const parsed = RestResourceSchema.safeParse(await this.get(`/${r}/${encodeURIComponent(id)}`));
    if (!parsed.success) throw new Error(`the gateway sent an unreadable /${r}/${id}`);
    return parsed.data;
  }

  /**
   * Sensors, lights, groups and alarm systems. The "All" group is not in `/groups`: `/groups/0` returns
   * it under its event id (usually 65520), so it is merged in. Older gateways lack `/alarmsystems`.
   */
  async snapshot(): Promise<Snapshot> {
    const [sensors, lights, groups, alarmsystems, all] = await Promise.all([
      this.list('sensors'),
      this.list('lights'),
      this.list('groups'),
      this.list('alarmsystems').catch(optional),
      this.resource('groups', '0').catch(optional),
    ]);
    if (all?.id && all.id !== '0') groups[all.id] = { ...all, name: all.name ?? 'All' };
    return { sensors, lights, groups, alarmsystems: alarmsystems ?? {} };
  }
}

function optional(err: unknown): undefined {
  if (err instanceof RevokedKeyError) throw err;
  return undefined;
}

function redact(text: string, key: string): string {
  if (!key) return text;
  return text.split(key).join('<api key>').split(encodeURIComponent(key)).join('<api key>');
}

export interface HttpRequest {
  /** Absolute http(s) URL, or a path resolved against the source's base URL (ws(s) is mapped to http(s)). */
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** JSON body (sets Content-Type: application/json). */
  json?: unknown;
  /** Form body (application/x-www-form-urlencoded), as Tvheadend's API wants. */
  form?: Record<string, string>;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Default 8 MiB; larger bodies fail with an HttpError. */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", " except set-cookie / www-authenticate kept as arrays. */
  headers: Record<string, string | string[]>;
  text: string;
  /** Parses the body; throws HttpError naming the URL when it is not JSON. */
  json<T = unknown>(): T;
}

/** A request that could not complete (refused, timed out, TLS refused, body too large). */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    /** The transport error behind it (refused, a certificate verdict), for callers that classify it. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'HttpError';
  }
}

export interface HttpClient {
  /** Resolves for every HTTP status; rejects only when no response came. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** GET/POST expecting 2xx JSON; a 401/403 rejects with AuthFailedError, other statuses with HttpError. */
  getJson<T = unknown>(url: string, init?: Omit<HttpRequest, 'url'>): Promise<T>;
}

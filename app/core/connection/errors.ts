/**
 * Plain-words descriptions of transport failures, shared by the socket and the HTTP client, so the
 * status line says "connection refused" rather than "connect ECONNREFUSED 127.0.0.1:8096".
 */

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  ENOTFOUND: 'DNS failure: host name not found',
  EAI_AGAIN: 'DNS failure: name lookup failed (temporary)',
  EAI_NONAME: 'DNS failure: host name not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host is down',
  EADDRNOTAVAIL: 'address not available',
  ERR_INVALID_URL: 'invalid URL',
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'a frame exceeded the size limit',
  WS_ERR_INVALID_CLOSE_CODE: 'protocol error from the server (invalid close code)',
  WS_ERR_INVALID_UTF8: 'protocol error from the server (invalid UTF-8 in a text frame)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is for a different host name',
  CERT_HAS_EXPIRED: 'certificate expired',
  CERT_NOT_YET_VALID: 'certificate not yet valid',
  EPROTO: 'TLS problem (protocol error; is this really an https/wss port?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS problem (the server did not answer TLS; try http/ws instead)',
};

/** An error with a Node / ws `code`, if any. */
function codeOf(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** One short phrase for the user; keeps the original message when nothing better is known. */
export function describeError(err: unknown): string {
  // Our own certificate verdicts are already worded for the user (and carry the fingerprint).
  if (err instanceof Error && err.name === 'CertificateError') return err.message;
  const code = codeOf(err);
  if (code && CODE_WORDS[code]) return CODE_WORDS[code];
  if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_'))
    return `TLS problem (${errorMessage(err)})`;
  // AggregateError (happy-eyeballs tried several addresses): describe the first cause.
  if (err instanceof AggregateError && err.errors.length > 0) return describeError(err.errors[0]);
  const message = errorMessage(err);
  if (/handshake has timed out/i.test(message)) return 'timed out while connecting';
  return message || 'unknown error';
}

const CLOSE_WORDS: Record<number, string> = {
  1000: 'normal closure',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status',
  1006: 'abnormal closure, no close frame',
  1007: 'invalid frame payload',
  1008: 'policy violation',
  1009: 'message too big',
  1011: 'server error',
  1012: 'service restart',
  1013: 'try again later',
};

/** "closed by server (code 1001 going away: shutting down)". */
export function describeClose(code: number, reason: string): string {
  const words = CLOSE_WORDS[code];
  const detail = [words, reason.trim()].filter(Boolean).join(': ');
  return `closed by server (code ${code}${detail ? ` ${detail}` : ''})`;
}

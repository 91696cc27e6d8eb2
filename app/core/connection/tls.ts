import net from 'node:net';
import tls from 'node:tls';
import type { TlsConfig } from '../../shared/settings';
import { describeError } from './errors';

/**
 * TLS for both the socket and the HTTP client.
 *
 * Why a custom connector: Node calls `checkServerIdentity` only after chain verification passed, so a
 * self-signed certificate can never reach a pin check there. Instead we open the TLS connection
 * ourselves with `rejectUnauthorized: false`, decide on `secureConnect` (pin, CA chain, host name),
 * and only then hand the socket to ws / http. A refused certificate therefore never sees a single
 * request byte: no upgrade request, no credentials.
 */

/** "AB:CD:…" (Node's `fingerprint256` format) from hex with or without colons, any case. */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint
    .replace(/^sha256:/i, '')
    .replace(/[^0-9a-fA-F]/g, '')
    .toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/** A certificate the settings do not allow us to trust. Carries what the UI needs to offer a pin. */
export class CertificateError extends Error {
  constructor(
    message: string,
    /** Node's verification code (DEPTH_ZERO_SELF_SIGNED_CERT, …) or FINGERPRINT_MISMATCH. */
    readonly code: string,
    /** SHA-256 fingerprint of the certificate the server presented ("AB:CD:…"). */
    readonly fingerprint256?: string,
  ) {
    super(message);
    this.name = 'CertificateError';
  }
}

/** CA list for tls options: the system roots plus the configured ones (a bare `ca` would replace them). */
export function buildCa(config?: TlsConfig): string[] | undefined {
  if (!config?.ca?.trim()) return undefined;
  return [...tls.rootCertificates, config.ca];
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNKNOWN_ISSUER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** Decides on an established TLS socket; returns the reason to refuse, or undefined to go ahead. */
export function judgeCertificate(socket: tls.TLSSocket, config?: TlsConfig): CertificateError | undefined {
  const presented = socket.getPeerCertificate()?.fingerprint256;
  const shown = presented ? `SHA256:${presented}` : 'unknown';
  if (config?.fingerprint256) {
    const pinned = normaliseFingerprint(config.fingerprint256);
    if (presented && normaliseFingerprint(presented) === pinned) return undefined;
    return new CertificateError(
      `certificate fingerprint mismatch: the server presented ${shown}, but SHA256:${pinned} is pinned (the certificate changed, or someone is in between)`,
      'FINGERPRINT_MISMATCH',
      presented,
    );
  }
  if (socket.authorized) return undefined;
  const code = String(socket.authorizationError ?? 'UNKNOWN');
  if (SELF_SIGNED.has(code)) {
    return new CertificateError(
      `certificate not trusted (self-signed); pin its fingerprint ${shown} to trust it`,
      code,
      presented,
    );
  }
  if (UNKNOWN_ISSUER.has(code)) {
    return new CertificateError(
      `certificate not trusted (unknown issuer); add the issuing CA certificate, or pin its fingerprint ${shown}`,
      code,
      presented,
    );
  }
  const words = describeError(Object.assign(new Error(code), { code }));
  return new CertificateError(
    `certificate not trusted (${words === code ? code : words}); fingerprint ${shown}`,
    code,
    presented,
  );
}

/** What ws / http hand to `createConnection`. */
export interface ConnectArgs {
  host?: string | null;
  hostname?: string | null;
  port?: number | string | null;
  servername?: string;
}

export type ConnectCallback = (err: Error | null, socket?: net.Socket) => void;
/** Node's async `createConnection` form: returns nothing and calls back once the socket may be used. */
export type SecureConnector = (args: ConnectArgs, oncreate: ConnectCallback) => undefined;

export interface SecureConnectorOptions {
  tls?: TlsConfig;
  /** TLS handshake (and TCP connect) must finish within this. */
  timeoutMs?: number;
  /** Aborting destroys a socket still being set up (close() while connecting). */
  signal?: AbortSignal;
}

export function createSecureConnector(options: SecureConnectorOptions = {}): SecureConnector {
  return (args, oncreate) => {
    let settled = false;
    const host = stripBrackets(args.hostname ?? args.host ?? 'localhost');
    const socket = tls.connect({
      host,
      port: Number(args.port ?? 443),
      servername: args.servername || (net.isIP(host) ? undefined : host),
      ca: buildCa(options.tls),
      // We decide ourselves in `secureConnect`, before any byte of the request is written.
      rejectUnauthorized: false,
    });
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // `finish` stays as an error listener: it is a no-op now, and keeps a late error in the gap before
      // ws / http attach their own listeners from crashing the process.
      if (err) {
        socket.destroy();
        oncreate(err);
      } else {
        oncreate(null, socket);
      }
    };
    const onAbort = () => finish(new Error('connection attempt cancelled'));
    const timer = setTimeout(
      () => finish(Object.assign(new Error('timed out during TLS handshake'), { code: 'ETIMEDOUT' })),
      options.timeoutMs ?? 15_000,
    );
    if (options.signal?.aborted) {
      onAbort();
      return undefined;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', finish);
    socket.once('secureConnect', () => finish(judgeCertificate(socket, options.tls) ?? null));
    return undefined;
  };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

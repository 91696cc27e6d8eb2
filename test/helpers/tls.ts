/**
 * Test-only certificates, generated at test time (pure JS via @peculiar/x509 + WebCrypto), so no key
 * material is ever committed and CI needs no openssl.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill.
import 'reflect-metadata';
import { X509Certificate as NodeX509, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface TestCert {
  certPem: string;
  keyPem: string;
  /** Node's format: "AB:CD:…". */
  fingerprint256: string;
}

export interface TestCa {
  caPem: string;
  /** A leaf for `hosts`, issued by the CA. */
  leaf: TestCert;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey));
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

function sanFor(hosts: string[]): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension(
    hosts.map((h) => ({ type: /^[\d.]+$|:/.test(h) ? 'ip' : 'dns', value: h }) as x509.JsonGeneralName),
  );
}

function fingerprintOf(pem: string): string {
  return new NodeX509(pem).fingerprint256;
}

/** A self-signed server certificate for 127.0.0.1 and localhost. */
export async function generateSelfSigned(hosts: string[] = ['127.0.0.1', 'localhost']): Promise<TestCert> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${hosts[0] ?? 'localhost'}`,
    keys,
    signingAlgorithm: SIGN,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    extensions: [new x509.BasicConstraintsExtension(false), sanFor(hosts)],
  });
  const certPem = cert.toString('pem');
  return { certPem, keyPem: await keyPem(keys.privateKey), fingerprint256: fingerprintOf(certPem) };
}

/** A private CA and a leaf it issued, as a home server behind a self-run CA would have. */
export async function generateCaAndLeaf(hosts: string[] = ['127.0.0.1', 'localhost']): Promise<TestCa> {
  const caKeys = await newKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Herald Test CA',
    keys: caKeys,
    signingAlgorithm: SIGN,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leafKeys = await newKeys();
  const leaf = await x509.X509CertificateGenerator.create({
    subject: `CN=${hosts[0] ?? 'localhost'}`,
    issuer: ca.subject,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: SIGN,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
      sanFor(hosts),
    ],
  });
  const leafPem = leaf.toString('pem');
  return {
    caPem: ca.toString('pem'),
    leaf: {
      certPem: leafPem,
      keyPem: await keyPem(leafKeys.privateKey),
      fingerprint256: fingerprintOf(leafPem),
    },
  };
}

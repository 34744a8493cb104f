import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A PEM certificate and its unencrypted PKCS#8 key, as files. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

/** A throwaway PKI made with `openssl` for one test run; nothing is committed, nothing outlives `remove()`. */
export interface TestCertificates {
  readonly dir: string;
  /** The CA that signed everything below (PEM). */
  readonly ca: string;
  /** For 127.0.0.1 and localhost (serverAuth). */
  readonly server: CertificateFiles;
  /** A client's certificate for mutual TLS (clientAuth), CN `teamseat-test-client`. */
  readonly client: CertificateFiles;
  /** A second CA that signed nothing here: trusting only it must fail. */
  readonly otherCa: string;
  remove(): void;
}

const DAYS = '2';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  openssl(dir, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', DAYS,
    '-subj', `/CN=${name}`, '-keyout', key, '-out', cert,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  return { cert, key };
}

function makeLeaf(
  dir: string,
  ca: { cert: string; key: string },
  name: string,
  extensions: string[],
): CertificateFiles {
  const key = path.join(dir, `${name}.key`);
  const csr = path.join(dir, `${name}.csr`);
  const cert = path.join(dir, `${name}.pem`);
  const ext = path.join(dir, `${name}.ext`);
  fs.writeFileSync(ext, `${['basicConstraints=CA:FALSE', ...extensions].join('\n')}\n`);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', key, '-out', csr]);
  openssl(dir, [
    'x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial',
    '-days', DAYS, '-extfile', ext, '-out', cert,
  ]); // prettier-ignore
  return { cert, key };
}

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate, made now with `openssl`. */
export function createTestCertificates(): TestCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teamseat-certs-'));
  const ca = makeCa(dir, 'teamseat-test-ca');
  const server = makeLeaf(dir, ca, 'localhost', [
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
  ]);
  const client = makeLeaf(dir, ca, 'teamseat-test-client', [
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=clientAuth',
  ]);
  const otherCa = makeCa(dir, 'teamseat-other-ca');
  return {
    dir,
    ca: ca.cert,
    server,
    client,
    otherCa: otherCa.cert,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

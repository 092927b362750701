import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  /** PEM private key. */
  key: string;
  /** PEM certificate; it is its own CA, so a client trusts it by passing it as `ca`. */
  cert: string;
}

/**
 * A fresh self-signed certificate for the given DNS names and IP addresses, made with the openssl
 * command line (part of the machine image), so no key or certificate is kept in the repository and no
 * npm package is needed for it. Valid for two days: long enough for any test run.
 */
export function makeSelfSigned(names: { dns?: string[]; ips?: string[] }): SelfSigned {
  const altNames = [
    ...(names.dns ?? []).map((n) => `DNS:${n}`),
    ...(names.ips ?? []).map((ip) => `IP:${ip}`),
  ].join(',');
  const dir = mkdtempSync(join(tmpdir(), 'wirehose-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        '/CN=wirehose test server',
        '-addext',
        `subjectAltName=${altNames}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('the HTTPS tests make their certificate with openssl, which is not installed', {
        cause: err,
      });
    throw new Error(`openssl could not make a test certificate: ${String((err as Error).message)}`, {
      cause: err,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { trustedCertificates } from './http-client.js';

const PRIVATE_CA = '-----BEGIN CERTIFICATE-----\nprivate\n-----END CERTIFICATE-----\n';

describe('trustedCertificates', () => {
  it("keeps Node's bundled roots and adds the extra CAs after them", () => {
    const list = trustedCertificates(PRIVATE_CA, {});
    expect(list.slice(0, rootCertificates.length)).toEqual([...rootCertificates]);
    expect(list.at(-1)).toBe(PRIVATE_CA);
    expect(trustedCertificates([PRIVATE_CA, PRIVATE_CA], {})).toHaveLength(rootCertificates.length + 2);
  });

  it('keeps the CAs of NODE_EXTRA_CA_CERTS, which an explicit CA list would otherwise drop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirehose-ca-'));
    try {
      const file = join(dir, 'extra.pem');
      writeFileSync(file, 'EXTRA-FROM-ENV');
      const list = trustedCertificates(PRIVATE_CA, { NODE_EXTRA_CA_CERTS: file });
      expect(list).toContain('EXTRA-FROM-ENV');
      expect(list.at(-1)).toBe(PRIVATE_CA);
      // An unreadable file is skipped (Node itself warns about it at start-up).
      expect(trustedCertificates(PRIVATE_CA, { NODE_EXTRA_CA_CERTS: join(dir, 'missing.pem') })).toHaveLength(
        rootCertificates.length + 1,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

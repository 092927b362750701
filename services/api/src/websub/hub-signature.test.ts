import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyHubSignature } from './hub-signature.js';

const body = Buffer.from('<feed/>');
const sign = (alg: string, secret = 's3cret') => createHmac(alg, secret).update(body).digest('hex');

describe('verifyHubSignature', () => {
  it('accepts sha256 in X-Hub-Signature-256 and sha1/sha512 in X-Hub-Signature', () => {
    expect(verifyHubSignature('s3cret', body, { sha256: `sha256=${sign('sha256')}` }).ok).toBe(true);
    expect(verifyHubSignature('s3cret', body, { legacy: `sha1=${sign('sha1')}` }).ok).toBe(true);
    expect(verifyHubSignature('s3cret', body, { legacy: `sha512=${sign('sha512')}` }).ok).toBe(true);
  });

  it('refuses another secret, an unknown algorithm and a missing header', () => {
    expect(verifyHubSignature('s3cret', body, { sha256: `sha256=${sign('sha256', 'other')}` })).toEqual({
      ok: false,
      message: 'hub signature does not match the body',
    });
    expect(verifyHubSignature('s3cret', body, { legacy: `md5=${sign('md5')}` }).ok).toBe(false);
    expect(verifyHubSignature('s3cret', body, {}).ok).toBe(false);
  });
});

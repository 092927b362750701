import { describe, expect, it } from 'vitest';
import { computeSignature, signPayload, verifySignature } from './signature.js';

const secret = 'shh-test-secret';
const body = JSON.stringify({ items: [{ url: 'https://news.example.org/a' }] });

describe('signatures', () => {
  it('verifies what it signed', () => {
    const header = signPayload(secret, body, 1_700_000_000);
    expect(verifySignature(secret, body, header, { now: 1_700_000_100_000 })).toEqual({
      ok: true,
      timestamp: 1_700_000_000,
    });
  });

  it('signs the timestamp with the body', () => {
    expect(computeSignature(secret, 1, body)).not.toBe(computeSignature(secret, 2, body));
  });

  it('rejects a changed body, a wrong secret, a stale timestamp and junk', () => {
    const header = signPayload(secret, body, 1_700_000_000);
    const now = 1_700_000_000_000;
    expect(verifySignature(secret, `${body} `, header, { now })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature('other', body, header, { now })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, body, header, { now: now + 301_000 })).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(secret, body, 'sha256=abc', { now })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(verifySignature(secret, body, undefined, { now })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('accepts any of several v1 values, for secret rotation', () => {
    const t = 1_700_000_000;
    const header = `t=${t},v1=${computeSignature('old', t, body)},v1=${computeSignature(secret, t, body)}`;
    expect(verifySignature(secret, body, header, { now: t * 1000 })).toMatchObject({ ok: true });
  });
});

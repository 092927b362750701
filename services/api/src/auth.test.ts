import { describe, expect, it } from 'vitest';
import { signPayload } from '@wirehose/signing';
import { authenticate, presentedKey, type AuthConfig } from './auth.js';
import { HttpError } from './http-error.js';

const config: AuthConfig = {
  apiKeys: new Map([['ops', 'ops-key-0123456789abcdef']]),
  hmacSecrets: new Map([
    ['alpha', 'alpha-secret-0123456789'],
    ['beta', 'beta-secret-0123456789ab'],
  ]),
  toleranceSeconds: 300,
  now: () => 1_800_000_000_000,
};
const T = 1_800_000_000;

function failure(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected an HttpError');
}

describe('authenticate', () => {
  it('names the client whose secret signed the body', () => {
    const body = Buffer.from('{"items":[]}');
    const headers = { 'x-wirehose-signature': signPayload('beta-secret-0123456789ab', body, T) };
    expect(authenticate({ headers, rawBody: body }, config)).toEqual({ name: 'beta', method: 'hmac' });
  });

  it('only tries the secret of the client named in x-wirehose-client', () => {
    const body = Buffer.from('{}');
    const headers = {
      'x-wirehose-signature': signPayload('beta-secret-0123456789ab', body, T),
      'x-wirehose-client': 'alpha',
    };
    expect(failure(() => authenticate({ headers, rawBody: body }, config)).message).toBe(
      'signature does not match the body',
    );
  });

  it('refuses a stale signature whatever the secret', () => {
    const body = Buffer.from('{}');
    const headers = { 'x-wirehose-signature': signPayload('alpha-secret-0123456789', body, T - 301) };
    const err = failure(() => authenticate({ headers, rawBody: body }, config));
    expect(err.statusCode).toBe(401);
    expect(err.message).toContain('tolerance 300 s');
  });

  it('accepts a bearer key and basic auth with the key as password', () => {
    expect(
      authenticate(
        { headers: { authorization: 'Bearer ops-key-0123456789abcdef' }, rawBody: undefined },
        config,
      ),
    ).toEqual({ name: 'ops', method: 'api-key' });
    const basic = Buffer.from('anyone:ops-key-0123456789abcdef').toString('base64');
    expect(
      authenticate({ headers: { authorization: `Basic ${basic}` }, rawBody: undefined }, config).name,
    ).toBe('ops');
  });

  it('refuses every request when nothing is configured', () => {
    const none: AuthConfig = { apiKeys: new Map(), hmacSecrets: new Map(), toleranceSeconds: 300 };
    const err = failure(() =>
      authenticate({ headers: { authorization: 'Bearer x' }, rawBody: undefined }, none),
    );
    expect(err.message).toContain('API_KEYS');
  });

  it('reads no key from an unknown scheme', () => {
    expect(presentedKey('Token abc')).toBeNull();
    expect(presentedKey(undefined)).toBeNull();
  });
});

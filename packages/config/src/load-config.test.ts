import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseEnvSchema, ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(BaseEnvSchema, { SHUTDOWN_TIMEOUT_MS: '2500' });
    expect(config).toEqual({ WIREHOSE_PREFIX: 'wh', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: 2500 });
  });

  it('names every invalid variable in one error', () => {
    const schema = BaseEnvSchema.extend({ FETCHER_CONCURRENCY: z.coerce.number().int().positive() });
    let caught: unknown;
    try {
      loadConfig(schema, { LOG_LEVEL: 'loud', FETCHER_CONCURRENCY: '-1', WIREHOSE_PREFIX: 'a:b' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('FETCHER_CONCURRENCY');
    expect(message).toContain('WIREHOSE_PREFIX');
    expect((caught as ConfigError).issues).toHaveLength(3);
  });
});

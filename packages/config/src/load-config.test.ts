import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseEnvSchema, ConfigError, loadConfig, loadConfigs } from './load-config.js';

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

  it('lists the problems of every service checked together, a shared one once with each service named', () => {
    const shelf = BaseEnvSchema.extend({ SHELF_SIZE: z.coerce.number().int().positive() });
    const lamp = BaseEnvSchema.extend({ LAMP_WATTS: z.coerce.number().int().min(1) });
    const good = BaseEnvSchema.extend({ RUG_COLOUR: z.string().default('red') });
    let caught: unknown;
    try {
      loadConfigs(
        [
          { name: 'shelf', schema: shelf },
          { name: 'lamp', schema: lamp },
          { name: 'rug', schema: good },
        ],
        { SHELF_SIZE: 'tall', LAMP_WATTS: '0', LOG_LEVEL: 'loud' },
      );
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const lines = (caught as ConfigError).message.split('\n');
    expect(lines.find((l) => l.includes('SHELF_SIZE'))).toMatch(/\(shelf\)$/);
    expect(lines.find((l) => l.includes('LAMP_WATTS'))).toMatch(/\(lamp\)$/);
    expect(lines.filter((l) => l.includes('LOG_LEVEL'))).toEqual([
      expect.stringMatching(/\(shelf, lamp, rug\)$/),
    ]);
    expect((caught as ConfigError).issues).toHaveLength(3);
  });

  it('returns each service its own parsed config when all are valid', () => {
    const shelf = BaseEnvSchema.extend({ SHELF_SIZE: z.coerce.number().int().positive() });
    const configs = loadConfigs([{ name: 'shelf', schema: shelf }], { SHELF_SIZE: '4' });
    expect(configs.get('shelf')).toMatchObject({ SHELF_SIZE: 4, WIREHOSE_PREFIX: 'wh' });
  });
});

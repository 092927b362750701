import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { newcomerEnv, runCli } from './spawn-cli.js';

describe('LOG_LEVEL', () => {
  it('refuses a level pino does not have, listing the ones it has, before doing anything', async () => {
    const run = await runCli(['sources', 'check', '--file', 'no-such-file.yaml'], {
      env: newcomerEnv(tmpdir(), { LOG_LEVEL: 'loud' }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('LOG_LEVEL');
    expect(run.stderr).toContain(
      "expected one of pino's levels: fatal, error, warn, info, debug, trace, silent",
    );
    expect(run.stderr).not.toContain('no-such-file.yaml');
  });
});

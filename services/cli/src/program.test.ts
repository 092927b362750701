import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.js';
import { buildProgram, parseExitCode, type Invocation } from './program.js';

/** Parse `argv` as `wirehose` would; what it printed, the usage error's exit code, and the invocation. */
async function parse(
  argv: string[],
): Promise<{ out: string; err: string; exitCode: number | null; invocation?: Invocation }> {
  let out = '';
  let err = '';
  let invocation: Invocation | undefined;
  const program = buildProgram(COMMANDS, (i) => (invocation = i), {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { out, err, exitCode: null, ...(invocation ? { invocation } : {}) };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { out, err, exitCode: parseExitCode(e) };
  }
}

const forms = COMMANDS.flatMap((c) => [
  { path: [c.name], spec: c },
  ...(c.subcommands ?? []).map((s) => ({ path: [c.name, s.name], spec: s })),
]);

describe('wirehose command line', () => {
  it.each(forms.map((f) => [f.path.join(' '), f] as const))(
    '`%s --help`, `-h` and `help` show its options and an example',
    async (_name, { path, spec }) => {
      // `help` takes one name: `wirehose help dlq`, `wirehose dlq help list`.
      const help = path.length === 1 ? ['help', ...path] : [path[0] ?? '', 'help', ...path.slice(1)];
      for (const argv of [[...path, '--help'], [...path, '-h'], help]) {
        const { out, exitCode } = await parse(argv);
        expect(exitCode, argv.join(' ')).toBe(0);
        expect(out, argv.join(' ')).toContain(`Usage: wirehose ${path.join(' ')}`);
        expect(out).toContain(`Examples:\n  $ wirehose ${path[0]}`);
        for (const option of spec.options ?? []) expect(out).toContain(`--${option.name}`);
      }
    },
  );

  it('names the closest command, sub-command or option and exits 2 on a near miss', async () => {
    const cases: [string[], RegExp][] = [
      [['demoo'], /unknown command 'demoo'\n\(Did you mean demo\?\)/],
      [['demo', '--outt', 'x'], /unknown option '--outt'\n\(Did you mean --out\?\)/],
      [['dlq', 'lst'], /unknown command 'lst'\n\(Did you mean list\?\)/],
      [['dlq', 'retry', '--al'], /Did you mean --all\?/],
      [['consume', '--group', 'g', '--until-idel'], /Did you mean --until-idle\?/],
    ];
    for (const [argv, message] of cases) {
      const { err, exitCode } = await parse(argv);
      expect(exitCode, argv.join(' ')).toBe(2);
      expect(err).toMatch(message);
    }
  });

  it('lists what a command takes when nothing is close', async () => {
    const bogus = await parse(['sources', 'bogus']);
    expect(bogus.exitCode).toBe(2);
    expect(bogus.err).toContain("unknown command 'bogus'");
    expect(bogus.err).toContain('wirehose sources has: list, check');
    const option = await parse(['demo', '--zzz']);
    expect(option.err).toContain('wirehose demo takes: --out');
  });

  it('hands the command its positionals and flags by long name, repeated flags as a list', async () => {
    const replay = await parse(['replay', '--since', '2026-11-24', '--sink', 'a', '--sink', 'b']);
    expect(replay.invocation?.command.name).toBe('replay');
    expect(replay.invocation?.flags).toEqual({ since: '2026-11-24', sink: ['a', 'b'] });
    const consume = await parse(['consume', '--group', 'g', '--claim-idle', '500', '--until-idle']);
    expect(consume.invocation?.flags).toEqual({ group: 'g', 'claim-idle': '500', 'until-idle': true });
    const retry = await parse(['dlq', 'retry', '7', '9']);
    expect(retry.invocation?.args).toEqual(['retry', '7', '9']);
    const search = await parse(['search', 'military', 'aid', '--country', 'VEN']);
    expect(search.invocation?.args).toEqual(['military', 'aid']);
  });
});

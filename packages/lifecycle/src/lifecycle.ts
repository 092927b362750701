import type { Logger } from '@wirehose/logger';

export type Closer = () => Promise<void> | void;

export class ShutdownTimeoutError extends Error {
  override readonly name = 'ShutdownTimeoutError';
  constructor(
    readonly pending: string,
    readonly timeoutMs: number,
  ) {
    super(`shutdown did not finish within ${timeoutMs} ms (still closing: ${pending})`);
  }
}

export interface Lifecycle {
  /** Register something to close; closers run in reverse order of registration. */
  register(name: string, closer: Closer): void;
  /** Run every closer once, newest first, under the deadline. Idempotent: later calls share the first run. */
  shutdown(reason: string): Promise<void>;
  /** SIGTERM/SIGINT start a shutdown; a second signal or the deadline exits 1. */
  installSignalHandlers(exit?: (code: number) => void): void;
}

/** Ordered, deadline-bounded shutdown for one process. */
export function createLifecycle(log: Logger, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Lifecycle {
  const closers: { name: string; closer: Closer }[] = [];
  let running: Promise<void> | undefined;

  async function closeAll(reason: string): Promise<void> {
    log.info({ reason }, 'shutting down');
    let current = 'nothing';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ShutdownTimeoutError(current, timeoutMs)), timeoutMs);
      timer.unref();
    });
    const work = (async () => {
      for (const { name, closer } of [...closers].reverse()) {
        current = name;
        try {
          await closer();
          log.debug({ closer: name }, 'closed');
        } catch (err) {
          log.error({ err, closer: name }, 'closer failed');
        }
      }
    })();
    try {
      await Promise.race([work, deadline]);
      log.info('shutdown complete');
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    register(name, closer) {
      closers.push({ name, closer });
    },
    shutdown(reason) {
      running ??= closeAll(reason);
      return running;
    },
    installSignalHandlers(exit = (code) => process.exit(code)) {
      const onSignal = (signal: NodeJS.Signals): void => {
        if (running) {
          log.warn({ signal }, 'second signal, exiting now');
          exit(1);
          return;
        }
        this.shutdown(signal).then(
          () => exit(0),
          (err: unknown) => {
            log.fatal({ err }, 'shutdown failed');
            exit(1);
          },
        );
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    },
  };
}

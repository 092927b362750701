import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /**
   * Bound as `service` on every line. Leave it out for a process that hosts several services (the CLI):
   * each binds its own with {@link forService}.
   */
  service?: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** Secrets that must never reach a log line, whatever object carries them. */
const REDACT = [
  'req.headers.authorization',
  'req.headers["x-wirehose-signature"]',
  'headers.authorization',
  '*.token',
  '*.secret',
  '*.password',
  '*.apiKey',
];

/** The process's root logger: pino JSON to stdout, narrowed with `child()` where work happens. */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: service === undefined ? {} : { service },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * The logger a service logs with: `log` narrowed to `service: name`, unless `log` already names a
 * service (a process started for this one service). pino repeats a key bound twice, so binding
 * `service` only here keeps one `service` on every line.
 */
export function forService(log: Logger, name: string): Logger {
  return 'service' in log.bindings() ? log : log.child({ service: name });
}

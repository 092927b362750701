import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_PG_SCHEMA } from './postgres/pg-schema.js';

/**
 * How a sink's queue retries a record before dead-lettering it. The defaults span a real outage, as
 * webhook providers do: 14 attempts, 2 s doubling to about 2.3 h, about 4.5 h in all (sum of
 * `backoffMs * 2^k` for k = 0..attempts-2).
 */
const RetrySchema = z.strictObject({
  /** Attempts in all, the first included. */
  attempts: z.number().int().min(1).max(50).default(14),
  /** First backoff delay; each later one doubles (exponential). */
  backoffMs: z.number().int().nonnegative().default(2_000),
});

const SinkNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case letters, digits and dashes (it names a queue)');

const common = {
  /** Unique per file; the sink's queue is `publish-<name>`. Defaults to the type. */
  name: SinkNameSchema.optional(),
  /** Set false to keep an entry in the file without running it. */
  enabled: z.boolean().default(true),
  /** Jobs this sink's worker runs at once, per process. */
  concurrency: z.number().int().min(1).max(256).default(1),
  retry: RetrySchema.prefault({}),
};

export const RedisStreamSinkConfigSchema = z.strictObject({
  ...common,
  type: z.literal('redis-stream'),
  /** Stream key; under the deployment prefix unless it contains ':'. Default `RECORDS_STREAM`. */
  stream: z.string().min(1).optional(),
  /** Approximate cap on the stream's length. Default `RECORDS_STREAM_MAXLEN`. */
  maxLen: z.number().int().positive().optional(),
});

export const NdjsonSinkConfigSchema = z.strictObject({
  ...common,
  type: z.literal('ndjson'),
  /** File (or, when rotating, the base name of the files). Default `NDJSON_PATH`. */
  path: z.string().min(1).optional(),
  rotate: z
    .strictObject({
      /** Start a new file when the current one would grow past this many bytes. */
      maxBytes: z.number().int().positive().optional(),
      /** One file per UTC day: `records.2026-11-24.ndjson`. */
      daily: z.boolean().default(false),
    })
    .optional(),
});

export const PostgresSinkConfigSchema = z.strictObject({
  ...common,
  type: z.literal('postgres'),
  /** Default `DATABASE_URL`. */
  databaseUrl: z.string().min(1).optional(),
  /** Default `PG_SCHEMA` (`wirehose`). */
  schema: z.string().optional(),
  /** Run `migrate` when the sink starts (idempotent). */
  migrate: z.boolean().default(true),
});

export const WebhookFilterSchema = z.strictObject({
  /** Deliver only records with at least one event of these PLOVER types. */
  eventTypes: z.array(z.string().min(1)).optional(),
  /** Deliver only records with an event actor from one of these countries (ISO-3166 alpha-3). */
  countries: z.array(z.string().min(1)).optional(),
  /** Deliver only records with a copy from, or an original source named, one of these outlets. */
  sources: z.array(z.string().min(1)).optional(),
});
export type WebhookFilter = z.infer<typeof WebhookFilterSchema>;

export const WebhookSinkConfigSchema = z
  .strictObject({
    ...common,
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
    /** HMAC secret, given inline … */
    secret: z.string().min(16).optional(),
    /** … or (better) read from a file holding it (a mounted secret); surrounding whitespace is trimmed. */
    secretFile: z.string().min(1).optional(),
    filter: WebhookFilterSchema.optional(),
    /** Whole-request time limit. */
    timeoutMs: z.number().int().positive().default(10_000),
    /** Extra request headers (e.g. an API key the subscriber wants). */
    headers: z.record(z.string(), z.string()).default({}),
    /** Allow loopback and private addresses (tests, private networks). Off: they are refused. */
    allowPrivate: z.boolean().default(false),
    /** Hosts exempt from the private-address refusal. */
    allowHosts: z.array(z.string()).default([]),
  })
  .refine((w) => (w.secret === undefined) !== (w.secretFile === undefined), {
    message: 'give exactly one of secret or secretFile',
  });

export const SinkConfigSchema = z.discriminatedUnion('type', [
  RedisStreamSinkConfigSchema,
  NdjsonSinkConfigSchema,
  PostgresSinkConfigSchema,
  WebhookSinkConfigSchema,
]);
export type SinkConfig = z.infer<typeof SinkConfigSchema>;

/** The sinks file (`SINKS_FILE`, YAML or JSON). */
export const SinksFileSchema = z.strictObject({
  sinks: z.array(SinkConfigSchema).min(1),
});
export type SinksFile = z.infer<typeof SinksFileSchema>;

/** A sink entry with its name settled and its env defaults filled in. */
export type ResolvedSinkConfig =
  | (z.infer<typeof RedisStreamSinkConfigSchema> & { name: string; stream: string; maxLen: number })
  | (z.infer<typeof NdjsonSinkConfigSchema> & { name: string; path: string })
  | (z.infer<typeof PostgresSinkConfigSchema> & { name: string; databaseUrl: string; schema: string })
  | (z.infer<typeof WebhookSinkConfigSchema> & { name: string; secret: string });

/** The environment variables the sinks read for their defaults. */
export interface SinkEnvDefaults {
  RECORDS_STREAM: string;
  RECORDS_STREAM_MAXLEN: number;
  /** Empty: the env-only setup has no NDJSON sink. */
  NDJSON_PATH: string;
  DATABASE_URL: string;
  PG_SCHEMA: string;
  /** Whether the env-only setup includes the PostgreSQL sink. */
  PG_SINK: boolean;
}

export const DEFAULT_SINK_ENV: SinkEnvDefaults = {
  RECORDS_STREAM: 'records',
  RECORDS_STREAM_MAXLEN: 100_000,
  NDJSON_PATH: 'out/records.ndjson',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  PG_SCHEMA: DEFAULT_PG_SCHEMA,
  PG_SINK: false,
};

/** The sinks file is missing, unreadable or invalid; the message lists every problem. */
export class SinksConfigError extends Error {
  override readonly name = 'SinksConfigError';
  constructor(
    message: string,
    readonly file: string | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Fill in names and env defaults, read `secretFile`s, and check names are unique. Relative secret
 * files are read from the working directory.
 */
export async function resolveSinks(
  file: SinksFile,
  defaults: SinkEnvDefaults,
  source: string | null = null,
): Promise<ResolvedSinkConfig[]> {
  const problems: string[] = [];
  const resolved: ResolvedSinkConfig[] = [];
  const names = new Set<string>();
  for (const [i, sink] of file.sinks.entries()) {
    const name = sink.name ?? sink.type;
    if (names.has(name)) problems.push(`sinks[${i}]: a second sink is named "${name}" (give it a name)`);
    names.add(name);
    if (!sink.enabled) continue;
    switch (sink.type) {
      case 'redis-stream':
        resolved.push({
          ...sink,
          name,
          stream: sink.stream ?? defaults.RECORDS_STREAM,
          maxLen: sink.maxLen ?? defaults.RECORDS_STREAM_MAXLEN,
        });
        break;
      case 'ndjson': {
        const path = sink.path ?? defaults.NDJSON_PATH;
        if (!path) problems.push(`sinks[${i}] (${name}): no path and NDJSON_PATH is empty`);
        resolved.push({ ...sink, name, path });
        break;
      }
      case 'postgres':
        resolved.push({
          ...sink,
          name,
          databaseUrl: sink.databaseUrl ?? defaults.DATABASE_URL,
          schema: sink.schema ?? defaults.PG_SCHEMA,
        });
        break;
      case 'webhook': {
        let secret = sink.secret ?? '';
        if (sink.secretFile) {
          try {
            secret = (await readFile(sink.secretFile, 'utf8')).trim();
          } catch (err) {
            problems.push(`sinks[${i}] (${name}): cannot read secretFile: ${(err as Error).message}`);
          }
          if (secret.length < 16) problems.push(`sinks[${i}] (${name}): the secret must have 16+ characters`);
        }
        resolved.push({ ...sink, name, secret });
        break;
      }
    }
  }
  if (problems.length > 0)
    throw new SinksConfigError(
      `invalid sinks${source ? ` in ${source}` : ''}:\n${problems.join('\n')}`,
      source,
    );
  return resolved;
}

/** Parse the text of a sinks file (YAML, which includes JSON). */
export function parseSinksFile(text: string, source = 'sinks file'): SinksFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new SinksConfigError(`${source} is not valid YAML: ${(err as Error).message}`, source, {
      cause: err,
    });
  }
  const parsed = SinksFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new SinksConfigError(`invalid ${source}:\n${z.prettifyError(parsed.error)}`, source);
  return parsed.data;
}

/** The sinks when there is no sinks file: the records stream, plus NDJSON and PostgreSQL when configured. */
export function defaultSinks(defaults: SinkEnvDefaults): SinksFile {
  const sinks: z.input<typeof SinkConfigSchema>[] = [{ type: 'redis-stream' }];
  if (defaults.NDJSON_PATH) sinks.push({ type: 'ndjson' });
  if (defaults.PG_SINK) sinks.push({ type: 'postgres' });
  return SinksFileSchema.parse({ sinks });
}

/**
 * The sinks to run: from `file` (`SINKS_FILE`) when given, otherwise from the environment defaults
 * (stream + NDJSON, and PostgreSQL with `PG_SINK=true`).
 */
export async function loadSinksConfig(
  file: string | undefined,
  defaults: SinkEnvDefaults,
): Promise<ResolvedSinkConfig[]> {
  if (!file) return resolveSinks(defaultSinks(defaults), defaults);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SinksConfigError(`cannot read sinks file ${file}: ${(err as Error).message}`, file, {
      cause: err,
    });
  }
  return resolveSinks(parseSinksFile(text, file), defaults, file);
}

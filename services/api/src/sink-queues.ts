import { readFile } from 'node:fs/promises';
import {
  DEFAULT_SINK_ENV,
  SinksConfigError,
  defaultSinks,
  parseSinksFile,
  sinkQueueName,
} from '@wirehose/sinks';
import type { ApiConfig } from './config.js';

/**
 * The `publish-<sink>` queues of the sinks the publisher runs, read from the same settings it reads
 * (`SINKS_FILE`, or `NDJSON_PATH` and `PG_SINK` without one), so the dashboard and `/metrics` show them.
 * Only names are needed: webhook secrets are not read.
 */
export async function sinkQueueNames(
  config: Pick<ApiConfig, 'SINKS_FILE' | 'NDJSON_PATH' | 'PG_SINK'>,
): Promise<string[]> {
  let file;
  if (config.SINKS_FILE) {
    let text: string;
    try {
      text = await readFile(config.SINKS_FILE, 'utf8');
    } catch (err) {
      throw new SinksConfigError(
        `cannot read sinks file ${config.SINKS_FILE} (SINKS_FILE): ${(err as Error).message}`,
        config.SINKS_FILE,
        { cause: err },
      );
    }
    file = parseSinksFile(text, config.SINKS_FILE);
  } else {
    file = defaultSinks({ ...DEFAULT_SINK_ENV, NDJSON_PATH: config.NDJSON_PATH, PG_SINK: config.PG_SINK });
  }
  return file.sinks.filter((s) => s.enabled).map((s) => sinkQueueName(s.name ?? s.type));
}

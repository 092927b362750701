import { runService } from '@wirehose/runtime';
import { FetcherEnvSchema } from './config.js';
import { startFetcher } from './service.js';

await runService('fetcher', FetcherEnvSchema, startFetcher);

import { runService } from '@wirehose/runtime';
import { DedupEnvSchema } from './config.js';
import { startDedup } from './service.js';

await runService('dedup', DedupEnvSchema, startDedup);

import { runService } from '@wirehose/runtime';
import { ApiEnvSchema } from './config.js';
import { startApi } from './service.js';

await runService('api', ApiEnvSchema, startApi);

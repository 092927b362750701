import { runService } from '@wirehose/runtime';
import { SchedulerEnvSchema } from './config.js';
import { startScheduler } from './service.js';

await runService('scheduler', SchedulerEnvSchema, startScheduler);

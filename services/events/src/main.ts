import { runService } from '@wirehose/runtime';
import { EventsEnvSchema } from './config.js';
import { startEvents } from './service.js';

await runService('events', EventsEnvSchema, startEvents);

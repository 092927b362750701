import { runService } from '@wirehose/runtime';
import { PublisherEnvSchema } from './config.js';
import { startPublisher } from './service.js';

await runService('publisher', PublisherEnvSchema, startPublisher);

import { runService } from '@wirehose/runtime';
import { ExtractorEnvSchema } from './config.js';
import { startExtractor } from './service.js';

await runService('extractor', ExtractorEnvSchema, startExtractor);

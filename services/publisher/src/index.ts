export { startPublisher, recordsStreamKey } from './service.js';
export type { PublisherOptions } from './service.js';
export { PublisherEnvSchema } from './config.js';
export type { PublisherConfig } from './config.js';
export { buildRecordContent, finishRecord, hashContent } from './build-record.js';
export { mentionsSentence } from './mentions.js';

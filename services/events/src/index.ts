export { startEvents } from './service.js';
export { EventsEnvSchema } from './config.js';
export type { EventsConfig } from './config.js';
export { collapseEvents } from './collapse.js';

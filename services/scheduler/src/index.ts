export { startScheduler } from './service.js';
export type { RunningScheduler } from './service.js';
export { syncSchedules } from './sync-schedules.js';
export type { SyncResult } from './sync-schedules.js';
export { SchedulerEnvSchema } from './config.js';
export type { SchedulerConfig } from './config.js';
export { publishSourceSet } from './source-set.js';

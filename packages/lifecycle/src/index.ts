export { createLifecycle, ShutdownTimeoutError } from './lifecycle.js';
export type { Lifecycle, Closer } from './lifecycle.js';

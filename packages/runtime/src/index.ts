export { createStageDeps } from './stage-deps.js';
export { runService } from './run-service.js';

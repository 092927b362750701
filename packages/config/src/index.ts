export { loadConfig, ConfigError, BaseEnvSchema } from './load-config.js';
export type { BaseEnv } from './load-config.js';

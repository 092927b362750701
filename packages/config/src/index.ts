export { loadConfig, loadConfigs, ConfigError, BaseEnvSchema } from './load-config.js';
export type { BaseEnv, NamedSchema } from './load-config.js';

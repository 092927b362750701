export { createStores, hashId } from './stores.js';
export type { Stores, StoreOptions, StoreRetention } from './stores.js';
export { dataKeys } from './keys.js';
export type { DataKeys } from './keys.js';

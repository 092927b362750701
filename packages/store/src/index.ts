export { createStores, hashId } from './stores.js';
export type { Stores, StoreOptions } from './stores.js';
export { dataKeys } from './keys.js';
export type { DataKeys } from './keys.js';

export { toPlainText, toPlainTextOrNull, hasTag } from './plain-text.js';
export type { PlainTextOptions } from './plain-text.js';

export { parseDiscovery, FeedParseError } from './parse-feed.js';
export type { DiscoveredItem, Discovery } from './parse-feed.js';
export { parseSourcesFile, loadSourcesFile, SourcesFileError } from './sources-file.js';

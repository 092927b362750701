export { parseDiscovery, FeedParseError } from './parse-feed.js';
export type { DiscoveredItem, Discovery, DiscoveryFormat, ParseOptions } from './parse-feed.js';
export { parseSectionPage } from './parse-section.js';
export type { SectionOptions } from './parse-section.js';
export { parseSourcesFile, loadSourcesFile, SourcesFileError } from './sources-file.js';
export type { SourcesFileIssue } from './sources-file.js';
export { checkSourceUrls } from './check-urls.js';
export type { SourceUrlVerdict } from './check-urls.js';

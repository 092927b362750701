export { startSampleSite } from './server.js';
export type { SampleSite } from './server.js';
export { loadSampleContent } from './content.js';
export type { SampleArticle, SampleContent, SampleOutlet } from './content.js';
export { sampleSources } from './sources.js';

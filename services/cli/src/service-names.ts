/** Every service `wirehose run` can start, in pipeline order (the scheduler last: it feeds the others). */
export const ALL_SERVICE_NAMES = [
  'fetcher',
  'extractor',
  'dedup',
  'events',
  'publisher',
  'scheduler',
  'api',
] as const;

export type ServiceName = (typeof ALL_SERVICE_NAMES)[number];

/** Services started only when named (they listen on a port). */
const ON_REQUEST: readonly ServiceName[] = ['api'];

/** The default set of `wirehose run` (and the demo): every pipeline stage, not the API. */
export const SERVICE_NAMES: readonly ServiceName[] = ALL_SERVICE_NAMES.filter((s) => !ON_REQUEST.includes(s));

export function isServiceName(name: string): name is ServiceName {
  return (ALL_SERVICE_NAMES as readonly string[]).includes(name);
}

/**
 * Redis keys of the data wirehose keeps between stages, all under one deployment prefix. Keys that one
 * script or transaction touches together share a hash tag (`{…}`), so on a Redis Cluster they sit in
 * one hash slot: a record and the index of records are written together. The other keys are read and
 * written one at a time and spread over the cluster by their own names.
 */
export function dataKeys(prefix: string) {
  return {
    html: (id: string) => `${prefix}:html:${id}`,
    article: (id: string) => `${prefix}:article:${id}`,
    events: (storyId: string) => `${prefix}:events:${storyId}`,
    record: (storyId: string) => `${prefix}:{records}:record:${storyId}`,
    recordIndex: () => `${prefix}:{records}:record-index`,
    dedup: () => `${prefix}:dd`,
  };
}
export type DataKeys = ReturnType<typeof dataKeys>;

/** Redis keys of the data wirehose keeps between stages, all under one deployment prefix. */
export function dataKeys(prefix: string) {
  return {
    html: (id: string) => `${prefix}:html:${id}`,
    article: (id: string) => `${prefix}:article:${id}`,
    events: (storyId: string) => `${prefix}:events:${storyId}`,
    record: (storyId: string) => `${prefix}:record:${storyId}`,
    recordIndex: () => `${prefix}:record-index`,
    dedup: () => `${prefix}:dd`,
  };
}
export type DataKeys = ReturnType<typeof dataKeys>;

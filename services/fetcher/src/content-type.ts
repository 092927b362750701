/** Media types of pages the extractor reads. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The media type of a Content-Type header, lower-cased, without parameters; null when absent. */
export function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/**
 * Why a fetched page is not handed to the extractor, or null when it is a page: an HTML or XHTML type,
 * or no Content-Type at all with a body that starts like markup. PDFs, JSON, images and plain text are
 * not articles the extractor can read, and fetching them again will not change that.
 */
export function unsupportedPageReason(contentType: string | null, body: string): string | null {
  const type = mediaType(contentType);
  if (type === null) {
    return /^\s*</.test(body.slice(0, 1024)) ? null : 'no Content-Type and the body does not start like HTML';
  }
  if (PAGE_TYPES.has(type)) return null;
  return `unsupported content type ${type} (only text/html and application/xhtml+xml pages are extracted)`;
}

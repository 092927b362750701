export { FetchError } from './errors.js';
export { createHttpClient, decodeBody, charsetFromContentType } from './http-client.js';
export type { HttpClient, HttpClientOptions, FetchedPage, ConditionalHeaders } from './http-client.js';
export {
  BlockedUrlError,
  assertUrlAllowed,
  assertAddressAllowed,
  createGuardedLookup,
  nonPublicReason,
  resolveAll,
} from './url-policy.js';
export type { UrlPolicy } from './url-policy.js';
export { canonicalizeUrl, tryCanonicalizeUrl, isTrackingParam, TRACKING_PARAMS } from './canonicalize.js';

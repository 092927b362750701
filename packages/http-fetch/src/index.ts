export { FetchError, HostBusyError } from './errors.js';
export type { FetchFailure } from './errors.js';
export { createHttpClient, parseRetryAfter, trustedCertificates } from './http-client.js';
export type {
  HttpClient,
  HttpClientOptions,
  FetchedPage,
  ConditionalHeaders,
  BeforeRequest,
} from './http-client.js';
export {
  decodeBody,
  decodeBodyDetailed,
  charsetFromContentType,
  charsetFromDocument,
  normalizeCharset,
} from './decode.js';
export type { DecodedBody } from './decode.js';
export {
  BlockedUrlError,
  assertUrlAllowed,
  assertAddressAllowed,
  createGuardedLookup,
  nonPublicReason,
  resolveAll,
} from './url-policy.js';
export type { UrlPolicy } from './url-policy.js';
export {
  canonicalizeUrl,
  tryCanonicalizeUrl,
  urlIdentityKey,
  isTrackingParam,
  isSessionParam,
  TRACKING_PARAMS,
  SESSION_PARAMS,
} from './canonicalize.js';
export { identityUrl } from './identity.js';
export { createRobots, RobotsDisallowedError, RobotsUnavailableError } from './robots.js';
export type { Robots, RobotsOptions, RobotsVerdict } from './robots.js';
export { createHostLimiter } from './host-limiter.js';
export type { HostLimiter, HostLimiterOptions, Acquired } from './host-limiter.js';
export { createPoliteClient } from './polite-client.js';
export type { PoliteClient, PoliteClientOptions } from './polite-client.js';

export { buildApp } from './app.js';
export type { ApiDeps } from './app.js';
export { startApi } from './service.js';
export type { RunningApi } from './service.js';
export { ApiEnvSchema } from './config.js';
export type { ApiConfig } from './config.js';
export { apiOptionsFromConfig } from './options.js';
export type { ApiOptions } from './options.js';
export { CLIENT_HEADER, authenticate, presentedKey } from './auth.js';
export type { Client, AuthConfig } from './auth.js';
export { IDEMPOTENCY_HEADER } from './idempotency.js';
export {
  parseIngestBody,
  describeIssues,
  UrlItemSchema,
  HtmlItemSchema,
  ArticleItemSchema,
} from './ingest-schema.js';
export type { IngestItem, BodyIssue } from './ingest-schema.js';
export type { ItemResult } from './ingester.js';
export { verifyHubSignature } from './websub/hub-signature.js';
export type { Subscription, PublicSubscription } from './websub/subscriptions.js';
export { ERROR_CODES, HttpError } from './http-error.js';
export type { ErrorCode } from './http-error.js';

export { FetchError } from './errors.js';
export { createHttpClient, decodeBody, charsetFromContentType } from './http-client.js';
export type { HttpClient, HttpClientOptions, FetchedPage, ConditionalHeaders } from './http-client.js';

/**
 * The `code` of every error answer, with what it means. Stable: clients may branch on it (the message is
 * for people and may change). docs/api.md lists the same codes; a test keeps the two in step.
 */
export const ERROR_CODES = {
  WH_ERR_INVALID_JSON: 'the body is not valid JSON',
  WH_ERR_INVALID_UTF8: 'the body holds bytes that are not valid UTF-8',
  WH_ERR_VALIDATION: 'a field, item, header or query parameter is invalid; the message names each',
  WH_ERR_UNAUTHENTICATED: 'no, or a wrong, API key or signature',
  WH_ERR_FORBIDDEN: "a WebSub delivery's hub signature is missing or wrong",
  WH_ERR_NOT_FOUND: 'no such route, story or subscription',
  WH_ERR_IDEMPOTENCY_IN_PROGRESS: 'a request with this Idempotency-Key is still being handled',
  WH_ERR_IDEMPOTENCY_MISMATCH: 'this Idempotency-Key was used with a different body',
  WH_ERR_BODY_TOO_LARGE: 'the body is larger than API_BODY_LIMIT_BYTES',
  WH_ERR_UNSUPPORTED_MEDIA_TYPE: 'the body is not sent as application/json',
  WH_ERR_URL_REFUSED: 'a URL failed the SSRF policy (FETCH_ALLOW_PRIVATE, FETCH_ALLOW_HOSTS)',
  WH_ERR_RATE_LIMITED: 'too many requests from this client; retry after Retry-After seconds',
  WH_ERR_INTERNAL: 'an unexpected failure; the API logs have the details',
  WH_ERR_UPSTREAM: 'a WebSub hub could not be reached or refused the request',
  WH_ERR_UNAVAILABLE: 'Redis or the queues cannot be reached; retry after Retry-After seconds',
  WH_ERR_SEARCH_OFF: 'search is off: DATABASE_URL is not set',
  WH_ERR_SEARCH_NOT_MIGRATED: 'the search index does not exist yet: run `wirehose migrate`',
  WH_ERR_SEARCH_UNREACHABLE: 'the PostgreSQL of DATABASE_URL cannot be reached',
  WH_ERR_WEBSUB_OFF: 'WebSub is off: WEBSUB_CALLBACK_URL is not set',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The code an error answer carries when the thrower names none. */
const DEFAULT_CODES: Record<number, ErrorCode> = {
  400: 'WH_ERR_VALIDATION',
  401: 'WH_ERR_UNAUTHENTICATED',
  403: 'WH_ERR_FORBIDDEN',
  404: 'WH_ERR_NOT_FOUND',
  409: 'WH_ERR_IDEMPOTENCY_IN_PROGRESS',
  413: 'WH_ERR_BODY_TOO_LARGE',
  415: 'WH_ERR_UNSUPPORTED_MEDIA_TYPE',
  429: 'WH_ERR_RATE_LIMITED',
  502: 'WH_ERR_UPSTREAM',
  503: 'WH_ERR_UNAVAILABLE',
};

/** An error the API answers with its status and message as they are (no secrets, no internals). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra fields of the answer; `code` overrides the status's default code. */
    readonly details: { code?: ErrorCode } & Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  [key: string]: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function errorBody(
  statusCode: number,
  message: string,
  details: { code?: ErrorCode } & Record<string, unknown> = {},
): ErrorBody {
  return {
    statusCode,
    error: REASONS[statusCode] ?? 'Error',
    code: DEFAULT_CODES[statusCode] ?? (statusCode >= 500 ? 'WH_ERR_INTERNAL' : 'WH_ERR_VALIDATION'),
    message,
    ...details,
  };
}

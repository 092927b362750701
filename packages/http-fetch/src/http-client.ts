import axios, { type AxiosInstance } from 'axios';
import iconv from 'iconv-lite';
import { FetchError } from './errors.js';

export interface HttpClientOptions {
  userAgent: string;
  /** Whole-request time limit. */
  timeoutMs?: number;
  /** Largest body accepted; larger ones abort with a permanent FetchError. */
  maxBytes?: number;
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decoded text; empty when `notModified`. */
  body: string;
  notModified: boolean;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
}

/** Charset named by a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType?.match(/charset\s*=\s*"?([\w.:-]+)"?/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Decode a body with the header's charset when iconv knows it, else UTF-8. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  const charset = charsetFromContentType(contentType);
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    return iconv.decode(bytes, charset);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** HTTP GET with a User-Agent, size and time limits, conditional headers and error classification. */
export function createHttpClient({
  userAgent,
  timeoutMs = 20_000,
  maxBytes = 5 * 1024 * 1024,
}: HttpClientOptions) {
  const http: AxiosInstance = axios.create({
    timeout: timeoutMs,
    maxContentLength: maxBytes,
    maxRedirects: 5,
    responseType: 'arraybuffer',
    decompress: true,
    validateStatus: () => true,
    headers: {
      'user-agent': userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    },
  });

  return {
    async get(url: string, conditional: ConditionalHeaders = {}): Promise<FetchedPage> {
      const headers: Record<string, string> = { ...conditional.headers };
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      let response;
      try {
        response = await http.get<ArrayBuffer>(url, { headers });
      } catch (err) {
        const code = (err as { code?: string }).code;
        const tooLarge =
          code === 'ERR_BAD_RESPONSE' && /maxContentLength/i.test(String((err as Error).message));
        throw new FetchError(
          tooLarge
            ? `GET ${url}: body larger than ${maxBytes} bytes`
            : `GET ${url} failed: ${(err as Error).message}`,
          url,
          tooLarge,
          null,
          { cause: err },
        );
      }
      const status = response.status;
      const finalUrl = (response.request as { res?: { responseUrl?: string } }).res?.responseUrl ?? url;
      const header = (name: string): string | null => {
        const value: unknown = response.headers[name];
        return typeof value === 'string' ? value : null;
      };
      const base = {
        url,
        finalUrl,
        status,
        contentType: header('content-type'),
        etag: header('etag'),
        lastModified: header('last-modified'),
      };
      if (status === 304) return { ...base, body: '', notModified: true };
      if (status >= 400) {
        const permanent = status < 500 && status !== 408 && status !== 429;
        throw new FetchError(`GET ${url} answered ${status}`, url, permanent, status);
      }
      return { ...base, body: decodeBody(Buffer.from(response.data), base.contentType), notModified: false };
    },
  };
}
export type HttpClient = ReturnType<typeof createHttpClient>;

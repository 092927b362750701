import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, FetchError, type HttpClient } from '@wirehose/http-fetch';
import { reply, startTestServer, type TestServer } from './test-server.js';

// iconv-lite is a dependency of @wirehose/http-fetch, not of the root: load it from there.
const iconv = createRequire(new URL('../../../packages/http-fetch/package.json', import.meta.url))(
  'iconv-lite',
) as { encode(text: string, charset: string): Buffer };

const UA = 'wirehose-test/1.0 (+https://example.org/contact)';

describe('the HTTP client against a real server', () => {
  let server: TestServer;
  let http: HttpClient;
  let bigBytesSent = 0;
  let bigClosedEarly = false;

  beforeAll(async () => {
    const html = '<html><head><title>Привет</title></head><body>Здравствуй, мир</body></html>';
    server = await startTestServer({
      '/ok': reply(200, '<p>hello</p>', { etag: '"v1"', 'last-modified': 'Tue, 03 Jun 2025 10:00:00 GMT' }),
      '/conditional': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
        } else {
          res.writeHead(200, { etag: '"v1"', 'content-type': 'application/xml' });
          res.end('<rss/>');
        }
      },
      '/gzip': reply(200, gzipSync('gzipped body'), { 'content-encoding': 'gzip' }),
      '/deflate': reply(200, deflateSync('deflated body'), { 'content-encoding': 'deflate' }),
      '/br': reply(200, brotliCompressSync('brotli body'), { 'content-encoding': 'br' }),
      '/bad-gzip': reply(200, Buffer.from('this is not gzip at all, sorry'), { 'content-encoding': 'gzip' }),
      '/cp1251': reply(200, iconv.encode(html, 'windows-1251'), {
        'content-type': 'text/html; charset=windows-1251',
      }),
      '/sjis-meta': reply(
        200,
        iconv.encode(
          '<html><head><meta charset="Shift_JIS"></head><body>日本語のニュース</body></html>',
          'shift_jis',
        ),
        { 'content-type': 'text/html' },
      ),
      '/bogus-label': reply(
        200,
        iconv.encode(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>Новости</body></html>',
          'windows-1251',
        ),
        { 'content-type': 'text/html; charset=utf8mb4-unknown' },
      ),
      '/utf8-lie': reply(
        200,
        iconv.encode(
          '<html><head><meta charset="iso-8859-2"></head><body>Zażółć gęślą</body></html>',
          'iso-8859-2',
        ),
        { 'content-type': 'text/html; charset=utf-8' },
      ),
      '/bom': reply(200, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße', 'utf8')]), {
        'content-type': 'text/html; charset=iso-8859-1',
      }),
      '/latin1': reply(200, iconv.encode('café crème', 'latin1'), {
        'content-type': 'text/plain; charset=ISO-8859-1',
      }),
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const total = 50 * 1024 * 1024;
        res.on('close', () => {
          if (bigBytesSent < total) bigClosedEarly = true;
        });
        const pump = (): void => {
          while (bigBytesSent < total) {
            bigBytesSent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        pump();
      },
      '/slow': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('.'), 100);
        res.on('close', () => clearInterval(timer));
      },
      '/silent': () => {
        // Never answers.
      },
      '/loop-a': (_req, res, base) => {
        res.writeHead(302, { location: `${base}/loop-b` });
        res.end();
      },
      '/loop-b': (_req, res, base) => {
        res.writeHead(301, { location: `${base}/loop-a` });
        res.end();
      },
      '/chain': (req, res) => {
        const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? '0');
        res.writeHead(302, { location: n >= 3 ? '/ok' : `/chain?n=${n + 1}` });
        res.end();
      },
      '/to-private': (_req, res) => {
        res.writeHead(302, { location: 'http://intranet.test/admin' });
        res.end();
      },
      '/to-file': (_req, res) => {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
      },
      '/too-many': reply(429, 'slow down', { 'retry-after': '7' }),
      '/unavailable': reply(503, 'later', { 'retry-after': 'Wed, 21 Oct 2037 07:28:00 GMT' }),
      '/gone': reply(410, 'gone'),
      '/forbidden': reply(403, 'no'),
      '/req-timeout': reply(408, 'again'),
      '/broken': reply(500, 'oops'),
    });
    http = createHttpClient({
      userAgent: UA,
      policy: { allowHosts: ['127.0.0.1'], resolve: async () => ['10.0.0.7'] },
      maxBytes: 5 * 1024 * 1024,
      timeoutMs: 1_500,
      connectTimeoutMs: 1_000,
      maxRedirects: 5,
    });
  });

  afterAll(async () => {
    http.close();
    await server.close();
  });

  const failure = async (path: string, client: HttpClient = http): Promise<FetchError> => {
    const err = await client.get(`${server.base}${path}`).catch((e: unknown) => e);
    if (!(err instanceof FetchError))
      throw new Error(`expected a FetchError for ${path}, got ${String(err)}`);
    return err;
  };

  it('sends the configured User-Agent and returns validators', async () => {
    const page = await http.get(`${server.base}/ok`);
    expect(page.body).toBe('<p>hello</p>');
    expect(page.etag).toBe('"v1"');
    expect(page.lastModified).toBe('Tue, 03 Jun 2025 10:00:00 GMT');
    expect(server.hits('/ok').at(-1)?.headers['user-agent']).toBe(UA);
  });

  it('answers a conditional GET with notModified and no body', async () => {
    const page = await http.get(`${server.base}/conditional`, { etag: '"v1"' });
    expect(page.notModified).toBe(true);
    expect(page.body).toBe('');
    expect(server.hits('/conditional').at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('decompresses gzip, deflate and brotli', async () => {
    expect((await http.get(`${server.base}/gzip`)).body).toBe('gzipped body');
    expect((await http.get(`${server.base}/deflate`)).body).toBe('deflated body');
    expect((await http.get(`${server.base}/br`)).body).toBe('brotli body');
    expect(server.hits('/gzip').at(-1)?.headers['accept-encoding']).toContain('br');
  });

  it('fails a corrupt gzip body with a clear, retryable decode error', async () => {
    const err = await failure('/bad-gzip');
    expect(err.kind).toBe('decode');
    expect(err.message).toMatch(/could not decompress/);
  });

  it('decodes charsets from the header, the meta tag and the BOM', async () => {
    const cp = await http.get(`${server.base}/cp1251`);
    expect(cp.body).toContain('Здравствуй, мир');
    expect(cp.charset).toBe('windows-1251');
    expect((await http.get(`${server.base}/sjis-meta`)).body).toContain('日本語のニュース');
    expect((await http.get(`${server.base}/bom`)).body).toBe('Grüße');
    expect((await http.get(`${server.base}/latin1`)).body).toBe('café crème');
  });

  it('survives wrong charset labels: unknown header label, and a UTF-8 claim over other bytes', async () => {
    expect((await http.get(`${server.base}/bogus-label`)).body).toContain('Новости');
    expect((await http.get(`${server.base}/utf8-lie`)).body).toContain('Zażółć gęślą');
  });

  it('aborts a 50 MB body past the limit with a clear permanent error, without buffering it', async () => {
    const used = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    const err = await failure('/big');
    expect(err.kind).toBe('too-large');
    expect(err.permanent).toBe(true);
    expect(err.message).toContain('body larger than 5242880 bytes');
    expect(used() - before).toBeLessThan(40 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bigClosedEarly).toBe(true);
    expect(bigBytesSent).toBeLessThan(50 * 1024 * 1024);
  });

  it('times out a slow-drip body and a server that never answers', async () => {
    const slow = await failure('/slow');
    expect(slow.kind).toBe('timeout');
    expect(slow.permanent).toBe(false);
    expect(slow.message).toMatch(/not complete within 1500 ms/);
    const silent = await failure('/silent');
    expect(silent.kind).toBe('timeout');
    expect(silent.message).toMatch(/no response within 1000 ms/);
  });

  it('follows redirects and reports the chain', async () => {
    const page = await http.get(`${server.base}/chain`);
    expect(page.finalUrl).toBe(`${server.base}/ok`);
    expect(page.redirects).toHaveLength(4);
  });

  it('stops a redirect loop and a chain longer than the limit', async () => {
    const loop = await failure('/loop-a');
    expect(loop.kind).toBe('redirects');
    expect(loop.message).toMatch(/redirect loop/);
    const short = createHttpClient({ userAgent: UA, policy: { allowHosts: ['127.0.0.1'] }, maxRedirects: 2 });
    const long = await failure('/chain', short);
    expect(long.message).toMatch(/more than 2 redirects/);
    expect(long.permanent).toBe(true);
    short.close();
  });

  it('checks every redirect hop against the SSRF policy', async () => {
    const err = await failure('/to-private');
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain('intranet.test resolves to private address 10.0.0.7');
    expect((await failure('/to-file')).message).toMatch(/scheme file/);
  });

  it('refuses loopback when it is not allow-listed, before any request', async () => {
    const strict = createHttpClient({ userAgent: UA });
    const count = server.requests.length;
    const err = await failure('/ok', strict);
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(/loopback address 127\.0\.0\.1/);
    expect(server.requests.length).toBe(count);
    strict.close();
  });

  it('checks the address actually connected to (a DNS answer that turns private after the check)', async () => {
    let calls = 0;
    const rebinding = createHttpClient({
      userAgent: UA,
      policy: {
        resolve: async () => {
          calls += 1;
          return calls === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
        },
      },
    });
    const count = server.requests.length;
    const err = await rebinding
      .get(`http://rebind.test:${server.port}/ok`)
      .catch((e: unknown) => e as FetchError);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('blocked');
    expect(calls).toBe(2);
    expect(server.requests.length).toBe(count);
    rebinding.close();
  });

  it('classifies statuses: 429/503 retry with Retry-After, 408/5xx retry, other 4xx are permanent', async () => {
    const many = await failure('/too-many');
    expect([many.status, many.permanent, many.retryAfterMs]).toEqual([429, false, 7000]);
    const unavailable = await failure('/unavailable');
    expect(unavailable.permanent).toBe(false);
    expect(unavailable.retryAfterMs).toBeGreaterThan(0);
    expect((await failure('/req-timeout')).permanent).toBe(false);
    expect((await failure('/broken')).permanent).toBe(false);
    expect((await failure('/gone')).permanent).toBe(true);
    expect((await failure('/forbidden')).permanent).toBe(true);
    expect((await failure('/nothing-here')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, FetchError, type HttpClient, type HttpClientOptions } from '@wirehose/http-fetch';
import { makeSelfSigned, type SelfSigned } from './self-signed.js';
import { reply, startTestServer, type TestServer } from './test-server.js';

const UA = 'wirehose-test/1.0 (+https://example.org/contact)';

describe('HTTPS through the guarded client, against a real TLS server', () => {
  let tls: SelfSigned;
  let server: TestServer;
  const clients: HttpClient[] = [];
  const client = (options: Omit<HttpClientOptions, 'userAgent'>): HttpClient => {
    const made = createHttpClient({ userAgent: UA, connectTimeoutMs: 2_000, timeoutMs: 3_000, ...options });
    clients.push(made);
    return made;
  };
  const failure = async (http: HttpClient, url: string): Promise<FetchError> => {
    const err = await http.get(url).catch((e: unknown) => e);
    if (!(err instanceof FetchError)) throw new Error(`expected a FetchError for ${url}, got ${String(err)}`);
    return err;
  };

  beforeAll(async () => {
    // The certificate names 127.0.0.1 and news.test, a name only the test's resolver knows.
    tls = makeSelfSigned({ dns: ['news.test'], ips: ['127.0.0.1'] });
    server = await startTestServer(
      {
        '/ok': reply(200, '<p>over TLS</p>'),
        '/to-https': (_req, res) => {
          res.writeHead(302, { location: '/ok' });
          res.end();
        },
        '/to-private': (_req, res) => {
          res.writeHead(302, { location: 'https://intranet.test/admin' });
          res.end();
        },
      },
      { tls },
    );
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('fetches from a local TLS server whose certificate is trusted through `ca`', async () => {
    const http = client({ policy: { allowHosts: ['127.0.0.1'] }, ca: tls.cert });
    const page = await http.get(`${server.base}/ok`);
    expect(server.base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(page.status).toBe(200);
    expect(page.body).toBe('<p>over TLS</p>');
    expect(server.hits('/ok').at(-1)?.headers['user-agent']).toBe(UA);
    const redirected = await http.get(`${server.base}/to-https`);
    expect(redirected.finalUrl).toBe(`${server.base}/ok`);
  });

  it("connects to the address the policy's resolver gives and verifies the certificate for the URL's host", async () => {
    const asked: string[] = [];
    const http = client({
      policy: {
        allowHosts: ['news.test'],
        resolve: async (host) => {
          asked.push(host);
          return ['127.0.0.1'];
        },
      },
      ca: tls.cert,
    });
    // news.test exists only for this resolver: the page can only arrive if the https agent's lookup
    // is the guarded one built on it.
    const page = await http.get(`https://news.test:${server.port}/ok`);
    expect(page.body).toBe('<p>over TLS</p>');
    expect(asked).toContain('news.test');
    expect(server.hits('/ok').at(-1)?.headers['host']).toBe(`news.test:${server.port}`);
  });

  it('refuses an untrusted self-signed certificate with an error that names the URL', async () => {
    const http = client({ policy: { allowHosts: ['127.0.0.1'] } });
    const before = server.requests.length;
    const url = `${server.base}/ok`;
    const err = await failure(http, url);
    expect(err.kind).toBe('tls');
    expect(err.permanent).toBe(true);
    expect(err.url).toBe(url);
    expect(err.message).toContain(url);
    expect(err.message).toMatch(/certificate not trusted \(self-signed certificate/);
    expect(server.requests.length).toBe(before);
  });

  it('refuses a certificate that does not name the host, even when its CA is trusted', async () => {
    const http = client({
      policy: { allowHosts: ['other.test'], resolve: async () => ['127.0.0.1'] },
      ca: tls.cert,
    });
    const url = `https://other.test:${server.port}/ok`;
    const err = await failure(http, url);
    expect(err.kind).toBe('tls');
    expect(err.message).toContain(url);
    expect(err.message).toMatch(/other\.test/);
  });

  it('refuses an https host that resolves to a private address, before connecting', async () => {
    const http = client({ policy: { resolve: async () => ['10.0.0.7'] }, ca: tls.cert });
    const before = server.connections();
    const err = await failure(http, `https://intranet.test:${server.port}/ok`);
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain('intranet.test resolves to private address 10.0.0.7');
    expect(server.connections()).toBe(before);
  });

  it('refuses https to loopback when it is not allow-listed, before connecting', async () => {
    const http = client({ ca: tls.cert });
    const before = server.connections();
    const err = await failure(http, `${server.base}/ok`);
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(/loopback address 127\.0\.0\.1/);
    expect(server.connections()).toBe(before);
  });

  it('checks the address the https agent connects to (a DNS answer that turns private after the check)', async () => {
    let calls = 0;
    const http = client({
      policy: {
        resolve: async () => {
          calls += 1;
          return calls === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
        },
      },
      ca: tls.cert,
    });
    const before = server.connections();
    const err = await failure(http, `https://rebind.test:${server.port}/ok`);
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(/rebind\.test resolves to loopback address 127\.0\.0\.1/);
    // First call: the URL check; second: the https agent's own lookup, which refused the connection.
    expect(calls).toBe(2);
    expect(server.connections()).toBe(before);
  });

  it('checks an https redirect hop against the SSRF policy', async () => {
    const http = client({
      policy: { allowHosts: ['127.0.0.1'], resolve: async () => ['10.0.0.7'] },
      ca: tls.cert,
    });
    const err = await failure(http, `${server.base}/to-private`);
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain('intranet.test resolves to private address 10.0.0.7');
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void | Promise<void>;

export interface TestServer {
  base: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted, so a test can tell that a refused fetch never connected. */
  connections(): number;
  /** Requests to one path, in order. */
  hits(path: string): RecordedRequest[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string; cert: string };
}

/** A real HTTP(S) server on 127.0.0.1, port 0, recording every request with its arrival time. */
export async function startTestServer(
  routes: Record<string, Handler> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  let base = '';
  let connections = 0;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, at: Date.now(), headers: req.headers });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    Promise.resolve(handler(req, res, base)).catch(() => res.destroy());
  };
  const server: Server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle);
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    base,
    port,
    requests,
    connections: () => connections,
    hits: (path) => requests.filter((r) => r.path === path),
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reply with a body and headers. */
export const reply =
  (
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): ((req: IncomingMessage, res: ServerResponse, base: string) => void) =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };

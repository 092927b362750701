import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StoryRecord } from '@wirehose/schemas';
import { SIGNATURE_HEADER, verifySignature } from '@wirehose/signing';

export interface Delivery {
  record: StoryRecord;
  idempotencyKey: string | undefined;
  signatureOk: boolean;
  /** What the subscriber answered. */
  status: number;
}

export interface Subscriber {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: Delivery[];
  /** Requests answered 2xx. */
  accepted(): Delivery[];
  /** Resolves once `n` requests have been accepted. */
  waitForAccepted(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook subscriber on 127.0.0.1 that verifies signatures. `failFirst`: answer 503 to the first
 * that many attempts of each delivery (by idempotency key) before accepting it.
 */
export async function startSubscriber({
  secret,
  failFirst = 0,
  port = 0,
}: {
  secret: string;
  failFirst?: number;
  port?: number;
}): Promise<Subscriber> {
  const requests: Delivery[] = [];
  const attempts = new Map<string, number>();
  const events = new EventEmitter();
  const accepted = (): Delivery[] => requests.filter((d) => d.status < 300);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[SIGNATURE_HEADER];
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? key : undefined;
      const seen = (attempts.get(idempotencyKey ?? '') ?? 0) + 1;
      attempts.set(idempotencyKey ?? '', seen);
      const status = seen <= failFirst ? 503 : 204;
      requests.push({
        record: JSON.parse(body) as StoryRecord,
        idempotencyKey,
        signatureOk: verifySignature(secret, body, typeof header === 'string' ? header : undefined).ok,
        status,
      });
      res.statusCode = status;
      res.end();
      events.emit('request');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    requests,
    accepted,
    waitForAccepted(n, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (accepted().length >= n) {
            clearTimeout(timer);
            events.off('request', check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          events.off('request', check);
          reject(new Error(`subscriber accepted ${accepted().length} of ${n} deliveries in ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('request', check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (listened on, then closed). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

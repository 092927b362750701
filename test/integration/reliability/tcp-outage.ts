import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 (port 0) in front of a real server, which the test can take down: while
 * down it drops every connection at once (as a stopped server's host would refuse it), and `cut()`
 * ends the connections it carries (as a server restart does).
 */
export interface TcpOutage {
  readonly port: number;
  up(): void;
  down(): void;
  /** End every open connection (both ends). */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpOutage(target: { host: string; port: number }): Promise<TcpOutage> {
  let isUp = true;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!isUp) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
  const cut = (): void => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    port: address.port,
    up: () => {
      isUp = true;
    },
    down: () => {
      isUp = false;
      cut();
    },
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

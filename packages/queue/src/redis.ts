import { Cluster, Redis, type ClusterNode, type ClusterOptions, type RedisOptions } from 'ioredis';

export type { Redis };

/** What a `REDIS_URL` names: one server, a Redis Cluster, or a primary found through Sentinel. */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: { host: string; port: number }[]; tls: boolean; auth: RedisAuth }
  | {
      kind: 'sentinel';
      sentinels: { host: string; port: number }[];
      name: string;
      tls: boolean;
      auth: RedisAuth;
      /** Credentials of the Sentinel processes themselves (`?sentinelPassword=`, `?sentinelUsername=`). */
      sentinelAuth: RedisAuth;
      db: number;
    };

export interface RedisAuth {
  username?: string;
  password?: string;
}

/** A `REDIS_URL` that names no server wirehose can connect to. */
export class RedisUrlError extends Error {
  override readonly name = 'RedisUrlError';
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(
      `REDIS_URL ${redact(url)}: ${reason}. Use redis://host:port, rediss://host:port, ` +
        'redis-cluster://host:port,host:port (or a comma list of redis:// nodes) or ' +
        'redis-sentinel://host:port,host:port/mastername',
    );
  }
}

/** The URL with its password hidden, for error messages and logs. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function parseHostPort(url: string, part: string, defaultPort: number): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:/?#\s]+)(?::(\d+))?$/.exec(part.trim());
  if (!m?.[1]) throw new RedisUrlError(url, `"${part}" is not host:port`);
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RedisUrlError(url, `port of "${part}" is not between 1 and 65535`);
  }
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** `user:password@` of a URL authority, percent-decoded. */
function parseAuth(userinfo: string | undefined): RedisAuth {
  if (!userinfo) return {};
  const at = userinfo.indexOf(':');
  const username = decodeURIComponent(at < 0 ? userinfo : userinfo.slice(0, at));
  const password = at < 0 ? undefined : decodeURIComponent(userinfo.slice(at + 1));
  return { ...(username ? { username } : {}), ...(password !== undefined ? { password } : {}) };
}

/**
 * Read a `REDIS_URL`:
 * - `redis://[user:pass@]host:port[/db]` or `rediss://…` (TLS): one server;
 * - `redis-cluster://[user:pass@]host:port,host:port` (`rediss-cluster://` for TLS), or a comma list of
 *   `redis://` / `rediss://` URLs: seed nodes of a Redis Cluster;
 * - `redis-sentinel://[user:pass@]host:port,host:port/mastername[/db]` (`rediss-sentinel://` for TLS to
 *   the data nodes): the primary named `mastername`, found through those Sentinels, followed on failover.
 *   `?sentinelPassword=…&sentinelUsername=…` set the Sentinels' own credentials.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const trimmed = url.trim();
  const scheme = /^([a-z-]+):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme) throw new RedisUrlError(url, 'no scheme');
  if ((scheme === 'redis' || scheme === 'rediss') && trimmed.includes(',')) {
    // A comma list of node URLs: a cluster.
    const parts = trimmed.split(',').map((p) => p.trim());
    const parsed = parts.map((p) => {
      const m = /^(rediss?):\/\/(?:([^@/]*)@)?([^/?#]+)\/?$/i.exec(p);
      if (!m?.[3]) throw new RedisUrlError(url, `"${redact(p)}" is not a redis:// node URL`);
      return {
        tls: m[1]?.toLowerCase() === 'rediss',
        auth: parseAuth(m[2]),
        node: parseHostPort(url, m[3], 6379),
      };
    });
    return {
      kind: 'cluster',
      nodes: parsed.map((p) => p.node),
      tls: parsed.some((p) => p.tls),
      auth: parsed.find((p) => p.auth.password !== undefined || p.auth.username)?.auth ?? {},
    };
  }
  if (scheme === 'redis' || scheme === 'rediss') return { kind: 'single', url: trimmed };

  const m = /^[a-z-]+:\/\/(?:([^@/]*)@)?([^/?#]+)(\/[^?#]*)?(?:\?([^#]*))?$/i.exec(trimmed);
  if (!m?.[2]) throw new RedisUrlError(url, 'no host:port list');
  const auth = parseAuth(m[1]);
  const hosts = m[2]
    .split(',')
    .filter((h) => h.trim() !== '')
    .map((h) => parseHostPort(url, h, scheme.includes('sentinel') ? 26379 : 6379));
  if (hosts.length === 0) throw new RedisUrlError(url, 'no host:port list');
  const path = (m[3] ?? '').split('/').filter(Boolean);
  const query = new URLSearchParams(m[4] ?? '');

  if (scheme === 'redis-cluster' || scheme === 'rediss-cluster') {
    if (path.length > 0) throw new RedisUrlError(url, 'a cluster has no database number or name in the path');
    return { kind: 'cluster', nodes: hosts, tls: scheme === 'rediss-cluster', auth };
  }
  if (scheme === 'redis-sentinel' || scheme === 'rediss-sentinel') {
    const [name, dbText] = path;
    if (!name) throw new RedisUrlError(url, 'the primary (master) name is missing: add /mastername');
    const db = dbText === undefined ? 0 : Number(dbText);
    if (!Number.isInteger(db) || db < 0) throw new RedisUrlError(url, `"${dbText}" is not a database number`);
    const sentinelUsername = query.get('sentinelUsername');
    const sentinelPassword = query.get('sentinelPassword');
    return {
      kind: 'sentinel',
      sentinels: hosts,
      name: decodeURIComponent(name),
      tls: scheme === 'rediss-sentinel',
      auth,
      sentinelAuth: {
        ...(sentinelUsername ? { username: sentinelUsername } : {}),
        ...(sentinelPassword !== null ? { password: sentinelPassword } : {}),
      },
      db,
    };
  }
  throw new RedisUrlError(url, `unknown scheme "${scheme}"`);
}

/**
 * A Cluster client whose `duplicate(options)` also accepts connection options, as a single-server client's
 * does, so code written for one server (e.g. a fail-fast copy of a connection) works on a cluster too.
 */
class ClusterConnection extends Cluster {
  readonly #nodes: ClusterNode[];
  constructor(nodes: ClusterNode[], options: ClusterOptions) {
    super(nodes, options);
    this.#nodes = nodes;
  }

  override duplicate(overrideStartupNodes?: unknown, overrideOptions: ClusterOptions = {}): Cluster {
    if (overrideStartupNodes !== undefined && !Array.isArray(overrideStartupNodes)) {
      const extra = overrideStartupNodes as RedisOptions;
      return new ClusterConnection(this.#nodes, {
        ...this.options,
        ...pickClusterLevel(extra),
        redisOptions: { ...this.options.redisOptions, ...extra },
      });
    }
    return new ClusterConnection((overrideStartupNodes as ClusterNode[] | undefined) ?? this.#nodes, {
      ...this.options,
      ...overrideOptions,
    });
  }
}

/** Options a Cluster takes at its own level rather than per node. */
function pickClusterLevel(options: RedisOptions): ClusterOptions {
  const out: ClusterOptions = {};
  if (options.enableOfflineQueue !== undefined) out.enableOfflineQueue = options.enableOfflineQueue;
  if (options.lazyConnect !== undefined) out.lazyConnect = options.lazyConnect;
  return out;
}

/**
 * A Redis connection for one role, from any `REDIS_URL` form (`parseRedisUrl`). Workers block and must
 * wait out outages (`maxRetriesPerRequest: null`, which BullMQ requires of worker connections);
 * request-path producers fail fast instead of queueing commands offline.
 *
 * A cluster is returned as ioredis's `Cluster`, typed as `Redis`: wirehose uses only what both share
 * (commands, `multi`, `eval`, `duplicate`, `quit`, events), and every multi-key command it sends names
 * keys of one hash slot (see `queuePrefix` and the store's keys), which a cluster requires.
 */
export function createRedis(
  url: string,
  role: 'worker' | 'producer' = 'worker',
  extra: RedisOptions = {},
): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, ...extra }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...extra };
  const target = parseRedisUrl(url);
  switch (target.kind) {
    case 'single':
      return new Redis(target.url, options);
    case 'sentinel':
      return new Redis({
        ...options,
        sentinels: target.sentinels,
        name: target.name,
        db: target.db,
        ...target.auth,
        ...(target.sentinelAuth.username ? { sentinelUsername: target.sentinelAuth.username } : {}),
        ...(target.sentinelAuth.password !== undefined
          ? { sentinelPassword: target.sentinelAuth.password }
          : {}),
        ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
      });
    case 'cluster': {
      const cluster = new ClusterConnection(target.nodes, {
        ...pickClusterLevel(options),
        redisOptions: { ...options, ...target.auth, ...(target.tls ? { tls: {} } : {}) },
        ...(target.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
      });
      // The shared command surface is the contract documented above.
      return cluster as unknown as Redis;
    }
  }
}

import { describe, expect, it } from 'vitest';
import { parseRedisUrl, RedisUrlError } from './redis.js';

describe('parseRedisUrl', () => {
  it('passes a single-server URL through unchanged, TLS included', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379/2')).toEqual({
      kind: 'single',
      url: 'redis://127.0.0.1:6379/2',
    });
    expect(parseRedisUrl('rediss://cache.internal:6380')).toEqual({
      kind: 'single',
      url: 'rediss://cache.internal:6380',
    });
  });

  it('reads a redis-cluster:// seed list with credentials', () => {
    expect(parseRedisUrl('redis-cluster://app:s%40cret@10.0.0.1:7000,10.0.0.2:7001,node-c')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: 'node-c', port: 6379 },
      ],
      tls: false,
      auth: { username: 'app', password: 's@cret' },
    });
  });

  it('reads a comma list of node URLs as a cluster, TLS when any node says rediss', () => {
    expect(parseRedisUrl('redis://:pw@a:7000,rediss://b:7001')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'a', port: 7000 },
        { host: 'b', port: 7001 },
      ],
      tls: true,
      auth: { password: 'pw' },
    });
  });

  it('reads a Sentinel set, the primary name, a database and the Sentinels own password', () => {
    expect(
      parseRedisUrl('redis-sentinel://:datapw@s1:26379,s2:26380,[::1]/wirehose-main/3?sentinelPassword=sp'),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
        { host: '::1', port: 26379 },
      ],
      name: 'wirehose-main',
      tls: false,
      auth: { password: 'datapw' },
      sentinelAuth: { password: 'sp' },
      db: 3,
    });
  });

  it('refuses a Sentinel URL without the primary name, saying what to add', () => {
    expect(() => parseRedisUrl('redis-sentinel://s1:26379,s2:26379')).toThrow(/add \/mastername/);
  });

  it('refuses an unknown scheme or a bad port, naming the accepted forms and hiding the password', () => {
    expect(() => parseRedisUrl('memcached://host:11211')).toThrow(RedisUrlError);
    expect(() => parseRedisUrl('redis-cluster://u:topsecret@a:99999')).toThrow(/between 1 and 65535/);
    try {
      parseRedisUrl('redis-cluster://u:topsecret@a:99999');
    } catch (err) {
      expect((err as Error).message).not.toContain('topsecret');
      expect((err as Error).message).toContain('redis-sentinel://');
    }
  });
});

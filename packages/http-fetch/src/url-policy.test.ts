import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertUrlAllowed, BlockedUrlError, createGuardedLookup, nonPublicReason } from './url-policy.js';

const resolver =
  (table: Record<string, string[]>) =>
  (host: string): Promise<string[]> =>
    Promise.resolve(table[host] ?? []);

describe('nonPublicReason', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.3.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.10',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:8.8.8.8',
    '::7f00:1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001:db8::1',
  ])('refuses %s', (address) => {
    expect(nonPublicReason(address)).not.toBeNull();
  });

  it.each(['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'accepts the public address %s',
    (address) => {
      expect(nonPublicReason(address)).toBeNull();
    },
  );
});

describe('assertUrlAllowed', () => {
  const resolve = resolver({
    'news.example': ['93.184.216.34'],
    'intranet.example': ['10.1.2.3'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'mapped.example': ['::ffff:192.168.0.1'],
  });

  it('accepts a public host', async () => {
    await expect(assertUrlAllowed('https://news.example/a', { resolve })).resolves.toBeUndefined();
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://news.example/', 'gopher://news.example/', 'data:,x']) {
      await expect(assertUrlAllowed(url, { resolve })).rejects.toThrow(/scheme/);
    }
  });

  it('refuses loopback and private IP literals, decimal and hex forms included', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      await expect(assertUrlAllowed(url, { resolve })).rejects.toBeInstanceOf(BlockedUrlError);
    }
  });

  it('refuses a hostname that resolves to a private address, naming host and address', async () => {
    const err = await assertUrlAllowed('http://intranet.example/x', { resolve }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedUrlError);
    expect((err as BlockedUrlError).reason).toBe('intranet.example resolves to private address 10.1.2.3');
    expect((err as BlockedUrlError).url).toBe('http://intranet.example/x');
  });

  it('refuses when any of the resolved addresses is private', async () => {
    await expect(assertUrlAllowed('http://mixed.example/', { resolve })).rejects.toThrow(/loopback/);
  });

  it('refuses an IPv4-mapped IPv6 answer', async () => {
    await expect(assertUrlAllowed('http://mapped.example/', { resolve })).rejects.toThrow(/IPv4-mapped/);
  });

  it('refuses credentials in the URL and a host that resolves to nothing', async () => {
    await expect(assertUrlAllowed('http://u:p@news.example/', { resolve })).rejects.toThrow(/credentials/);
    await expect(assertUrlAllowed('http://nowhere.example/', { resolve })).rejects.toThrow(/no address/);
  });

  it('lets allow-listed hosts and addresses through, and everything with allowPrivate', async () => {
    await expect(
      assertUrlAllowed('http://127.0.0.1:8080/', { resolve, allowHosts: ['127.0.0.1'] }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed('http://intranet.example/', { resolve, allowHosts: ['INTRANET.example'] }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed('http://intranet.example/', { resolve, allowHosts: ['10.1.2.3'] }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed('http://[::1]/', { resolve, allowHosts: ['::1'] }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed('http://10.0.0.1/', { resolve, allowPrivate: true }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed('file:///etc/passwd', { resolve, allowPrivate: true }),
    ).rejects.toBeInstanceOf(BlockedUrlError);
  });
});

describe('createGuardedLookup', () => {
  const lookupOnce = (
    lookup: ReturnType<typeof createGuardedLookup>,
    host: string,
    all: boolean,
  ): Promise<unknown> =>
    new Promise((resolve, reject) => {
      lookup(host, { all }, (err, address) => (err ? reject(err) : resolve(address)));
    });

  it('fails the connection when the name now resolves to a private address', async () => {
    const lookup = createGuardedLookup({ resolve: resolver({ 'rebind.example': ['127.0.0.1'] }) });
    await expect(lookupOnce(lookup, 'rebind.example', true)).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(lookupOnce(lookup, 'rebind.example', false)).rejects.toThrow(/loopback/);
  });

  it('answers in the shape the caller asked for', async () => {
    const lookup = createGuardedLookup({
      resolve: resolver({ 'ok.example': ['93.184.216.34', '2606:4700::1'] }),
    });
    expect(await lookupOnce(lookup, 'ok.example', true)).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    expect(await lookupOnce(lookup, 'ok.example', false)).toBe('93.184.216.34');
  });
});

describe('address classification properties', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const inRange = (first: number[], rest: number) =>
    fc.tuple(...Array.from({ length: rest }, () => octet)).map((tail) => [...first, ...tail].join('.'));

  it('refuses every address of the loopback, private, link-local, CGNAT and multicast ranges', () => {
    const blocked = fc.oneof(
      inRange([127], 3),
      inRange([10], 3),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      inRange([192, 168], 2),
      inRange([169, 254], 2),
      fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([b, c, d]) => `100.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 224, max: 255 }), octet, octet, octet).map((o) => o.join('.')),
      inRange([0], 3),
    );
    fc.assert(
      fc.property(blocked, (address) => {
        expect(nonPublicReason(address)).not.toBeNull();
        expect(nonPublicReason(`::ffff:${address}`)).not.toBeNull();
      }),
    );
  });

  it('refuses IPv4-mapped IPv6 addresses whatever the IPv4 address inside, naming it', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (o) => {
        expect(nonPublicReason(`::ffff:${o.join('.')}`)).toMatch(/^IPv4-mapped IPv6 address/);
      }),
    );
  });

  it('accepts public IPv4 addresses outside every special range', () => {
    const publicV4 = fc
      .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
      .filter(([a, b, c]) => {
        if ([0, 10, 127].includes(a)) return false;
        if (a === 100 && b >= 64 && b <= 127) return false;
        if (a === 169 && b === 254) return false;
        if (a === 172 && b >= 16 && b <= 31) return false;
        if (a === 192 && (b === 168 || (b === 0 && (c === 0 || c === 2)) || (b === 88 && c === 99)))
          return false;
        if (a === 198 && (b === 18 || b === 19 || (b === 51 && c === 100))) return false;
        if (a === 203 && b === 0 && c === 113) return false;
        if (a === 192 && b === 52 && c === 193) return false;
        if (a === 192 && ((b === 175 && c === 48) || (b === 31 && c === 196))) return false;
        return true;
      })
      .map((o) => o.join('.'));
    fc.assert(
      fc.property(publicV4, (address) => {
        expect(nonPublicReason(address)).toBeNull();
      }),
    );
  });
});

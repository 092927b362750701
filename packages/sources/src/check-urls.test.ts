import { describe, expect, it } from 'vitest';
import { checkSourceUrls } from './check-urls.js';

const resolve = async (host: string): Promise<string[]> => {
  if (host === 'intranet.corp.example') return ['10.1.2.3'];
  if (host === 'wire.example') return ['93.184.216.34'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

describe('checkSourceUrls', () => {
  it('refuses what the fetcher refuses and says why', async () => {
    const verdicts = await checkSourceUrls(
      [
        { name: 'ftp', url: 'ftp://files.example/feed.xml' },
        { name: 'file', url: 'file:///etc/passwd' },
        { name: 'loopback', url: 'http://127.0.0.1/feed' },
        { name: 'v6-loopback', url: 'http://[::1]:8080/feed' },
        { name: 'private-name', url: 'https://intranet.corp.example/rss' },
        { name: 'credentials', url: 'https://user:pw@wire.example/rss' },
        { name: 'public', url: 'https://wire.example/rss' },
        { name: 'unknown-host', url: 'https://nowhere.invalid/rss' },
      ],
      { resolve },
    );
    expect(verdicts.map((v) => [v.name, v.status])).toEqual([
      ['ftp', 'refused'],
      ['file', 'refused'],
      ['loopback', 'refused'],
      ['v6-loopback', 'refused'],
      ['private-name', 'refused'],
      ['credentials', 'refused'],
      ['public', 'allowed'],
      ['unknown-host', 'unchecked'],
    ]);
    const reason = (name: string): string | null | undefined => verdicts.find((v) => v.name === name)?.reason;
    expect(reason('ftp')).toBe('scheme ftp is not http or https');
    expect(reason('file')).toBe('scheme file is not http or https');
    expect(reason('loopback')).toMatch(/loopback address 127\.0\.0\.1/);
    expect(reason('private-name')).toMatch(/intranet\.corp\.example resolves to private address 10\.1\.2\.3/);
    expect(reason('unknown-host')).toMatch(/ENOTFOUND/);
  });

  it('follows the policy options the fetcher is given', async () => {
    const sources = [{ name: 'local', url: 'http://127.0.0.1:8080/feed' }];
    expect((await checkSourceUrls(sources, { allowHosts: ['127.0.0.1'] }))[0]?.status).toBe('allowed');
    expect((await checkSourceUrls(sources, { allowPrivate: true }))[0]?.status).toBe('allowed');
  });
});

import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

const FEED = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Zones</title>
<item><title>No zone</title><link>https://tz.example/1</link><pubDate>2024-11-03 01:30:00</pubDate></item>
<item><title>Date only</title><link>https://tz.example/2</link><dc:date>2024-03-10</dc:date></item>
<item><title>Text date</title><link>https://tz.example/3</link><pubDate>3 November 2024 23:45</pubDate></item>
<item><title>Offset</title><link>https://tz.example/4</link><pubDate>Sun, 03 Nov 2024 23:45:00 -0800</pubDate></item>
</channel></rss>`;

/** Parse FEED in a child process whose TZ is `tz` and return its items as JSON. */
async function itemsUnder(tz: string): Promise<unknown> {
  const module = pathToFileURL(fileURLToPath(new URL('./parse-feed.ts', import.meta.url))).href;
  const script = `import { parseDiscovery } from ${JSON.stringify(module)};
process.stdout.write(JSON.stringify(parseDiscovery(${JSON.stringify(FEED)}, 'https://tz.example/feed').items));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: tz },
  });
  return JSON.parse(stdout) as unknown;
}

describe('feed dates and the process time zone', () => {
  it('gives identical records under TZ=UTC and TZ=America/New_York', async () => {
    const [utc, newYork] = await Promise.all([itemsUnder('UTC'), itemsUnder('America/New_York')]);
    expect(newYork).toEqual(utc);
    expect((utc as { publishedAt: string | null }[]).map((i) => i.publishedAt)).toEqual([
      '2024-11-03T01:30:00.000Z',
      '2024-03-10T00:00:00.000Z',
      '2024-11-03T23:45:00.000Z',
      '2024-11-03T23:45:00.000-08:00',
    ]);
  }, 60_000);
});

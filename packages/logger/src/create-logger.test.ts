import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, forService } from './create-logger.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[]; raw: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes JSON with the service and child bindings', () => {
    const { stream, lines } = capture();
    const log = createLogger({ service: 'fetcher', destination: stream });
    log.child({ queue: 'fetch', jobId: 'j1' }).info({ url: 'https://example.org/' }, 'fetched');
    const [line] = lines();
    expect(line).toMatchObject({ service: 'fetcher', queue: 'fetch', jobId: 'j1', msg: 'fetched' });
  });

  it('redacts secrets', () => {
    const { stream, lines } = capture();
    const log = createLogger({ service: 'api', destination: stream });
    log.info(
      { client: { secret: 's3cret', name: 'a' }, req: { headers: { authorization: 'Bearer x' } } },
      'x',
    );
    const text = JSON.stringify(lines()[0]);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('Bearer x');
    expect(text).toContain('[redacted]');
  });

  // JSON.parse keeps the last of two equal keys, so the count is taken on the line as written.
  const serviceKeys = (line: string): number => line.split('"service":').length - 1;

  it('writes one service on a line of a process started for that service', () => {
    const { stream, raw } = capture();
    const root = createLogger({ service: 'dedup', destination: stream });
    forService(root, 'dedup').child({ jobId: 'j2' }).info('clustered');
    expect(raw()).toContain('"service":"dedup"');
    expect(serviceKeys(raw())).toBe(1);
  });

  it('writes one service on a line of each service sharing a process', () => {
    const { stream, raw } = capture();
    const root = createLogger({ destination: stream });
    forService(root, 'fetcher').info('fetched');
    forService(root, 'publisher').info('published');
    const [fetcherLine = '', publisherLine = ''] = raw().trim().split('\n');
    expect(serviceKeys(fetcherLine)).toBe(1);
    expect(fetcherLine).toContain('"service":"fetcher"');
    expect(serviceKeys(publisherLine)).toBe(1);
    expect(publisherLine).toContain('"service":"publisher"');
  });

  it('writes two service keys when a service is bound twice by hand (what forService prevents)', () => {
    const { stream, raw } = capture();
    createLogger({ service: 'wirehose', destination: stream }).child({ service: 'dedup' }).info('x');
    expect(serviceKeys(raw())).toBe(2);
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
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
});

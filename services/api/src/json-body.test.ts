import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { firstInvalidUtf8, parseJsonBody } from './json-body.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('firstInvalidUtf8', () => {
  it('finds no fault in valid UTF-8, a real U+FFFD included', () => {
    expect(firstInvalidUtf8(utf8('{"title":"Zürich \uFFFD ok"}'))).toBe(-1);
  });

  it('names the byte offset of a stray continuation byte', () => {
    const raw = Buffer.concat([utf8('{"url":"https://example.org/'), Buffer.from([0x80]), utf8('"}')]);
    expect(firstInvalidUtf8(raw)).toBe(28);
  });

  it('finds a fault that follows a real U+FFFD and multi-byte letters', () => {
    const head = utf8('{"t":"é\uFFFD');
    const raw = Buffer.concat([head, Buffer.from([0xc3, 0x28]), utf8('"}')]);
    expect(firstInvalidUtf8(raw)).toBe(head.length);
  });
});

describe('parseJsonBody', () => {
  it('parses UTF-8 JSON', () => {
    expect(parseJsonBody(utf8('{"a":"ü"}'))).toEqual({ a: 'ü' });
  });

  it('refuses Latin-1 bytes with WH_ERR_INVALID_UTF8 and the offset', () => {
    const raw = Buffer.concat([utf8('{"a":"M'), Buffer.from([0xfc]), utf8('nchen"}')]);
    const err = (() => {
      try {
        parseJsonBody(raw);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).statusCode).toBe(400);
    expect((err as HttpError).details.code).toBe('WH_ERR_INVALID_UTF8');
    expect((err as HttpError).message).toContain('byte 7 (0xfc)');
  });

  it('refuses broken JSON with WH_ERR_INVALID_JSON', () => {
    expect(() => parseJsonBody(utf8('{"a":'))).toThrow(/request body is not valid JSON/);
  });
});

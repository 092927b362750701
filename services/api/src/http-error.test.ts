import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorBody } from './http-error.js';

describe('error codes', () => {
  it('gives every error body a code, the status default unless the thrower names one', () => {
    expect(errorBody(401, 'x').code).toBe('WH_ERR_UNAUTHENTICATED');
    expect(errorBody(503, 'x', { code: 'WH_ERR_SEARCH_OFF' }).code).toBe('WH_ERR_SEARCH_OFF');
    expect(errorBody(500, 'x').code).toBe('WH_ERR_INTERNAL');
    expect(errorBody(418, 'x').code).toBe('WH_ERR_VALIDATION');
  });

  it('are the codes docs/api.md lists, no more, no fewer', async () => {
    const doc = await readFile(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const documented = new Set(doc.match(/WH_ERR_[A-Z0-9_]+/g) ?? []);
    expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});

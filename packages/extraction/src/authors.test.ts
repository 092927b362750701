import { describe, expect, it } from 'vitest';
import { normalizeAuthors } from './authors.js';

describe('normalizeAuthors', () => {
  it('splits co-authors and drops "By"', () => {
    expect(normalizeAuthors(['By Jane Doe, John Roe and Ann Lee'])).toEqual([
      'Jane Doe',
      'John Roe',
      'Ann Lee',
    ]);
  });

  it('keeps middle initials and accents', () => {
    expect(normalizeAuthors(['Sarah E. Needleman', 'José Álvarez'])).toEqual([
      'Sarah E. Needleman',
      'José Álvarez',
    ]);
  });

  it('drops roles, URLs, agencies, form labels and duplicates', () => {
    expect(
      normalizeAuthors([
        'https://example.com/staff/jane',
        'AP',
        'Name *',
        'Staff Writer',
        'Jane Doe',
        'jane doe',
      ]),
    ).toEqual(['Jane Doe']);
  });

  it('leaves out excluded names such as the publisher', () => {
    expect(normalizeAuthors(['Daily Planet', 'Lois Lane'], ['Daily Planet'])).toEqual(['Lois Lane']);
  });
});

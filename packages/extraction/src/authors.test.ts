import { describe, expect, it } from 'vitest';
import { bylineNames, normalizeAuthors } from './authors.js';

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

  it('removes labels with or without a colon, and drops credentials after a name', () => {
    expect(normalizeAuthors(['By: Tomas Berg'])).toEqual(['Tomas Berg']);
    expect(normalizeAuthors(['Authors: Ilse Marr, Ph.D.'])).toEqual(['Ilse Marr']);
    expect(normalizeAuthors(['Written by Ola Nyberg, MD'])).toEqual(['Ola Nyberg']);
  });

  it('does not read the start of a name as a label', () => {
    expect(normalizeAuthors(['Paricia Dunmore', 'Bye Ostrander'])).toEqual([
      'Paricia Dunmore',
      'Bye Ostrander',
    ]);
  });

  it('rejects CMS credits and "view more" links', () => {
    expect(
      normalizeAuthors(['Government Websites by TownSoft®', 'View more posts', 'Powered by Blogkit']),
    ).toEqual([]);
  });

  it('keeps user names and organisations from structured data, and turns "Surname, Given" around', () => {
    expect(normalizeAuthors(['harbourcat', 'Lakeside Dental Care'], { structured: true })).toEqual([
      'harbourcat',
      'Lakeside Dental Care',
    ]);
    expect(normalizeAuthors(['Lindqvist, Maja'], { structured: true })).toEqual(['Maja Lindqvist']);
    expect(normalizeAuthors(['harbourcat'])).toEqual([]);
  });

  it('leaves out excluded names', () => {
    expect(normalizeAuthors(['Daily Planet', 'Lois Lane'], { exclude: ['Daily Planet'] })).toEqual([
      'Lois Lane',
    ]);
  });
});

describe('bylineNames', () => {
  it('takes the names after a label line and stops at the role or date after them', () => {
    expect(bylineNames(['Written by', 'Petra Holm', 'Senior Gardener', 'March 3, 2024'])).toEqual([
      'Petra Holm',
    ]);
  });

  it('joins names separated by connector lines', () => {
    expect(bylineNames(['By', 'Petra Holm', 'and', 'Idris Okafor', 'Updated 2 hours ago'])).toEqual([
      'Petra Holm',
      'Idris Okafor',
    ]);
  });

  it('reads a label glued to the name', () => {
    expect(bylineNames(['Written byPetra Holm'])).toEqual(['Petra Holm']);
  });

  it('finds nothing in status words and section names', () => {
    expect(bylineNames(['Offline', 'Joined', 'Wellness'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { didYouMean } from './closest.js';
import { loadCountryNames, resolveCountry } from './countries.js';
import { eventDateLabel } from './commands/demo.js';
import { renderHighlight } from './commands/search-command.js';

describe('search output', () => {
  const highlight = 'the <b>harbour</b> reopened\n after <b>talks</b>';

  it('renders highlight tags bold for a terminal', () => {
    expect(renderHighlight(highlight, true)).toBe(
      'the \u001b[1mharbour\u001b[22m reopened after \u001b[1mtalks\u001b[22m',
    );
  });

  it('strips highlight tags when the output is not a terminal', () => {
    expect(renderHighlight(highlight, false)).toBe('the harbour reopened after talks');
  });
});

describe('--country', () => {
  it('takes an ISO3 code in any case, a country name or its adjective', async () => {
    const names = await loadCountryNames();
    expect(resolveCountry('VEN', names)).toBe('VEN');
    expect(resolveCountry('ven', names)).toBe('VEN');
    expect(resolveCountry('Venezuela', names)).toBe('VEN');
    expect(resolveCountry('venezuelan', names)).toBe('VEN');
    expect(resolveCountry('Burkina Faso', names)).toBe('BFA');
  });

  it('says it expects an ISO3 code for anything else, with the closest name', async () => {
    const names = await loadCountryNames();
    expect(() => resolveCountry('Narnia', names)).toThrow(/expects an ISO 3166 alpha-3 code/);
    expect(() => resolveCountry('Venezula', names)).toThrow(/did you mean venezuela\?/);
  });
});

describe('didYouMean', () => {
  it('names a close candidate and nothing when none is close', () => {
    expect(didYouMean('fetchr', ['fetcher', 'dedup'])).toBe('; did you mean fetcher?');
    expect(didYouMean('zzzzzz', ['fetcher', 'dedup'])).toBe('');
  });
});

describe('demo summary dates', () => {
  it('marks an event dated well before the story as background, with how long before', () => {
    expect(eventDateLabel({ date: '2026-11-20', dateBasis: 'text' }, '2026-11-21T08:00:00Z')).toBe(
      'event 2026-11-20',
    );
    expect(eventDateLabel({ date: '2023-05-02', dateBasis: 'text' }, '2026-11-21T08:00:00Z')).toBe(
      'background event 2023-05-02 (about 4 years before the story)',
    );
    expect(eventDateLabel({ date: '2026-08-01', dateBasis: 'text' }, '2026-11-21T08:00:00Z')).toBe(
      'background event 2026-08-01 (about 4 months before the story)',
    );
  });

  it('says when the date is the publication date, and leaves an undated story unmarked', () => {
    expect(eventDateLabel({ date: '2026-11-21', dateBasis: 'published' }, null)).toBe(
      'event 2026-11-21 (date of publication)',
    );
    expect(eventDateLabel({ date: '2001-01-01', dateBasis: 'text' }, null)).toBe('event 2001-01-01');
  });
});

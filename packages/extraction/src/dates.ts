import { dateFromUrl as urlDate, findDateInText, toIsoDate } from '@wirehose/dates';

/*
 * The extractor's date readers, as ISO strings: thin adapters over @wirehose/dates, the project's one
 * date parser (offsets kept as the page states them, a date without zone never read in the process
 * time zone). Choosing among a page's candidates is `chooseDates` of the same package.
 */

/** A metadata value (JSON-LD, meta, `<time datetime>`) as an ISO date, or null. */
export function normalizeDate(input: string): string | null {
  return toIsoDate(input);
}

/** The first date stated in text ("5. März 2020", "Nov. 19, 2019 10:30 am", "19.11.2019"), or null. */
export function parseTextDate(text: string): string | null {
  return findDateInText(text)?.iso ?? null;
}

/** The date in a URL's path (/2019/11/19/, /20191119/), or null. */
export function dateFromUrl(url: string): string | null {
  return urlDate(url)?.iso ?? null;
}

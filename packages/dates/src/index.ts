export {
  parseDate,
  findDateInText,
  findDatesInText,
  dateFromUrl,
  toIsoDate,
  compareInstants,
  zoneOffset,
} from './parse-date.js';
export type { ParsedDate, DateOptions, FoundDate } from './parse-date.js';
export { chooseDates } from './choose-dates.js';
export type { DateCandidate, DateKind, DateSourceKind, ChosenDates } from './choose-dates.js';
export { findPageDates, pageDateCandidates } from './page-dates.js';
export { MONTHS } from './names.js';

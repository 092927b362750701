import { PLOVER_TYPES } from '@wirehose/schemas';

/** The 16 PLOVER event types (one list, shared with the published record's schema). */
export { PLOVER_TYPES };
export type PloverType = (typeof PLOVER_TYPES)[number];

/**
 * A coded actor. `code` is the country block (ISO-3166 alpha-3, `IGO`/`NGO` for organisations,
 * `---` when unknown) followed by the sector block (`GOV`, `MIL`, `UNO`...), e.g. `VENGOV`.
 */
export interface Actor {
  code: string;
  country: string | null;
  sector: string | null;
  /** The words of the sentence that named the actor. */
  text: string;
}

export type Polarity = 'asserted' | 'negated' | 'hypothetical' | 'future';

export interface CodedEvent {
  /** Deterministic: a hash of type, actor codes and sentence. */
  id: string;
  type: PloverType;
  /** PLOVER mode, e.g. `military` for a request of military aid; null when none applies. */
  mode: string | null;
  cameo: { code: string; root: string; goldstein: number };
  source: Actor | null;
  targets: Actor[];
  /** YYYY-MM-DD */
  date: string;
  dateBasis: 'text' | 'published';
  /** How precise the date is: a day, or only the week/month/year the text names. */
  datePrecision?: 'day' | 'week' | 'month' | 'year';
  location: string | null;
  /** ISO-3166 alpha-3 code of the location's country ("in Caracas" -> VEN), when the lexicon knows it. */
  locationCountry?: string;
  polarity: Polarity;
  /** Who reported the event ("…, the ministry said"); null when the narrator states it. */
  speaker: Actor | null;
  /** The sentence and its offsets in `text` (in `title` when `field` is 'title'). */
  evidence: { sentence: string; start: number; end: number; field?: 'title' | 'text' };
  confidence: number;
  /** The words that triggered the event. */
  trigger?: string;
}

export interface EventCoderInput {
  title?: string;
  text: string;
  publishedAt?: string | null;
  language?: string | null;
}

export interface EventCoder {
  code(input: EventCoderInput): CodedEvent[];
}

export interface EventCoderOptions {
  /** Folder of YAML lexicons; default: the package's bundled `lexicons/`. */
  lexiconDir?: string;
  /** Also return negated, hypothetical and future events (marked by `polarity`). */
  includeNonAsserted?: boolean;
  /** Clock used for the date when the input has no `publishedAt`. */
  now?: () => Date;
}

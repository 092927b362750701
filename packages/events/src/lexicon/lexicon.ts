import type { PloverType } from '../types.js';
import type { DatedRole } from './petrarch.js';
import type { Refinement } from './schema.js';

export type CountryRole = 'name' | 'adjective' | 'people' | 'capital' | 'metonym' | 'place';

export type PhraseInfo =
  | { kind: 'country'; country: string; role: CountryRole }
  | { kind: 'org'; country: string; sector: string }
  | { kind: 'person'; country: string; sector: string; roles?: readonly DatedRole[] }
  /** A surname of office holders of one country: names the person only after a title. */
  | { kind: 'surname'; country: string; sector: string; roles: readonly DatedRole[] }
  | { kind: 'sector'; sector: string; standalone: boolean }
  | { kind: 'title'; sector: string };

/** A lexicon phrase as normalised tokens; `exact` holds tokens that must match case exactly. */
export interface PhraseEntry {
  tokens: string[];
  exact: readonly (string | null)[];
  infos: PhraseInfo[];
}

export interface VerbTrigger {
  lemma: string;
  type: PloverType;
  cameo: string;
  mode: string | null;
  needsSource: boolean;
  /** Kept only with an actor as target ("released prisoners", not "released gas"). */
  needsTarget: boolean;
  /** Kept only when one of these words follows in the clause ("provided aid"). */
  requireAny: string[];
  /** Dropped when one of these words follows in the clause ("defend its territory" is not verbal support). */
  rejectAny: string[];
  /** Tokens that must follow the inflected first word ("for" in "call for"). */
  rest: string[];
  form: 'base' | 'third' | 'past' | 'participle' | 'ing';
  /** The first word's past and participle forms coincide ("attacked"). */
  ambiguousPast: boolean;
}

export interface NounTrigger {
  tokens: string[];
  type: PloverType;
  cameo: string;
  mode: string | null;
}

export interface CameoInfo {
  code: string;
  root: string;
  goldstein: number;
}

/** The compiled lexicon the coder matches against. */
export interface Lexicon {
  /** By first normalised token; longest first. */
  phrases: Map<string, PhraseEntry[]>;
  /** By inflected first word; longest first. */
  verbs: Map<string, VerbTrigger[]>;
  /** By first normalised token; longest first. */
  nouns: Map<string, NounTrigger[]>;
  refinements: Refinement[];
  cameo(code: string): CameoInfo;
}

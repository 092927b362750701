import { z } from 'zod';
import { PLOVER_TYPES } from '../types.js';

const Phrase = z.string().trim().min(1, 'must not be empty');
const PhraseList = z.array(Phrase);
const CountryCode = z.string().regex(/^(?:[A-Z]{3}|---)$/, 'must be three capital letters or ---');
const SectorCode = z.string().regex(/^[A-Z0-9]{3}$/, 'must be three capital letters or digits');
const CameoCode = z
  .string()
  .regex(/^(?:0[1-9]|1\d|20)\d{0,2}$/, 'must be a CAMEO code such as 02, 023 or 0232');
const Mode = z.string().min(1).nullable().optional();

export const CountryEntrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-3166 alpha-3 code'),
  names: PhraseList.min(1),
  adjectives: PhraseList.optional(),
  people: PhraseList.optional(),
  capitals: PhraseList.optional(),
  places: PhraseList.optional(),
  metonyms: PhraseList.optional(),
});

export const OrganizationEntrySchema = z.strictObject({
  country: CountryCode.or(z.enum(['IGO', 'NGO'])),
  sector: SectorCode,
  names: PhraseList.min(1),
  caseSensitive: z.boolean().optional(),
});

export const SectorEntrySchema = z.strictObject({
  sector: SectorCode,
  words: PhraseList.min(1),
  standalone: z.boolean().optional(),
});

export const TitleEntrySchema = z.strictObject({
  sector: SectorCode,
  words: PhraseList.min(1),
});

export const PersonEntrySchema = z.strictObject({
  country: CountryCode.or(z.enum(['IGO', 'NGO'])),
  sector: SectorCode,
  names: PhraseList.min(1),
});

export const VerbEntrySchema = z.strictObject({
  lemma: Phrase,
  type: z.enum(PLOVER_TYPES),
  cameo: CameoCode,
  mode: Mode,
  needsSource: z.boolean().optional(),
  needsTarget: z.boolean().optional(),
  requireAny: PhraseList.optional(),
  rejectAny: PhraseList.optional(),
});

export const NounEntrySchema = z.strictObject({
  words: PhraseList.min(1),
  type: z.enum(PLOVER_TYPES),
  cameo: CameoCode,
  mode: Mode,
});

export const RefinementSchema = z.strictObject({
  types: z.array(z.enum(PLOVER_TYPES)).min(1),
  requireAny: PhraseList.min(1),
  cases: z
    .array(
      z.strictObject({
        cues: PhraseList,
        cameo: CameoCode,
        mode: Mode,
        type: z.enum(PLOVER_TYPES).optional(),
      }),
    )
    .min(1),
});

/** Names of the word lists the coder's rules consult (`wordLists` section, lexicons/words.yaml). */
export const WORD_LIST_NAMES = [
  'notPlaces',
  'conductVerbs',
  'lightVerbs',
  'directPartnerLemmas',
  'weaponCues',
  'disasterCues',
  'riotLemmas',
  'violenceCues',
  'speechVerbs',
  'subordinators',
  'clauseOpeners',
  'negations',
  'negatingVerbs',
  'hypotheticalCues',
  'futureCues',
  'futureGovernors',
  'denials',
  'rejections',
  'claims',
  'pastActions',
  'completiveGovernors',
  'strongBoundaries',
  'intentMarkers',
  'tentativeMarkers',
  'prepareMarkers',
  'baseFormOpeners',
  'aspectualVerbs',
  'infinitiveBlockers',
  'objectPronouns',
  'particles',
  'subjectOpeners',
  'nameParticles',
  'modifierStop',
  'titleModifiers',
  'formerWords',
  'compassWords',
  'ownerPronouns',
  'notAdjectiveNext',
  'quantityWords',
] as const;
export type WordListName = (typeof WORD_LIST_NAMES)[number];
const WordList = z.array(
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .regex(/^[^A-Z]*$/, 'must be lowercase (words are matched in lower case)'),
);

const CameoInfo = z.strictObject({ name: z.string().min(1), goldstein: z.number().min(-10).max(10) });

/** One lexicon file: every section is optional, so users can add files with a few entries. */
export const LexiconFileSchema = z.strictObject({
  countries: z.array(CountryEntrySchema).optional(),
  organizations: z.array(OrganizationEntrySchema).optional(),
  sectors: z.array(SectorEntrySchema).optional(),
  titles: z.array(TitleEntrySchema).optional(),
  people: z.array(PersonEntrySchema).optional(),
  irregular: z.record(Phrase, z.tuple([Phrase, Phrase])).optional(),
  verbs: z.array(VerbEntrySchema).optional(),
  nouns: z.array(NounEntrySchema).optional(),
  refinements: z.array(RefinementSchema).optional(),
  roots: z
    .record(z.string().regex(/^(?:0[1-9]|1\d|20)$/, 'must be a CAMEO root 01..20'), CameoInfo)
    .optional(),
  codes: z.record(CameoCode, CameoInfo).optional(),
  wordLists: z.partialRecord(z.enum(WORD_LIST_NAMES), WordList).optional(),
});
export type LexiconFile = z.infer<typeof LexiconFileSchema>;
export type VerbEntry = z.infer<typeof VerbEntrySchema>;
export type Refinement = z.infer<typeof RefinementSchema>;

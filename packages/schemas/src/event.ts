import { z } from 'zod';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const PloverTypeSchema = z.enum(PLOVER_TYPES);

export const ActorSchema = z.strictObject({
  /** Country (ISO-3166 alpha-3, `IGO` for international organisations, `---` unknown) followed by a sector. */
  code: z.string(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  /** The words in the sentence that named the actor. */
  text: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** One event of a story, counted once per story. */
export const StoryEventSchema = z.strictObject({
  id: z.string(),
  type: PloverTypeSchema,
  mode: z.string().nullable(),
  cameo: z.strictObject({ code: z.string(), root: z.string(), goldstein: z.number() }),
  source: ActorSchema.nullable(),
  targets: z.array(ActorSchema),
  date: z.iso.date(),
  dateBasis: z.enum(['text', 'published']),
  location: z.string().nullable(),
  /** ISO-3166 alpha-3 country of the location when the coder could tell it (a named country or a known city). */
  locationCountry: z.string().nullable().default(null),
  polarity: z.enum(['asserted', 'negated', 'hypothetical', 'future']),
  speaker: ActorSchema.nullable(),
  evidence: z.strictObject({
    sentence: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** Which field of the article the offsets point into. */
    field: z.enum(['title', 'text']),
    articleId: z.string(),
    /** Other sentences of the same copy that state this event (at most 5): a copy mentions the event if it states any. */
    otherSentences: z.array(z.string()).max(5).default([]),
  }),
  confidence: z.number().min(0).max(1),
  /** How often the story's copies state this event, as GDELT counts mentions. */
  mentions: z.strictObject({
    sentences: z.number().int().positive(),
    copies: z.number().int().nonnegative(),
    outlets: z.number().int().nonnegative(),
  }),
});
export type StoryEvent = z.infer<typeof StoryEventSchema>;

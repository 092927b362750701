import { createHash } from 'node:crypto';
import { findMentions, findPhrases, type Mention } from './actors.js';
import { findDates, toIsoDate, type DateMention } from './dates.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { loadLexicon } from './lexicon/load-lexicon.js';
import { classifyModality, type Modality } from './polarity.js';
import { findSpeechFrames, type SpeechFrame } from './speech.js';
import { splitSentences } from './split-sentences.js';
import { tokenize, type Token } from './tokenize.js';
import { findTriggers, type Trigger } from './triggers.js';
import type {
  Actor,
  CodedEvent,
  EventCoder,
  EventCoderInput,
  EventCoderOptions,
  PloverType,
} from './types.js';
import {
  ADVERB_FILLERS,
  BE_FORMS,
  CLAUSE_OPENERS,
  HAVE_FORMS,
  MODALS,
  MONTHS,
  PRONOUNS,
  WEEKDAYS,
} from './words.js';

/**
 * Types whose target may be the place where they happen ("shelled positions in Rafah"). Not
 * protests: "students marched in Seoul" protest against their government, not against a city.
 */
const PLACE_TARGET_TYPES = new Set<PloverType>([
  'CONCEDE',
  'ASSAULT',
  'COERCE',
  'CONSULT',
  'MOBILIZE',
  'AID',
  'SANCTION',
]);
/** Modes whose target is the place: "sought refuge in Germany". */
const PLACE_TARGET_MODES = new Set(['asylum', 'investigate']);
const NOT_PLACES = new Set<string>([
  ...MONTHS,
  ...WEEKDAYS,
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'addition',
  'response',
  'order',
  'particular',
  'fact',
  'recent',
  'march',
]);

/** What a stated intention to do an event of each type is coded as. */
const INTENT_TYPES: Partial<Record<PloverType, { type: PloverType; cameo: string }>> = {
  AGREE: { type: 'AGREE', cameo: '030' },
  CONSULT: { type: 'AGREE', cameo: '036' },
  SUPPORT: { type: 'AGREE', cameo: '030' },
  COOPERATE: { type: 'AGREE', cameo: '031' },
  AID: { type: 'AGREE', cameo: '033' },
  CONCEDE: { type: 'AGREE', cameo: '030' },
  RETREAT: { type: 'AGREE', cameo: '030' },
  PROTEST: { type: 'THREATEN', cameo: '130' },
  SANCTION: { type: 'THREATEN', cameo: '131' },
  MOBILIZE: { type: 'THREATEN', cameo: '138' },
  COERCE: { type: 'THREATEN', cameo: '130' },
  ASSAULT: { type: 'THREATEN', cameo: '138' },
};

/**
 * Types whose target may be named in an infinitive after the verb ("threatened to shell X",
 * "offered to hand over to Britain", "opened fire to disperse demonstrators"). Not requests: in "requested cooperation to counter tensions
 * between the U.S. and Venezuela" the purpose clause names no party to the request.
 */
const COMPLEMENT_TYPES = new Set<PloverType>([
  'AGREE',
  'THREATEN',
  'REJECT',
  'SUPPORT',
  'CONCEDE',
  'ASSAULT',
  'COERCE',
]);
/** Verbal event types: in reported speech without a subject the speaker is their source. */
const VERBAL_TYPES = new Set<PloverType>([
  'AGREE',
  'SUPPORT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'CONSULT',
]);
/** Sectors that are usually of the same country as the other party ("Iranian authorities pressured workers"). */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG']);
/** Verbs that report an operation named by a noun: "carried out a gas attack", "launched airstrikes". */
const CONDUCT_VERBS = new Set(['carried', 'launched', 'conducted', 'staged', 'mounted']);
/** `code` when it names a state: not an organisation block (IGO, NGO) nor the unknown country (---). */
function stateCountry(code: string | null | undefined): string | null {
  return code && code !== 'IGO' && code !== 'NGO' && code !== '---' ? code : null;
}

/** Words that may stand between a subject and its verb: modals, be/have forms, "not", filler adverbs. */
function isAuxiliary(w: string): boolean {
  return MODALS.has(w) || ADVERB_FILLERS.has(w) || BE_FORMS.has(w) || HAVE_FORMS.has(w) || w === 'not';
}

/** Only auxiliaries and adverbs (any "-ly" word) in tokens [from, to): "after Israel had bombed". */
function auxiliariesBetween(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).every((t) => isAuxiliary(t.norm) || /^\p{Ll}+ly$/u.test(t.text));
}

/** A verb of conducting ("carried out", "launched") within the four words before a noun trigger. */
function conductedBefore(tokens: readonly Token[], trigger: Trigger): boolean {
  return tokens.slice(Math.max(0, trigger.start - 4), trigger.start).some((t) => CONDUCT_VERBS.has(t.norm));
}

/** Prepositions that are also conjunctions: the actor after them may be a clause's subject. */
const CLAUSE_PREPOSITIONS = new Set(['after', 'before']);
/** Cooperative types that are also everyday commerce or private life when no state is a party. */
const COOPERATIVE_TYPES = new Set<PloverType>(['AGREE', 'SUPPORT', 'COOPERATE', 'CONSULT']);
/** Sectors that are private persons or firms, not public actors. */
const PRIVATE_SECTORS = new Set(['BUS', 'CVL', '']);
const DOMESTIC_SECTORS = new Set([
  'CVL',
  'OPP',
  'REB',
  'LAB',
  'EDU',
  'JUD',
  'LEG',
  'COP',
  'MED',
  'BUS',
  'REL',
  'REF',
  'ELI',
]);

/** Verbs that carry a nominal event: "launched an attack", "staged protests". */
const LIGHT_VERBS = new Set([
  'engaged',
  'lodged',
  'filed',
  'leveled',
  'levelled',
  'voiced',
  'expressed',
  'continuing',
  'organizing',
  'organising',
  'mounting',
  'waging',
  'carrying',
  'gathered',
  'converged',
  'converging',
  'took',
  'launched',
  'launch',
  'launches',
  'launching',
  'staged',
  'stage',
  'stages',
  'staging',
  'held',
  'hold',
  'holds',
  'holding',
  'carried',
  'conducted',
  'conduct',
  'conducts',
  'organized',
  'organised',
  'organize',
  'mounted',
  'began',
  'begin',
  'completed',
  'concluded',
  'started',
  'continued',
  'continue',
  'continues',
  'resumed',
  'led',
  'opened',
  'imposed',
  'announced',
  'unveiled',
  'declared',
  'made',
  'issued',
  'joined',
  'waged',
  'escalated',
  'intensified',
  'renewed',
  'completed',
  'ended',
  'called',
  'approved',
  'reiterated',
  'rejected',
  'accepted',
]);
const SUBORDINATORS = new Set([
  'after',
  'as',
  'when',
  'while',
  'following',
  'since',
  'because',
  'whom',
  'where',
  'which',
  'who',
  'before',
  'until',
  'amid',
  'amidst',
  'although',
  'though',
  'whereas',
  'despite',
]);
/** What civilians and other non-state, non-armed actors can be the source of. */
const CIVILIAN_TYPES = new Set<PloverType>([
  'PROTEST',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'SUPPORT',
  'AGREE',
  'CONSULT',
  'COOPERATE',
  'CONCEDE',
]);
/** Symmetric interactions: with a coordinated source ("X and Y agreed") each party is a source. */
const SYMMETRIC_TYPES = new Set<PloverType>(['AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT']);
/**
 * CAMEO codes of interactions that are reciprocal with a partner named by "with": talks (040),
 * phone calls (041), negotiations (046), material cooperation (06x), signed agreements (057).
 * Meetings and visits (042-044) have a host and a guest, so they keep their direction.
 */
const RECIPROCAL_CAMEO = /^(?:040|041|046|06\d*|057)$/;
/** Verbs whose direct object is the other party of a reciprocal exchange ("telephoned X"). */
const DIRECT_PARTNER_LEMMAS = new Set(['phone', 'telephone', 'talk', 'negotiate', 'consult']);
/** Words of armed violence proper (not merely armed actors), which outweigh disaster words. */
const WEAPON_CUES = [
  'bombing',
  'bombings',
  'bomber',
  'bombers',
  'gunman',
  'gunmen',
  'militants',
  'insurgents',
  'rebels',
  'terrorists',
  'jihadists',
  'bomb',
  'bombs',
  'explosive',
  'explosives',
  'ied',
  'gunfire',
  'shot',
  'shooting',
  'airstrike',
  'airstrikes',
  'shelling',
  'grenade',
  'mortar',
  'rocket',
  'rockets',
  'missile',
  'missiles',
  'suicide',
  'ambush',
  'clashes',
  'attack',
  'attacks',
  'attackers',
  'attacked',
];
/** Nominal events that are political violence even when the text does not say who did them. */
const ANONYMOUS_NOUN_MODES = new Set(['aerial', 'bombing', 'heavy-weapons', 'demo', 'riot', 'strike']);
const DISASTER_TYPES = new Set<PloverType>(['ASSAULT', 'AID', 'MOBILIZE', 'RETREAT', 'COERCE']);
const DISASTER_CUES = [
  'explosion',
  'explosions',
  'leak',
  'derailed',
  'earthquake',
  'quake',
  'flood',
  'floods',
  'flooding',
  'tsunami',
  'wildfire',
  'wildfires',
  'storm',
  'hurricane',
  'cyclone',
  'typhoon',
  'landslide',
  'landslides',
  'rain',
  'rains',
  'rainfall',
  'drought',
  'eruption',
  'volcano',
  'volcanic',
  'avalanche',
  'crash',
  'accident',
  'derailment',
  'poisoning',
  'outbreak',
  'epidemic',
  'heatwave',
  'fire',
  'fires',
  'blaze',
  'tornado',
  'mudslide',
  'collapse',
  'collapsed',
];
/** Words of ordinary crime; a document that uses them is read as a crime report. */
const CRIME_CUES =
  /\b(?:gangs?|gangsters?|robbers?|robber(?:y|ies)|thieves|theft|burglar(?:y|ies|s)?|smuggl(?:ing|ers?)|traffick(?:ing|ers?)|drugs?|narcotics|criminals?|cartels?|mafia|poach(?:ing|ers?)|counterfeit)\b/i;
/** Parties of crime reports: police, unidentified attackers, civilians, businesses. */
const CRIME_SIDE_SECTORS = new Set(['', 'COP', 'UAF', 'CVL', 'BUS', 'REF', 'LAB', 'EDU', 'MED']);
const RIOT_LEMMAS = new Set([
  'clash',
  'attack',
  'lynch',
  'loot',
  'torch',
  'set fire',
  'fight',
  'storm',
  'burn',
  'throw',
  'hurl',
  'set ablaze',
  'stone',
  'beat',
]);
const CONFLICT_TYPES = new Set<PloverType>(['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
const NON_COERCIVE_SECTORS = new Set(['CVL', 'REF', 'MED', 'EDU', 'LAB', 'BUS', 'REL']);
const VIOLENCE_CUES = [
  'gunmen',
  'militants',
  'rebels',
  'insurgents',
  'bomb',
  'bombs',
  'explosive',
  'ied',
  'gunfire',
  'shot',
  'shooting',
  'airstrike',
  'airstrikes',
  'shelling',
  'attack',
  'attacks',
  'attackers',
  'ambush',
  'soldiers',
  'troops',
  'militia',
  'fighters',
  'suicide',
  'grenade',
  'mortar',
  'rocket',
  'rockets',
  'missile',
  'missiles',
  'clashes',
  'fighting',
  'terrorists',
  'jihadists',
  'police',
  'army',
  'drone',
  'raid',
];

interface Discourse {
  lastPerson: Actor | null;
  lastSource: Actor | null;
}

interface SentenceContext {
  sentence: { text: string; start: number; end: number };
  tokens: Token[];
  mentions: Mention[];
  frames: SpeechFrame[];
  dates: DateMention[];
  published: Date;
  publishedIso: string;
  hasPublished: boolean;
  field: 'title' | 'text';
  /** Token indexes covered by verb triggers ("storm" the verb is not a storm). */
  verbTokens: Set<number>;
}

function eventId(type: string, source: Actor | null, targets: readonly Actor[], sentence: string): string {
  const key = [
    type,
    source?.code ?? '',
    targets
      .map((t) => t.code)
      .sort()
      .join(','),
    sentence,
  ].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function isHeadline(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 4) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.7;
}

function hasDisasterCue(ctx: SentenceContext): boolean {
  return DISASTER_CUES.some((w) => ctx.tokens.some((t, k) => t.norm === w && !ctx.verbTokens.has(k)));
}

function groupMembers(mentions: readonly Mention[], group: number): Mention[] {
  return mentions.filter((m) => m.group === group);
}

function cloneActor(a: Actor): Actor {
  return { ...a };
}

/** Coder state for one document. */
class DocumentCoder {
  readonly #lexicon: Lexicon;
  readonly #includeNonAsserted: boolean;
  readonly #discourse: Discourse = { lastPerson: null, lastSource: null };
  /** An earlier sentence reported a disaster or accident and no armed violence. */
  #disasterContext = false;

  /** The document reports ordinary crime (gangs, smuggling, drugs, robbery). */
  readonly #crimeContext: boolean;

  constructor(lexicon: Lexicon, includeNonAsserted: boolean, crimeContext = false) {
    this.#lexicon = lexicon;
    this.#includeNonAsserted = includeNonAsserted;
    this.#crimeContext = crimeContext;
  }

  codeSentence(ctx: SentenceContext): CodedEvent[] {
    const { tokens, mentions } = ctx;
    const triggers = findTriggers(
      tokens,
      this.#lexicon,
      mentions,
      isHeadline(tokens) || ctx.field === 'title',
    );
    const isQuestion = ctx.sentence.text.trimEnd().endsWith('?');
    for (const t of triggers)
      if (t.kind === 'verb') for (let k = t.start; k < t.end; k++) ctx.verbTokens.add(k);
    let events: CodedEvent[] = [];
    const verbTriggers = triggers.filter((t) => t.kind === 'verb');
    const nounTriggers = triggers.filter((t) => t.kind === 'noun');
    // Events of subordinate clauses ("after X attacked", "whom they had taken hostage"), purpose
    // clauses ("to demand") and trailing participles ("…, demanding") are background: they are
    // kept only when the main clause codes nothing.
    const secondary = new Set<CodedEvent>();
    for (const trigger of verbTriggers) {
      const coded = this.#codeTrigger(ctx, trigger, isQuestion);
      if (this.#isSecondary(ctx, trigger, verbTriggers)) for (const e of coded) secondary.add(e);
      events.push(...coded);
    }
    if (!events.some((e) => e.type === 'REQUEST' && e.polarity === 'asserted' && !secondary.has(e)))
      events.push(...this.#obligations(ctx));
    const hasPrimary = (): boolean => events.some((e) => e.polarity === 'asserted' && !secondary.has(e));
    if (!hasPrimary()) {
      const mainNouns = nounTriggers.filter((t) => !this.#isSecondary(ctx, t, verbTriggers));
      events.push(...this.#firstNounEvents(ctx, mainNouns, isQuestion));
    }
    // "Children were treated after Assad carried out a gas attack": with nothing in the main clause, a
    // nominal event of a subordinate clause is the sentence's news, as a verbal one would be.
    // Only a noun someone "carried out" or "launched": other nouns of such clauses are mostly
    // background ("engaged in kidnapping", "after the clashes between …").
    if (!events.some((e) => e.polarity === 'asserted')) {
      const conducted = nounTriggers.filter(
        (t) => this.#isSecondary(ctx, t, verbTriggers) && conductedBefore(ctx.tokens, t),
      );
      const coded = this.#firstNounEvents(ctx, conducted, isQuestion, (e) => e.source !== null);
      for (const e of coded) secondary.add(e);
      events.push(...coded);
    }
    if (hasPrimary()) events = events.filter((e) => !secondary.has(e));
    // An event restated in the same sentence with fewer targets ("…, requesting radars") adds nothing.
    const kept = events.filter(
      (e) =>
        !events.some(
          (o) =>
            o !== e &&
            o.type === e.type &&
            o.polarity === e.polarity &&
            (o.source?.country ?? null) === (e.source?.country ?? null) &&
            o.targets.length > e.targets.length &&
            e.targets.every((t) => o.targets.some((x) => x.country === t.country)),
        ),
    );
    events.length = 0;
    events.push(...kept);
    // Remember who acted, for "he"/"it" in later sentences.
    for (const e of events) {
      if (!e.source || e.source.country === null) continue;
      this.#discourse.lastSource = e.source;
    }
    for (const m of mentions) {
      if (m.isPerson && m.actors[0]?.country) this.#discourse.lastPerson = m.actors[0];
    }
    const armed = WEAPON_CUES.some((w) => tokens.some((t) => t.norm === w));
    if (armed) this.#disasterContext = false;
    else if (hasDisasterCue(ctx)) this.#disasterContext = true;
    return this.#includeNonAsserted ? events : events.filter((e) => e.polarity === 'asserted');
  }

  #frameFor(ctx: SentenceContext, index: number): SpeechFrame | undefined {
    return ctx.frames.find((f) => index >= f.contentStart && index < f.contentEnd);
  }

  #resolvePronoun(pronoun: string, frame: SpeechFrame | undefined): Actor | null {
    const speaker = frame?.speaker?.actors[0] ?? null;
    if (pronoun === 'he' || pronoun === 'she') {
      if (frame?.speaker?.isPerson && speaker) return speaker;
      if (frame?.pronoun === pronoun) return this.#discourse.lastPerson;
      return this.#discourse.lastPerson ?? speaker;
    }
    if (speaker) return speaker;
    return pronoun === 'it' || pronoun === 'they' ? this.#discourse.lastSource : null;
  }

  /** The subject of the trigger: the nearest actor before it in its clause. */
  #subject(
    ctx: SentenceContext,
    trigger: Trigger,
    leftBound: number,
  ): { mentions: Mention[]; pronoun: string | null } {
    const { tokens, mentions } = ctx;
    const candidates = mentions.filter(
      (m) =>
        m.end <= trigger.start &&
        m.start >= leftBound &&
        // "after Israel bombed Gaza": "after" and "before" also open clauses, whose subject follows them
        (m.preposition === null ||
          (CLAUSE_PREPOSITIONS.has(m.preposition) && auxiliariesBetween(tokens, m.end, trigger.start))) &&
        !m.placeOnly &&
        !ctx.frames.some(
          (f) => m.start >= f.frameStart && m.end <= f.frameEnd && f.contentEnd <= trigger.start,
        ),
    );
    let chosen: Mention | undefined;
    // "was indicted … and will resign": a coordinated verb shares the clause subject.
    let coordinated = false;
    let conjunction = -1;
    for (let k = trigger.start - 1; k >= Math.max(0, trigger.start - 4); k--) {
      const w = tokens[k]?.norm ?? '';
      if (w === 'and' || w === 'or') {
        coordinated = !mentions.some((m) => m.start === k + 1);
        conjunction = k;
        break;
      }
      if (!isAuxiliary(w)) break;
    }
    if (coordinated && !trigger.participial) {
      // "A mine killed a guard and injured three more": the subject is that of the first
      // verb, found before it, never the first verb's object.
      let v = conjunction - 1;
      while (v >= leftBound && !ctx.verbTokens.has(v)) v--;
      while (v - 1 >= leftBound && ctx.verbTokens.has(v - 1)) v--;
      const beforeFirstVerb = v >= leftBound ? candidates.filter((m) => m.end <= v) : candidates;
      chosen = beforeFirstVerb[beforeFirstVerb.length - 1];
    } else if (trigger.participial) chosen = candidates[0];
    else chosen = candidates[candidates.length - 1];
    // A pronoun between the chosen mention and the trigger is the nearer subject.
    const from = chosen ? chosen.end : leftBound;
    for (let k = trigger.start - 1; k >= from; k--) {
      const w = tokens[k]?.norm ?? '';
      if (PRONOUNS.has(w) && !trigger.participial) return { mentions: [], pronoun: w };
      if (w === ';' || (w === ',' && !chosen)) break;
    }
    if (!chosen) return { mentions: [], pronoun: null };
    return {
      mentions: groupMembers(mentions, chosen.group).filter(
        (m) => m.start >= leftBound && m.end <= trigger.start,
      ),
      pronoun: null,
    };
  }

  /**
   * The source of a nominal event: an adjacent modifier ("Israeli air strikes"), or the subject
   * of a light verb that governs the noun ("rebels launched an attack"); not the subject of any
   * verb ("police seized guns in a raid").
   */
  #nounSubject(
    ctx: SentenceContext,
    trigger: Trigger,
    leftBound: number,
  ): { mentions: Mention[]; pronoun: string | null } {
    const { tokens, mentions } = ctx;
    const gap = tokens[trigger.start - 1];
    const gapIsModifier =
      gap !== undefined &&
      /^\p{Ll}/u.test(gap.text) &&
      !LIGHT_VERBS.has(gap.norm) &&
      !/ed$/.test(gap.norm) &&
      !ctx.verbTokens.has(trigger.start - 1);
    const adjacent = mentions.find(
      (m) => m.end === trigger.start || (m.end === trigger.start - 1 && gapIsModifier),
    );
    if (adjacent && !adjacent.placeOnly) return { mentions: [adjacent], pronoun: null };
    for (let k = trigger.start - 1; k >= Math.max(leftBound, trigger.start - 4); k--) {
      if (LIGHT_VERBS.has(tokens[k]?.norm ?? ''))
        return this.#subject(ctx, { ...trigger, start: k, participial: false }, leftBound);
    }
    return { mentions: [], pronoun: null };
  }

  /** The objects of the trigger: the first actor phrase after it in its clause (with its coordinated list). */
  #objects(
    ctx: SentenceContext,
    trigger: Trigger,
    rightBound: number,
    exclude: ReadonlySet<Mention>,
    passive: boolean,
  ): {
    targets: Mention[];
    agent: Mention[];
    place: Mention | null;
    end: number;
    fromComplement: boolean;
  } {
    const { tokens, mentions } = ctx;
    let end = rightBound;
    let infinitive = -1;
    for (let k = trigger.end; k < rightBound; k++) {
      const w = tokens[k]?.norm ?? '';
      const next = tokens[k + 1];
      if (w === ';' || w === '.' || w === ':') {
        end = k;
        break;
      }
      if (CLAUSE_OPENERS.has(w) && w !== 'and' && w !== 'or' && w !== 'that') {
        end = k;
        break;
      }
      // "according to …", "without returning to …", ", and said …": the clause ends.
      if (
        (w === 'according' && next?.norm === 'to') ||
        (w === 'without' && /ing$/.test(next?.norm ?? '')) ||
        (w === ',' &&
          (next?.norm === 'and' || next?.norm === 'but') &&
          !mentions.some((m) => m.start === k + 2 || (m.start === k + 3 && tokens[k + 2]?.norm === 'the')))
      ) {
        end = k;
        break;
      }
      if (
        w === 'to' &&
        next &&
        /^[a-z]/.test(next.text) &&
        !['the', 'a', 'an', 'its', 'his', 'their', 'her', 'our', 'both', 'all'].includes(next.norm) &&
        !mentions.some((m) => m.start === k + 1)
      ) {
        end = k;
        infinitive = k;
        break;
      }
    }
    const after = mentions.filter((m) => m.start >= trigger.end && m.end <= end && !exclude.has(m));
    let agent: Mention[] = [];
    if (passive) {
      // The agent may come late: "was accused of misusing funds, …, by government officials".
      const byAgent = mentions.find(
        (m) => m.start >= trigger.end && m.end <= rightBound && m.preposition === 'by' && !exclude.has(m),
      );
      if (byAgent)
        agent = groupMembers(mentions, byAgent.group).filter(
          (m) => m.start >= trigger.end && m.end <= rightBound,
        );
    }
    // "offered its troops to Lebanon": what the subject owns is not the other party. One complains
    // "to" an addressee about the target; one gives aid "to" the target.
    const candidate = (m: Mention): boolean =>
      !m.isLocative &&
      !m.placeOnly &&
      !m.ownedByPronoun &&
      !agent.includes(m) &&
      m.preposition !== 'by' &&
      !(trigger.type === 'ACCUSE' && m.preposition === 'to');
    let first =
      (trigger.type === 'AID' ? after.find((m) => candidate(m) && m.preposition === 'to') : undefined) ??
      after.find(candidate);
    let pool = after;
    let fromComplement = false;
    if (!first && infinitive >= 0 && COMPLEMENT_TYPES.has(trigger.type)) {
      fromComplement = true;
      // "threatened to shell Iraqi towns": the target sits in the infinitive's clause.
      let stop = rightBound;
      for (let k = infinitive + 2; k < rightBound; k++) {
        const w = tokens[k]?.norm ?? '';
        if (
          w === ';' ||
          w === '.' ||
          w === ':' ||
          (CLAUSE_OPENERS.has(w) && w !== 'and' && w !== 'or') ||
          (w === 'without' && /ing$/.test(tokens[k + 1]?.norm ?? '')) ||
          (w === 'according' && tokens[k + 1]?.norm === 'to')
        ) {
          stop = k;
          break;
        }
      }
      pool = mentions.filter((m) => m.start > infinitive && m.end <= stop && !exclude.has(m));
      first = pool.find(candidate);
    }
    // "turned down new proposals by Chad's leaders": in the active voice a "by" phrase names whose
    // proposal is at stake when nothing else does.
    if (!first && !passive) first = after.find((m) => m.preposition === 'by' && !m.placeOnly);
    const targets = first
      ? groupMembers(mentions, first.group).filter((m) => pool.includes(m) || after.includes(m))
      : [];
    const place = after.find((m) => m.isLocative) ?? pool.find((m) => m.isLocative) ?? null;
    return { targets, agent, place, end, fromComplement };
  }

  /**
   * An actor whose country the phrase does not say ("rebels", "President Gbagbo") takes it from
   * the place the sentence names ("in Liberia"); a domestic target (civilians, opposition…) takes
   * the other party's country; otherwise the only country the sentence names.
   */
  #fillCountry(
    ctx: SentenceContext,
    trigger: Trigger,
    actor: Actor,
    others: readonly Actor[],
    isSource: boolean,
  ): Actor {
    if (actor.country !== null || actor.sector === null) return actor;
    const withCountry = (country: string): Actor => ({
      ...actor,
      country,
      code: `${country}${actor.sector ?? ''}`,
    });
    // "will admit nobody if fighting spreads to Mali": a place in a later subordinate clause
    // is not where this event's actors are.
    let clauseEnd = ctx.tokens.length;
    for (let k = trigger.end; k < ctx.tokens.length; k++) {
      const w = ctx.tokens[k]?.norm ?? '';
      if (SUBORDINATORS.has(w) || w === 'if' || w === 'unless') {
        clauseEnd = k;
        break;
      }
    }
    const places = ctx.mentions.filter(
      (m) =>
        m.isLocative &&
        m.start < clauseEnd &&
        m.actors[0]?.country &&
        m.actors[0].country !== 'IGO' &&
        m.actors[0].country !== 'NGO',
    );
    if (places.length > 0) {
      const nearest = places.reduce((a, b) =>
        Math.abs(a.start - trigger.start) <= Math.abs(b.start - trigger.start) ? a : b,
      );
      const c = nearest.actors[0]?.country;
      if (c) return withCountry(c);
    }
    // "Venezuela's defence minister said the armed forces would deploy…": an official speaking of
    // "the army" or "the police" means those of their own state.
    if (STATE_SECTORS.has(actor.sector)) {
      const speaker = this.#frameFor(ctx, trigger.start)?.speaker?.actors[0];
      const country = stateCountry(speaker?.country);
      if (country && STATE_SECTORS.has(speaker?.sector ?? '')) return withCountry(country);
    }
    // A government facing its own rebels, opposition or citizens: "President X banned Ugandan
    // opposition candidates", "Rwandan rebels want President Y removed".
    if (STATE_SECTORS.has(actor.sector)) {
      const domestic = others.find(
        (o) =>
          o.country !== null &&
          o.country !== 'IGO' &&
          o.country !== 'NGO' &&
          DOMESTIC_SECTORS.has(o.sector ?? ''),
      );
      if (domestic?.country) return withCountry(domestic.country);
    }
    const otherCountries = [
      ...new Set(
        others.map((o) => o.country).filter((c): c is string => c !== null && c !== 'IGO' && c !== 'NGO'),
      ),
    ];
    if (!isSource && DOMESTIC_SECTORS.has(actor.sector) && otherCountries.length === 1 && otherCountries[0])
      return withCountry(otherCountries[0]);
    const named = [
      ...new Set(
        ctx.mentions
          .flatMap((m) => m.actors.map((a) => a.country))
          .filter((c): c is string => c !== null && c !== 'IGO' && c !== 'NGO'),
      ),
    ];
    if (named.length === 1 && named[0] && !otherCountries.includes(named[0])) return withCountry(named[0]);
    if (named.length === 1 && named[0] && DOMESTIC_SECTORS.has(actor.sector)) return withCountry(named[0]);
    return actor;
  }

  /** The country of the place the sentence names, nearest the trigger: "near Samarra" -> IRQ. */
  #placeCountry(ctx: SentenceContext, trigger: Trigger): string | null {
    const places = ctx.mentions.filter(
      (m) =>
        (m.isLocative || m.placeOnly || m.place !== null) &&
        m.actors[0]?.country &&
        m.actors[0].country !== 'IGO' &&
        m.actors[0].country !== 'NGO',
    );
    if (places.length === 0) return null;
    const nearest = places.reduce((a, b) =>
      Math.abs(a.start - trigger.start) <= Math.abs(b.start - trigger.start) ? a : b,
    );
    return nearest.actors[0]?.country ?? null;
  }

  #objectCountry(ctx: SentenceContext, from: number, to: number): Actor | null {
    for (const match of findPhrases(ctx.tokens.slice(from, to), this.#lexicon)) {
      const info = match.infos.find((i) => i.kind === 'country' && i.role === 'adjective');
      if (info && info.kind === 'country') {
        const a = ctx.tokens[from + match.start];
        const b = ctx.tokens[from + match.end - 1];
        const text =
          a && b ? ctx.sentence.text.slice(a.start - ctx.sentence.start, b.end - ctx.sentence.start) : '';
        return { code: info.country, country: info.country, sector: null, text };
      }
    }
    return null;
  }

  /** The ISO code of the country of the event's location ("in Caracas" -> VEN), when known. */
  #locationCountry(ctx: SentenceContext, trigger: Trigger): string | null {
    const nearest = this.#nearestPlace(ctx, trigger);
    return stateCountry(nearest?.actors[0]?.country);
  }

  #nearestPlace(ctx: SentenceContext, trigger: Trigger): Mention | null {
    const places = ctx.mentions.filter((m) => (m.isLocative && m.place !== null) || m.locatedIn !== null);
    if (places.length === 0) return null;
    return places.reduce((a, b) =>
      Math.abs(a.start - trigger.start) <= Math.abs(b.start - trigger.start) ? a : b,
    );
  }

  #location(ctx: SentenceContext, trigger: Trigger): string | null {
    const nearest = this.#nearestPlace(ctx, trigger);
    if (nearest) return nearest.locatedIn ?? nearest.place;
    // An unknown capitalised name after "in" ("in Marieholm") is taken as the place.
    const { tokens } = ctx;
    for (let k = 0; k < tokens.length - 1; k++) {
      if (tokens[k]?.norm !== 'in' && tokens[k]?.norm !== 'near') continue;
      let s = k + 1;
      if (tokens[s]?.norm === 'the') s++;
      let e = s;
      while (
        e < tokens.length &&
        /^\p{Lu}\p{Ll}+/u.test(tokens[e]?.text ?? '') &&
        !NOT_PLACES.has(tokens[e]?.norm ?? '')
      )
        e++;
      if (e > s && !ctx.mentions.some((m) => m.start <= s && m.end > s)) {
        const a = tokens[s];
        const b = tokens[e - 1];
        if (a && b) return ctx.sentence.text.slice(a.start - ctx.sentence.start, b.end - ctx.sentence.start);
      }
    }
    return null;
  }

  #date(
    ctx: SentenceContext,
    trigger: Trigger,
  ): { date: string; basis: 'text' | 'published'; precision?: CodedEvent['datePrecision'] } {
    if (ctx.dates.length === 0) return { date: ctx.publishedIso, basis: 'published' };
    const nearest = ctx.dates.reduce((a, b) =>
      Math.abs(a.index - trigger.start) <= Math.abs(b.index - trigger.start) ? a : b,
    );
    return { date: nearest.date, basis: 'text', precision: nearest.precision };
  }

  #refine(
    ctx: SentenceContext,
    trigger: Trigger,
    rightBound: number,
  ): { cameo: string; mode: string | null; type: PloverType } {
    const window = new Set(ctx.tokens.slice(Math.max(0, trigger.start - 3), rightBound).map((t) => t.norm));
    for (const r of this.#lexicon.refinements) {
      if (!r.types.includes(trigger.type)) continue;
      if (!r.requireAny.some((w) => window.has(w.toLowerCase()))) continue;
      const match = r.cases.find(
        (c) => c.cues.length === 0 || c.cues.some((w) => window.has(w.toLowerCase())),
      );
      if (match)
        return { cameo: match.cameo, mode: match.mode ?? trigger.mode, type: match.type ?? trigger.type };
    }
    return { cameo: trigger.cameo, mode: trigger.mode, type: trigger.type };
  }

  /**
   * "X said Y must …": a speaker stating what another party must do makes a demand (REQUEST)
   * of that party.
   */
  #obligations(ctx: SentenceContext): CodedEvent[] {
    const { tokens, mentions } = ctx;
    const out: CodedEvent[] = [];
    for (let k = 1; k < tokens.length; k++) {
      if (tokens[k]?.norm !== 'must') continue;
      const frame = this.#frameFor(ctx, k);
      const speaker = frame
        ? (frame.speaker?.actors[0] ??
          (frame.pronoun ? this.#resolvePronoun(frame.pronoun, undefined) : null))
        : null;
      if (!frame || !speaker) continue;
      const subject = [...mentions]
        .reverse()
        .find((m) => m.end <= k && m.end >= k - 6 && m.start >= frame.contentStart && m.preposition === null);
      if (!subject) continue;
      const targets = groupMembers(mentions, subject.group)
        .filter((m) => m.start >= frame.contentStart)
        .flatMap((m) => m.actors)
        .filter((a) => a.code !== speaker.code)
        .map(cloneActor);
      if (targets.length === 0) continue;
      const trigger: Trigger = {
        start: k,
        end: k + 1,
        kind: 'verb',
        lemma: 'must',
        type: 'REQUEST',
        cameo: '100',
        mode: null,
        needsSource: true,
        needsTarget: true,
        requireAny: [],
        rejectAny: [],
        passive: false,
        participial: false,
      };
      const dated = this.#date(ctx, trigger);
      const event: CodedEvent = {
        id: eventId('REQUEST', speaker, targets, ctx.sentence.text),
        type: 'REQUEST',
        mode: null,
        cameo: this.#lexicon.cameo('100'),
        source: cloneActor(speaker),
        targets,
        date: dated.date,
        dateBasis: dated.basis,
        location: this.#location(ctx, trigger),
        polarity: 'asserted',
        speaker: cloneActor(speaker),
        evidence: { sentence: ctx.sentence.text, start: ctx.sentence.start, end: ctx.sentence.end },
        confidence: 0.6,
        trigger: 'must',
      };
      if (dated.precision && dated.precision !== 'day') event.datePrecision = dated.precision;
      const locationCountry = this.#locationCountry(ctx, trigger);
      if (locationCountry) event.locationCountry = locationCountry;
      if (ctx.field === 'title') event.evidence.field = 'title';
      out.push(event);
    }
    return out;
  }

  /** The events of the first of `nouns` that codes any (that `keep` keeps): one nominal event a sentence. */
  #firstNounEvents(
    ctx: SentenceContext,
    nouns: readonly Trigger[],
    isQuestion: boolean,
    keep: (e: CodedEvent) => boolean = () => true,
  ): CodedEvent[] {
    for (const trigger of nouns) {
      const coded = this.#codeTrigger(ctx, trigger, isQuestion).filter(keep);
      if (coded.length > 0) return coded;
    }
    return [];
  }

  #isSecondary(ctx: SentenceContext, trigger: Trigger, verbs: readonly Trigger[]): boolean {
    const { tokens } = ctx;
    const before = tokens[trigger.start - 1]?.norm;
    if (trigger.participial && trigger.start > 0) {
      // "…, demanding", "a lunch hosted by …": a participle after the main verb is background.
      const firstVerb = verbs[0];
      if (firstVerb && firstVerb.start < trigger.start && firstVerb !== trigger) return true;
    }
    // An infinitive is never the main clause: "staged demonstrations to demand reforms", "a call
    // for its forces to be deployed".
    if (before === 'to') return true;
    if (before !== undefined && BE_FORMS.has(before) && tokens[trigger.start - 2]?.norm === 'to') return true;
    let comma = false;
    for (let k = trigger.start - 1; k >= 0; k--) {
      const w = tokens[k]?.norm ?? '';
      if (w === ';' || w === ':') return false;
      if (w === ',') comma = true;
      // "Amid a buildup…, Maduro appealed": a fronted clause ends at its comma.
      if (SUBORDINATORS.has(w)) return !(k <= 1 && comma);
      if (verbs.some((v) => v !== trigger && v.start === k)) return false;
    }
    return false;
  }

  /** The event a stated intention, plan or refusal amounts to (see {@link Modality}). */
  #derivedIntent(
    ctx: SentenceContext,
    trigger: Trigger,
    modality: Modality,
    hasSource: boolean,
    rightBound: number,
  ): { type: PloverType; cameo: string } | undefined {
    if (!hasSource) return undefined;
    // "will not accept", "failed to reach agreement": a refusal.
    if (modality.polarity === 'negated' && trigger.type === 'AGREE') return { type: 'REJECT', cameo: '120' };
    if (modality.intent === 'none') return undefined;
    if (modality.intent === 'prepare' && (trigger.type === 'ASSAULT' || trigger.type === 'COERCE'))
      return { type: 'MOBILIZE', cameo: '150' };
    const after = ctx.tokens.slice(trigger.end, rightBound).map((t) => t.norm);
    const conditional = after.includes('unless');
    if (CONFLICT_TYPES.has(trigger.type) || (conditional && modality.intent === 'firm'))
      return INTENT_TYPES[trigger.type] && CONFLICT_TYPES.has(trigger.type)
        ? INTENT_TYPES[trigger.type]
        : { type: 'THREATEN', cameo: '130' };
    if (modality.intent === 'firm') return INTENT_TYPES[trigger.type];
    return undefined;
  }

  #codeTrigger(ctx: SentenceContext, trigger: Trigger, isQuestion: boolean): CodedEvent[] {
    const { tokens } = ctx;
    const frame = this.#frameFor(ctx, trigger.start);
    // Inside reported speech the subject is searched in the content only.
    const leftBound = frame ? frame.contentStart : 0;
    const rightBound = frame ? frame.contentEnd : tokens.length;
    const speaker = frame
      ? (frame.speaker?.actors[0] ?? (frame.pronoun ? this.#resolvePronoun(frame.pronoun, undefined) : null))
      : null;
    const modality = classifyModality(tokens, trigger.start, leftBound, isQuestion);
    const polarity = modality.polarity;

    const subject =
      trigger.kind === 'noun'
        ? this.#nounSubject(ctx, trigger, leftBound)
        : this.#subject(ctx, trigger, leftBound);
    const subjectSet = new Set(subject.mentions);
    const objects = this.#objects(ctx, trigger, rightBound, subjectSet, trigger.passive);

    let sources: Actor[] = [];
    let targets: Actor[] = [];
    let confidence = 0.55;
    const subjectActors = subject.mentions.flatMap((m) => m.actors);
    let resolvedFromPronoun = false;
    let subjectFallback: Actor[] = subjectActors;
    if (subjectActors.length === 0 && subject.pronoun) {
      const resolved = this.#resolvePronoun(subject.pronoun, frame);
      if (resolved) {
        subjectFallback = [resolved];
        resolvedFromPronoun = true;
      }
    }
    if (trigger.passive && trigger.participial) {
      // Reduced relative: "Russian planes sanctioned by the U.S." — the noun before is the target.
      const before = ctx.mentions.find((m) => m.end === trigger.start);
      if (before) subjectFallback = groupMembers(ctx.mentions, before.group).flatMap((m) => m.actors);
    }
    if (trigger.passive) {
      sources = objects.agent.flatMap((m) => m.actors);
      targets = subjectFallback.length > 0 ? subjectFallback : objects.targets.flatMap((m) => m.actors);
    } else {
      sources = subjectFallback;
      targets = objects.targets.flatMap((m) => m.actors);
    }
    if (trigger.participial && !trigger.passive && targets.length === 0 && VERBAL_TYPES.has(trigger.type)) {
      // "wrote to President Xi asking for arms", "called Putin, urging restraint": the addressee
      // just before a participle of a verbal event is its target.
      const k = tokens[trigger.start - 1]?.norm === ',' ? trigger.start - 1 : trigger.start;
      const addressee = ctx.mentions.find((m) => m.end === k);
      if (
        addressee &&
        !addressee.placeOnly &&
        !addressee.isLocative &&
        (addressee.preposition === null || addressee.preposition === 'to') &&
        !addressee.actors.some((a) => sources.some((s) => s.code === a.code && s.text === a.text))
      )
        targets = groupMembers(ctx.mentions, addressee.group).flatMap((m) => m.actors);
    }
    if (
      sources.length === 0 &&
      !trigger.passive &&
      speaker &&
      !subject.pronoun &&
      // "Italy announced a suspension of …": the announcer is the source of the nominal event.
      // A reporter does not travel: arrivals and visits need their own subject.
      ((VERBAL_TYPES.has(trigger.type) && trigger.mode !== 'visit') ||
        (trigger.kind === 'noun' &&
          frame !== undefined &&
          trigger.start - frame.contentStart <= 3 &&
          tokens.slice(frame.contentStart, trigger.start).every((t) => !BE_FORMS.has(t.norm))))
    ) {
      // Reported speech: the speaker is the source of what the sentence says without a subject.
      sources = [speaker];
      confidence -= 0.1;
    }
    if (
      targets.length === 0 &&
      objects.place &&
      (PLACE_TARGET_TYPES.has(trigger.type) || PLACE_TARGET_MODES.has(trigger.mode ?? ''))
    ) {
      targets = objects.place.actors.map((a) => ({ ...a, sector: null, code: a.country ?? '---' }));
      confidence -= 0.05;
    }
    const firstObject = objects.targets[0];
    if (
      !trigger.passive &&
      trigger.type !== 'AID' &&
      !objects.fromComplement &&
      firstObject &&
      firstObject.preposition !== null &&
      firstObject.preposition !== 'to'
    ) {
      // "opposed to French mediation in talks with Syria": a country adjective in the direct
      // object, before the first actor of a prepositional phrase, names the target.
      const adjective = this.#objectCountry(ctx, trigger.end, firstObject.start);
      if (adjective && !sources.some((s) => s.country === adjective.country)) targets = [adjective];
    }
    if (targets.length === 0 && !trigger.passive) {
      // "rejected a Senegalese peace plan": a country adjective in the object names the target country.
      const adjective = this.#objectCountry(ctx, trigger.end, objects.end);
      if (adjective && !sources.some((s) => s.country === adjective.country)) targets = [adjective];
    }
    // Talks, phone calls, agreements and cooperation "with" a partner are reciprocal: PLOVER codes
    // each party as a source of the same event, without a target.
    const partner = objects.targets[0];
    if (
      RECIPROCAL_CAMEO.test(trigger.cameo) &&
      !/\bmeet/.test(trigger.lemma) &&
      SYMMETRIC_TYPES.has(trigger.type) &&
      !trigger.passive &&
      !objects.fromComplement &&
      sources.length > 0 &&
      partner &&
      (partner.preposition === 'with' ||
        (DIRECT_PARTNER_LEMMAS.has(trigger.lemma) && partner.preposition === null))
    ) {
      sources = [...sources, ...targets];
      targets = [];
    }
    if (sources.length >= 2 && SYMMETRIC_TYPES.has(trigger.type) && !trigger.passive) targets = [];
    // "ordered patrols by police and soldiers": the forces mobilised are not the target.
    if (trigger.type === 'MOBILIZE')
      targets = targets.filter((t) => !(t.country === null && ['MIL', 'COP'].includes(t.sector ?? '')));
    sources = sources.map((a) => this.#fillCountry(ctx, trigger, a, targets, true));
    targets = targets.map((a) => this.#fillCountry(ctx, trigger, a, sources, false));
    // "ended the curfew in a northern province": a concession or restriction in a place
    // the lexicon does not know is made at home, on the source's own country.
    const home = sources[0]?.country;
    if (
      targets.length === 0 &&
      (trigger.type === 'CONCEDE' || (trigger.type === 'COERCE' && trigger.mode === 'restrict')) &&
      home &&
      !['IGO', 'NGO', '---'].includes(home) &&
      this.#location(ctx, trigger) !== null &&
      this.#nearestPlace(ctx, trigger) === null
    ) {
      targets = [{ code: home, country: home, sector: null, text: this.#location(ctx, trigger) ?? '' }];
      confidence -= 0.05;
    }
    if (targets.length === 0 && trigger.type === 'PROTEST' && sources.length > 0) {
      // A protest without a named target is directed at its country's government (PLOVER convention).
      const home = stateCountry(sources[0]?.country);
      if (home) targets = [{ code: `${home}GOV`, country: home, sector: 'GOV', text: '' }];
      confidence -= 0.05;
    }
    if (trigger.kind === 'noun') confidence -= 0.1;
    if (resolvedFromPronoun) confidence -= 0.1;
    if (sources.length > 0) confidence += 0.2;
    if (targets.length > 0) confidence += 0.1;

    // Someone must say a verbal event: without a source it is not coded.
    if (sources.length === 0 && VERBAL_TYPES.has(trigger.type)) return [];
    // "The company had signed contracts with two suppliers": a business or a person of no known country
    // agreeing with no named party is commerce or private life, not a political event.
    if (
      targets.length === 0 &&
      COOPERATIVE_TYPES.has(trigger.type) &&
      sources.length > 0 &&
      sources.every((a) => (a.country === null || a.country === '---') && PRIVATE_SECTORS.has(a.sector ?? ''))
    )
      return [];
    // "A roadside bombing killed one U.S. soldier", "servicemen were killed by an explosive
    // device": armed violence against a named victim by someone the text does not name is the
    // work of unidentified armed forces (UAF) of the country where it happens.
    if (
      sources.length === 0 &&
      trigger.kind === 'verb' &&
      trigger.type === 'ASSAULT' &&
      targets.length > 0 &&
      WEAPON_CUES.some((w) => tokens.some((t) => t.norm === w))
    ) {
      const country = this.#placeCountry(ctx, trigger);
      sources = [{ code: `${country ?? '---'}UAF`, country, sector: 'UAF', text: '' }];
      confidence -= 0.15;
    }
    const passiveWithVictim = trigger.passive && targets.length > 0 && trigger.type === 'ASSAULT';
    // "Grenade attacks in Shabqadar", "protests across Bangladesh": a violent or protest noun with a
    // place is an event even when the text does not say who.
    const anonymousNoun =
      trigger.kind === 'noun' &&
      (trigger.type === 'ASSAULT' || trigger.type === 'PROTEST') &&
      (ANONYMOUS_NOUN_MODES.has(trigger.mode ?? '') ||
        trigger.lemma === 'clashes' ||
        trigger.lemma === 'fighting') &&
      (targets.length > 0 || this.#location(ctx, trigger) !== null);
    if (anonymousNoun) confidence -= 0.15;
    if (
      sources.length === 0 &&
      !anonymousNoun &&
      ((trigger.needsSource && !passiveWithVictim) || targets.length === 0)
    )
      return [];
    // "released prisoners", "seized a ship": the object must be an actor right after the verb.
    // The words a verb needs must be its own object: "concluded that Iran violated the deal" has a
    // clause, not an agreement, after the verb. Most verbs list no words: nothing to look at.
    const listsWords = trigger.requireAny.length > 0 || trigger.rejectAny.length > 0;
    const window =
      !listsWords || tokens[trigger.end]?.norm === 'that'
        ? []
        : tokens.slice(trigger.end, Math.min(rightBound, trigger.end + 10)).map((t) => t.norm);
    const required = trigger.requireAny.some((w) => window.includes(w));
    if (trigger.needsTarget) {
      // An actor right after the verb, or (for a verb that lists them) one of its words: "destroyed
      // rebel positions", "destroyed weapon depots".
      const direct = trigger.passive
        ? subjectFallback.length > 0
        : objects.targets.some((m) => m.start <= trigger.end + 3);
      if (!direct && !required) return [];
    } else if (trigger.requireAny.length > 0 && !required) return [];
    if (trigger.rejectAny.some((w) => window.includes(w))) return [];
    // Civilians, refugees, media and businesses do not fight, coerce or hand out aid: such a
    // "source" is a misparse (usually the victims).
    // Civilians clashing, lynching or burning are rioting: PLOVER PROTEST, mode riot.
    const riot =
      trigger.type === 'ASSAULT' && RIOT_LEMMAS.has(trigger.lemma) && sources.some((a) => a.sector === 'CVL');
    if (
      !riot &&
      !CIVILIAN_TYPES.has(trigger.type) &&
      sources.some((a) => NON_COERCIVE_SECTORS.has(a.sector ?? ''))
    )
      return [];
    // Police work and violence among criminals (gangs, smugglers, robbers) are not political:
    // without an armed group, army, government or opposition on either side, drop them.
    if (
      this.#crimeContext &&
      (trigger.type === 'COERCE' || trigger.type === 'ASSAULT') &&
      [...sources, ...targets].every((a) => CRIME_SIDE_SECTORS.has(a.sector ?? ''))
    )
      return [];
    // Visits are made by officials, not by troops or aircraft.
    if (
      trigger.mode === 'visit' &&
      trigger.needsSource &&
      sources.some((a) => ['MIL', 'REB', 'COP', 'CVL', 'REF'].includes(a.sector ?? ''))
    )
      return [];
    // Disasters and accidents kill, injure and call for rescue; that is not political violence.
    // A disaster named in an earlier sentence is still the context ("floods swept the valley … The
    // cabinet then declared an emergency").
    if (
      DISASTER_TYPES.has(trigger.type) &&
      (hasDisasterCue(ctx) || this.#disasterContext) &&
      !WEAPON_CUES.some((w) => tokens.some((t) => t.norm === w))
    )
      return [];
    // A passive without an agent ("were killed") is political only in a context of violence.
    if (
      sources.length === 0 &&
      trigger.type === 'ASSAULT' &&
      !VIOLENCE_CUES.some((w) => tokens.some((t) => t.norm === w))
    )
      return [];
    if (sources.length === 0 && trigger.kind === 'noun' && !anonymousNoun) return [];

    const refined = this.#refine(
      ctx,
      trigger,
      objects.targets.length > 0 ? Math.max(...objects.targets.map((m) => m.end)) + 12 : rightBound,
    );
    if (riot) {
      refined.type = 'PROTEST';
      refined.cameo = '145';
      refined.mode = 'riot';
    }
    const cameo = this.#lexicon.cameo(refined.cameo);
    const dated = this.#date(ctx, trigger);
    const location = this.#location(ctx, trigger);
    const locationCountry = this.#locationCountry(ctx, trigger);
    const triggerText = tokens
      .slice(trigger.start, trigger.end)
      .map((t) => t.text)
      .join(' ');
    const list: (Actor | null)[] = sources.length > 0 ? sources : [null];
    const intent = this.#derivedIntent(ctx, trigger, modality, sources.length > 0, rightBound);
    const coded = list.map((source) => {
      const eventTargets = targets.filter((t) => t.code !== source?.code).map(cloneActor);
      const event: CodedEvent = {
        id: eventId(refined.type, source, eventTargets, ctx.sentence.text),
        type: refined.type,
        mode: refined.mode,
        cameo,
        source: source ? cloneActor(source) : null,
        targets: eventTargets,
        date: dated.date,
        dateBasis: dated.basis,
        location,
        polarity,
        speaker: speaker ? cloneActor(speaker) : null,
        evidence: { sentence: ctx.sentence.text, start: ctx.sentence.start, end: ctx.sentence.end },
        confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100,
        trigger: triggerText,
      };
      if (dated.precision && dated.precision !== 'day') event.datePrecision = dated.precision;
      if (locationCountry) event.locationCountry = locationCountry;
      if (ctx.field === 'title') event.evidence.field = 'title';
      return event;
    });
    if (intent) {
      // A stated intention is itself an event: AGREE (cooperative) or THREATEN (conflictual).
      const cameoIntent = this.#lexicon.cameo(intent.cameo);
      for (const e of [...coded]) {
        coded.push({
          ...e,
          id: eventId(intent.type, e.source, e.targets, ctx.sentence.text),
          type: intent.type,
          mode: null,
          cameo: cameoIntent,
          polarity: 'asserted',
          confidence: Math.round(Math.max(0.05, e.confidence - 0.1) * 100) / 100,
        });
      }
    }
    return coded;
  }
}

function parsePublished(value: string | null | undefined, now: () => Date): { date: Date; known: boolean } {
  if (value) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return { date: d, known: true };
  }
  return { date: now(), known: false };
}

/**
 * Creates a rule-based political event coder (PLOVER types with CAMEO codes) driven by the YAML
 * lexicons in `options.lexiconDir`. Lexicons are read and validated once, here.
 */
export function createEventCoder(options: EventCoderOptions = {}): EventCoder {
  const lexicon = loadLexicon(options.lexiconDir);
  const now = options.now ?? (() => new Date());
  const includeNonAsserted = options.includeNonAsserted ?? false;
  return {
    code(input: EventCoderInput): CodedEvent[] {
      const published = parsePublished(input.publishedAt, now);
      const publishedIso = toIsoDate(published.date);
      // The day that picks a person's role (office holders change): YYYYMMDD of the publication.
      const day = Number(publishedIso.replaceAll('-', '').slice(0, 8));
      const crime = CRIME_CUES.test(`${input.title ?? ''}\n${input.text}`);
      const doc = new DocumentCoder(lexicon, includeNonAsserted, crime);
      const events: CodedEvent[] = [];
      const parts: { field: 'title' | 'text'; text: string }[] = [];
      if (input.title && input.title.trim()) parts.push({ field: 'title', text: input.title });
      parts.push({ field: 'text', text: input.text });
      for (const part of parts) {
        for (const sentence of splitSentences(part.text)) {
          const tokens = tokenize(sentence.text, sentence.start);
          const mentions = findMentions(tokens, sentence.text, sentence.start, lexicon, day);
          events.push(
            ...doc.codeSentence({
              sentence,
              tokens,
              mentions,
              frames: findSpeechFrames(tokens, mentions),
              dates: findDates(tokens, published.date),
              published: published.date,
              publishedIso,
              hasPublished: published.known,
              field: part.field,
              verbTokens: new Set(),
            }),
          );
        }
      }
      return events;
    },
  };
}

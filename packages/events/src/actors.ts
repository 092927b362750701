import type { CountryRole, Lexicon, PhraseEntry, PhraseInfo } from './lexicon/lexicon.js';
import { roleOn, rolesOf } from './lexicon/petrarch.js';
import type { Token } from './tokenize.js';
import type { Actor } from './types.js';
import { LOCATIVE_PREPOSITIONS, MONTHS, PREPOSITIONS, WEEKDAYS } from './words.js';

/** A lexicon phrase found in a sentence (token indexes, end exclusive). */
export interface PhraseMatch {
  start: number;
  end: number;
  infos: PhraseInfo[];
}

/** A noun phrase naming one or more actors ("US and British forces" names two). */
export interface Mention {
  start: number;
  end: number;
  actors: Actor[];
  /** Named by a person's title or name. */
  isPerson: boolean;
  /** Preceded by a locative preposition ("in Caracas"): a place, not a participant. */
  isLocative: boolean;
  /** A city or region named alone: a place, never a participant except as a locative target. */
  placeOnly: boolean;
  /**
   * Owned by an actor named elsewhere ("its troops", "their government"): a bare sector word after
   * a possessive pronoun, which refers back rather than naming a new party.
   */
  ownedByPronoun: boolean;
  /** The place of a post-modifier: "police in Caracas" -> "Caracas". */
  locatedIn: string | null;
  /** A place name that can be an event location. */
  place: string | null;
  /** The preposition before the phrase, if any. */
  preposition: string | null;
  /** Index of the coordination group (mentions joined by "and", commas, "or"). */
  group: number;
}

function matchesAt(tokens: readonly Token[], i: number, entry: PhraseEntry): boolean {
  for (let k = 0; k < entry.tokens.length; k++) {
    const token = tokens[i + k];
    if (!token || token.norm !== entry.tokens[k]) return false;
    const exact = entry.exact[k];
    if (exact != null && token.text !== exact) return false;
  }
  return true;
}

/** Longest-first, left-to-right lexicon matches that do not overlap. */
export function findPhrases(tokens: readonly Token[], lexicon: Lexicon): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const candidates = token ? lexicon.phrases.get(token.norm) : undefined;
    const found = candidates?.find((entry) => matchesAt(tokens, i, entry));
    if (found) {
      matches.push({ start: i, end: i + found.tokens.length, infos: found.infos });
      i += found.tokens.length;
      continue;
    }
    // "Vietnamese-led forces", "Saudi-led coalition": the leader's country names the actor
    // ("Syrian-backed militia" does not: the backer is another party).
    const led = token ? /^(\p{L}+)-(?:led|controlled|commanded|run)$/u.exec(token.text) : null;
    const prefix = led?.[1];
    if (prefix) {
      const entry = lexicon.phrases
        .get(prefix.toLowerCase())
        ?.find((e) => e.tokens.length === 1 && e.infos.some((x) => x.kind === 'country'));
      const info = entry?.infos.find((x) => x.kind === 'country');
      if (info && info.kind === 'country')
        matches.push({ start: i, end: i + 1, infos: [{ ...info, role: 'adjective' }] });
    }
    i++;
  }
  return matches;
}

type CountryInfo = Extract<PhraseInfo, { kind: 'country' }>;

function countryInfo(match: PhraseMatch | undefined, roles: readonly CountryRole[]): CountryInfo | undefined {
  return match?.infos.find((i): i is CountryInfo => i.kind === 'country' && roles.includes(i.role));
}

type HeadInfo = Exclude<PhraseInfo, { kind: 'country' }>;
type PersonLike = Extract<PhraseInfo, { kind: 'person' | 'surname' }>;

/** The country and sector of a person on a day (YYYYMMDD): dated roles decide, else the entry's own. */
function personOn(info: PersonLike, day: number | undefined): { country: string; sector: string } {
  if (!info.roles || day === undefined) return info;
  return roleOn(rolesOf(info.roles), day) ?? info;
}

function isHead(i: PhraseInfo): i is HeadInfo {
  return i.kind !== 'country';
}

function headInfo(match: PhraseMatch | undefined, allowNonStandalone: boolean): HeadInfo | undefined {
  if (!match) return undefined;
  const heads = match.infos.filter(isHead);
  return (
    heads.find((i) => i.kind === 'org' || i.kind === 'person') ??
    heads.find((i) => i.kind === 'title') ??
    heads.find((i) => i.kind === 'sector' && (i.standalone || allowNonStandalone))
  );
}

const NOT_NAMES = new Set([
  'on',
  'in',
  'the',
  'said',
  'says',
  'who',
  'which',
  'and',
  'of',
  'has',
  'had',
  'was',
  'is',
  'will',
  'would',
  'told',
  'for',
  'to',
  'at',
  'with',
  'from',
  // Month names but "may", which is far more often the modal verb.
  ...MONTHS.filter((m) => m !== 'may'),
  ...WEEKDAYS,
  'today',
  'yesterday',
]);

// Lower-case words allowed between a country word and a sector or title: "Iraqi foreign ministry",
// "Nigerian junior foreign minister", "Russian-made"; anything else breaks the phrase.
const MODIFIER_RE = /^(?:[a-z]+(?:-[a-z]+)*)$/;

function makeActor(country: string | null, sector: string | null, text: string): Actor {
  return { code: `${country ?? '---'}${sector ?? ''}`, country, sector, text };
}

/**
 * Finds actor mentions: country words, organisations, people, titles and sector nouns, combined
 * into noun phrases ("Venezuelan President Nicolas Maduro" -> VEN GOV, "police in Guinea" ->
 * GIN COP), with coordination groups ("Russia, China, and Iran").
 */
export function findMentions(
  tokens: readonly Token[],
  sentence: string,
  offset: number,
  lexicon: Lexicon,
  day?: number,
): Mention[] {
  const phrases = findPhrases(tokens, lexicon);
  const byStart = new Map<number, PhraseMatch>();
  for (const p of phrases) byStart.set(p.start, p);
  const slice = (from: number, to: number): string => {
    const a = tokens[from];
    const b = tokens[to - 1];
    return a && b ? sentence.slice(a.start - offset, b.end - offset) : '';
  };
  const isHeadAt = (pos: number): boolean => headInfo(byStart.get(pos), true) !== undefined;

  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = byStart.get(i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    let pos = i;
    // 1. Country modifiers, possibly coordinated adjectives: "US and British forces".
    const countries: { info: CountryInfo; match: PhraseMatch }[] = [];
    for (;;) {
      const m = byStart.get(pos);
      const info = countryInfo(m, ['name', 'adjective', 'capital', 'metonym', 'people', 'place']);
      if (!m || !info) break;
      // A name that is also an organisation or person ("Hamas") is handled as the head.
      if (headInfo(m, false)?.kind === 'org') break;
      countries.push({ info, match: m });
      pos = m.end;
      if (tokens[pos]?.norm === "'s") pos++;
      const sep = tokens[pos]?.norm;
      const next = byStart.get(pos + 1);
      if (
        (sep === 'and' || sep === ',') &&
        countryInfo(next, ['adjective']) &&
        countries.every((c) => c.match.infos.some((x) => x.kind === 'country' && x.role === 'adjective'))
      ) {
        // Only coordinate adjectives when the phrase goes on to a head: "Russian and Chinese troops".
        let look = next?.end ?? pos;
        while (
          tokens[look] &&
          MODIFIER_RE.test(tokens[look]?.text ?? '') &&
          !isHeadAt(look) &&
          look - (next?.end ?? pos) < 2
        )
          look++;
        if (isHeadAt(look)) {
          pos++;
          continue;
        }
      }
      break;
    }
    // 2. Up to two lower-case modifiers, then a head (organisation, person, title or sector).
    let headPos = pos;
    // Words that name an actor only with a country ("students", "military") may still take it
    // from a post-modifier ("students throughout Indonesia"); without one they are dropped below.
    let head = headInfo(byStart.get(pos), true);
    if (!head && countries.length > 0) {
      for (let k = 1; k <= 2 && !head; k++) {
        const between = tokens.slice(pos, pos + k);
        if (
          between.length < k ||
          between.some(
            (t) =>
              !lexicon.words.titleModifiers.has(t.norm) &&
              (!MODIFIER_RE.test(t.text) || lexicon.words.modifierStop.has(t.norm)),
          )
        )
          break;
        const candidate = headInfo(byStart.get(pos + k), true);
        if (candidate) {
          head = candidate;
          headPos = pos + k;
        }
      }
    }
    let end = pos;
    let isPerson = false;
    const actorsFor = (sector: string | null, fallbackCountry: string | null): Actor[] => {
      const list = countries.length > 0 ? countries.map((c) => c.info.country) : [fallbackCountry];
      return [...new Set(list)].map((c) => makeActor(c, sector, ''));
    };
    let actors: Actor[] = [];
    let place: string | null = null;
    let locatedIn: string | null = null;
    if (head) {
      const headMatch = byStart.get(headPos);
      end = headMatch?.end ?? headPos + 1;
      if (head.kind === 'org' || head.kind === 'person') {
        const role = head.kind === 'person' ? personOn(head, day) : head;
        actors = [makeActor(role.country, role.sector, '')];
        isPerson = head.kind === 'person';
        if (head.kind === 'person' && countries.length > 0) actors = actorsFor(role.sector, role.country);
        // "Red Cross officials", "Hamas fighters": the organisation's people are the organisation.
        if (head.kind === 'org') {
          const next = headInfo(byStart.get(end), true);
          if (next && (next.kind === 'title' || next.kind === 'sector')) end = byStart.get(end)?.end ?? end;
        }
      } else {
        let country: string | null = null;
        let sector = head.sector;
        if (head.kind === 'title') {
          isPerson = true;
          // A name after the title: "President Nicolas Maduro"; a known person gives the country.
          let n = end;
          const nameStart = n;
          while (n < tokens.length && n - nameStart < 4) {
            const t = tokens[n];
            if (!t) break;
            const known = byStart.get(n);
            // A full name anywhere in the name, or a surname that ends it ("President Avril").
            const personInfo = known?.infos.find(
              (x): x is PersonLike =>
                x.kind === 'person' ||
                (x.kind === 'surname' && !/^\p{Lu}/u.test(tokens[known.end]?.text ?? '')),
            );
            if (personInfo) {
              const role = personOn(personInfo, day);
              if (countries.length === 0 || countries.some((c) => c.info.country === role.country)) {
                country = role.country;
                if (head.sector === 'GOV' || countries.length === 0)
                  sector = role.sector === 'GOV' ? head.sector : sector;
              }
              n = known?.end ?? n + 1;
              break;
            }
            // Stacked titles: "religious leader Ayatollah Ruhollah Khomeini".
            if (known && known.infos.some((x) => x.kind === 'title') && n === nameStart) {
              n = known.end;
              continue;
            }
            if (known) break;
            if (/^\p{Lu}/u.test(t.text) && !NOT_NAMES.has(t.norm)) n++;
            else if (lexicon.words.nameParticles.has(t.norm) && /^\p{Lu}/u.test(tokens[n + 1]?.text ?? ''))
              n++;
            else break;
          }
          end = n;
        }
        // Post-modifier: "rebels in the Ivory Coast", "president of Armenia".
        if (countries.length === 0) {
          let p = end;
          if (['in', 'of', 'from', 'throughout', 'across'].includes(tokens[p]?.norm ?? '')) {
            p++;
            if (tokens[p]?.norm === 'the') p++;
            const info = countryInfo(byStart.get(p), ['name', 'capital', 'place']);
            if (info && country === null) {
              country = info.country;
              const placeMatch = byStart.get(p);
              if (placeMatch && tokens[end]?.norm === 'in')
                locatedIn = slice(placeMatch.start, placeMatch.end);
              end = placeMatch?.end ?? end;
            }
          }
        }
        if (countries.length === 0 && country === null && head.kind === 'sector' && !head.standalone) {
          i = end;
          continue;
        }
        // "the Senate president Jane Doe": the head of a body, named by a
        // title after it, is an actor of that body.
        const titleAfter = head.kind === 'sector' ? byStart.get(end) : undefined;
        if (
          titleAfter &&
          titleAfter.infos.some((x) => x.kind === 'title') &&
          /^\p{Ll}/u.test(tokens[end]?.text ?? '')
        ) {
          isPerson = true;
          let n = titleAfter.end;
          while (
            n < tokens.length &&
            n - titleAfter.end < 4 &&
            /^\p{Lu}/u.test(tokens[n]?.text ?? '') &&
            !NOT_NAMES.has(tokens[n]?.norm ?? '') &&
            !byStart.has(n)
          )
            n++;
          const known = byStart.get(n)?.infos.find((x) => x.kind === 'person');
          if (known && known.kind === 'person') n = byStart.get(n)?.end ?? n;
          end = n;
        }
        actors = actorsFor(sector, country);
      }
    } else if (countries.length > 0) {
      const c = countries[countries.length - 1];
      if (!c) {
        i++;
        continue;
      }
      end = c.match.end;
      const role = c.info.role;
      const nextMatch = byStart.get(end);
      const people = countryInfo(nextMatch, ['people']);
      if (
        (role === 'adjective' || role === 'name') &&
        people &&
        nextMatch &&
        people.country !== c.info.country
      ) {
        // "Bosnian Serbs", "Kosovo Albanians": a people living in another country is that
        // country's population.
        actors = [makeActor(c.info.country, 'CVL', '')];
        end = nextMatch.end;
      } else if (role === 'people') actors = [makeActor(c.info.country, 'CVL', '')];
      else if (role === 'metonym') actors = [makeActor(c.info.country, 'GOV', '')];
      else if (role === 'capital') actors = [makeActor(c.info.country, 'GOV', '')];
      else if (role === 'place') actors = [makeActor(c.info.country, null, '')];
      else if (role === 'name') actors = [makeActor(c.info.country, null, '')];
      else {
        // An adjective alone names an actor only before a plural-looking noun: "Iraqi towns".
        const noun = tokens[end];
        if (noun && /^[a-z]{3,}s$/.test(noun.text) && !lexicon.words.modifierStop.has(noun.norm)) {
          actors = [makeActor(c.info.country, null, '')];
          end++;
        } else {
          i = end;
          continue;
        }
      }
      if (role === 'capital' || role === 'place' || role === 'name')
        place = slice(c.match.start, c.match.end);
      if (countries.length > 1 && countries.every((x) => x.info.role === 'name')) {
        actors = countries.map((x) => makeActor(x.info.country, null, ''));
      }
    } else {
      i++;
      continue;
    }
    // "all official contact": "official" modifying a noun is an adjective, not an actor.
    const headToken = tokens[headPos];
    const afterHead = tokens[end];
    if (
      head &&
      headPos === start &&
      end === headPos + 1 &&
      headToken?.norm === 'official' &&
      afterHead &&
      /^\p{Ll}+$/u.test(afterHead.text) &&
      !PREPOSITIONS.has(afterHead.norm) &&
      !lexicon.words.notAdjectiveNext.has(afterHead.norm) &&
      !lexicon.words.modifierStop.has(afterHead.norm) &&
      !/(?:ed|s)$/.test(afterHead.norm)
    ) {
      i = end;
      continue;
    }
    // "former President X", "ousted president Y": an elite, no longer the government.
    if (isPerson && head?.kind === 'title' && head.sector === 'GOV') {
      const lead = [tokens[start - 1]?.norm, tokens[start - 2]?.norm, tokens[headPos - 1]?.norm];
      if (lead.some((w) => w !== undefined && lexicon.words.formerWords.has(w)))
        actors = actors.map((a) => makeActor(a.country, 'ELI', ''));
    }
    // "its troops", "their own peacekeeping forces": up to two modifiers after the pronoun.
    let ownerAt = start - 1;
    while (
      ownerAt >= start - 2 &&
      /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[ownerAt]?.text ?? '') &&
      !lexicon.words.ownerPronouns.has(tokens[ownerAt]?.norm ?? '')
    )
      ownerAt--;
    const ownedByPronoun =
      lexicon.words.ownerPronouns.has(tokens[ownerAt]?.norm ?? '') &&
      countries.length === 0 &&
      !isPerson &&
      actors.every((a) => a.country === null);
    // Surface text and context.
    const text = slice(start, end);
    for (const a of actors) a.text = text;
    // Walk back over a determiner and up to two modifiers: "supporters of former President X".
    let before = start - 1;
    for (let k = 0; k < 3 && before >= 0; k++) {
      const w = tokens[before];
      if (!w || PREPOSITIONS.has(w.norm)) break;
      if (
        w.norm === 'the' ||
        w.norm === 'a' ||
        w.norm === 'an' ||
        // "in West Darfur", "in northern Iraq"
        lexicon.words.compassWords.has(w.norm) ||
        (/^\p{Ll}[\p{L}-]*$/u.test(w.text) &&
          !lexicon.words.modifierStop.has(w.norm) &&
          !/(?:ed|ing)$/.test(w.norm))
      )
        before--;
      else break;
    }
    let preposition =
      tokens[before] && PREPOSITIONS.has(tokens[before]?.norm ?? '') ? (tokens[before]?.norm ?? null) : null;
    // "thousands of students", "members of the opposition": the quantity's head is the actor.
    if (preposition === 'of' && lexicon.words.quantityWords.has(tokens[before - 1]?.norm ?? ''))
      preposition = null;
    if (preposition === 'of' && /^\d/.test(tokens[before - 1]?.norm ?? '')) preposition = null;
    // "in Caracas" is a place; "at protesters", "at the US embassy" name parties.
    const isLocative =
      preposition !== null &&
      LOCATIVE_PREPOSITIONS.has(preposition) &&
      !(preposition === 'at' && head !== undefined);
    if (isLocative && actors.length === 1 && actors[0] && !head) {
      // "in Caracas": a place; as an actor it is the country, not its government.
      const only = actors[0];
      actors = [makeActor(only.country, null, only.text)];
    }
    const placeOnly = !head && countries.length > 0 && countries.every((c) => c.info.role === 'place');
    mentions.push({
      start,
      end,
      actors,
      isPerson,
      isLocative,
      placeOnly,
      ownedByPronoun,
      place,
      locatedIn,
      preposition,
      group: mentions.length,
    });
    i = Math.max(end, i + 1);
  }
  // Coordination: mentions separated only by commas, "and", "or", "as well as", "both".
  for (let k = 1; k < mentions.length; k++) {
    const prev = mentions[k - 1];
    const cur = mentions[k];
    if (!prev || !cur) continue;
    const between = tokens.slice(prev.end, cur.start).map((t) => t.norm);
    // "X and a group of deputies": a quantity before the next member does not break the list.
    const joiners = between.filter(
      (w) => w !== ',' && w !== 'the' && w !== 'a' && w !== 'of' && !lexicon.words.quantityWords.has(w),
    );
    const ok =
      between.length > 0 &&
      between.length <= 4 &&
      (joiners.length === 0 ||
        joiners.join(' ') === 'and' ||
        joiners.join(' ') === 'or' ||
        joiners.join(' ') === 'as well as' ||
        joiners.join(' ') === 'and also');
    if (ok && (joiners.length > 0 || between.includes(',')) && !(joiners.length === 0 && prev.isPerson)) {
      // A bare comma joins only when a later "and" closes the list, or both are same-kind names.
      if (joiners.length === 0) {
        const next = mentions[k + 1];
        const closes = next
          ? tokens.slice(cur.end, next.start).some((t) => t.norm === 'and' || t.norm === 'or')
          : false;
        if (!closes) continue;
      }
      cur.group = prev.group;
      // "Israeli helicopters and tanks": a bare sector word shares the country of its partner.
      const prevCountries = prev.actors.map((a) => a.country);
      if (
        // a common noun ("tanks", "deputies"), not a named person
        /^\p{Ll}/u.test(tokens[cur.end - 1]?.text ?? '') &&
        cur.actors.length === 1 &&
        cur.actors[0]?.country === null &&
        prev.actors.length === 1 &&
        prevCountries[0] &&
        prev.actors[0]?.sector === cur.actors[0].sector
      ) {
        const sector = cur.actors[0].sector;
        cur.actors = [{ ...makeActor(prevCountries[0], sector, cur.actors[0].text) }];
      }
    }
  }
  // Members of a list share the first member's preposition: "to Russia, China, and Iran".
  const firstOfGroup = new Map<number, Mention>();
  for (const m of mentions) {
    const first = firstOfGroup.get(m.group);
    if (!first) {
      firstOfGroup.set(m.group, m);
    } else if (m.preposition === null) {
      m.preposition = first.preposition;
      m.isLocative = first.isLocative;
    }
  }
  return mentions;
}

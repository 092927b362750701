import type { Mention } from './actors.js';
import type { Token } from './tokenize.js';
import { ADVERB_FILLERS, PRONOUNS, SPEECH_VERBS, WEEKDAYS } from './words.js';

/** "X said (that) …", "…, X said Tuesday", "according to X": who reports which tokens. */
export interface SpeechFrame {
  /** The speaking mention, or a pronoun token index when the speaker is "he"/"they". */
  speaker: Mention | null;
  pronoun: string | null;
  /** Tokens of the reported content (end exclusive). */
  contentStart: number;
  contentEnd: number;
  /** Tokens of the frame itself ("the ministry said on Tuesday"). */
  frameStart: number;
  frameEnd: number;
}

const TIME_WORDS = new Set([
  'on',
  ...WEEKDAYS,
  'today',
  'yesterday',
  'late',
  'early',
  'last',
  'night',
  'week',
  'in',
  'a',
  'statement',
  'earlier',
  'this',
  'morning',
  'evening',
  'afternoon',
]);

function mentionEndingAt(mentions: readonly Mention[], end: number): Mention | undefined {
  return mentions.find((m) => m.end === end);
}

/** The head of a mention ending at `end`, through post-modifiers: "The Union of Teachers" -> "The Union". */
function headOf(tokens: readonly Token[], mentions: readonly Mention[], end: number): Mention | undefined {
  let head = mentionEndingAt(mentions, end);
  for (let guard = 0; head && head.preposition !== null && guard < 3; guard++) {
    const at = head.start - (tokens[head.start - 1]?.norm === 'the' ? 2 : 1);
    head = mentionEndingAt(mentions, at);
  }
  return head && head.preposition === null ? head : undefined;
}

/**
 * For a comma at `comma` that closes an appositive ("X, the umbrella union for teachers,"), the
 * actor before the appositive's opening comma, skipping a parenthetical acronym ("X (NUT),").
 */
function appositiveHead(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  comma: number,
): Mention | undefined {
  let open = comma - 1;
  const limit = Math.max(0, comma - 12);
  while (open > limit && tokens[open]?.norm !== ',') {
    const w = tokens[open]?.norm ?? '';
    if (w === ';' || w === '.' || w === '"' || SPEECH_VERBS.has(w)) return undefined;
    open--;
  }
  if (tokens[open]?.norm !== ',' || !['the', 'a', 'an'].includes(tokens[open + 1]?.norm ?? ''))
    return undefined;
  let e = open;
  if (tokens[e - 1]?.norm === ')') {
    while (e > 0 && tokens[e - 1]?.norm !== '(') e--;
    e--;
  }
  return headOf(tokens, mentions, e);
}

/** Finds reported-speech frames of a sentence. */
export function findSpeechFrames(tokens: readonly Token[], mentions: readonly Mention[]): SpeechFrame[] {
  const frames: SpeechFrame[] = [];
  const n = tokens.length;
  for (let j = 0; j < n; j++) {
    const w = tokens[j]?.norm ?? '';
    if (w === 'according' && tokens[j + 1]?.norm === 'to') {
      // "according to (the) (internal) U.S. government documents".
      let at = j + 2;
      if (tokens[at]?.norm === 'the') at++;
      while (at < j + 5 && /^\p{Ll}+$/u.test(tokens[at]?.text ?? '') && !mentions.some((x) => x.start === at))
        at++;
      const m = mentions.find((x) => x.start === at);
      const trailing = j > 0;
      if (m) {
        frames.push(
          trailing
            ? { speaker: m, pronoun: null, contentStart: 0, contentEnd: j, frameStart: j, frameEnd: m.end }
            : {
                speaker: m,
                pronoun: null,
                contentStart: m.end,
                contentEnd: n,
                frameStart: j,
                frameEnd: m.end,
              },
        );
      }
      continue;
    }
    if (!SPEECH_VERBS.has(w)) continue;
    // Subject before the verb, allowing an adverb: "the ministry also said".
    let k = j;
    while (
      k > 0 &&
      (ADVERB_FILLERS.has(tokens[k - 1]?.norm ?? '') || TIME_WORDS.has(tokens[k - 1]?.norm ?? ''))
    )
      k--;
    // An appositive between subject and verb: "The Farmers' Union (FU), the main body
    // of growers, said that …": the speaker is the head before the first comma.
    if (tokens[k - 1]?.norm === ',' && k > 1) {
      const head = appositiveHead(tokens, mentions, k - 1);
      if (head) {
        let c = j + 1;
        while (c < n && (TIME_WORDS.has(tokens[c]?.norm ?? '') || tokens[c]?.norm === ',')) c++;
        if (tokens[c]?.norm === 'that') c++;
        frames.push({
          speaker: head,
          pronoun: null,
          contentStart: c,
          contentEnd: n,
          frameStart: head.start,
          frameEnd: c,
        });
        continue;
      }
    }
    const adjacent = mentionEndingAt(mentions, k);
    // "The Red Cross working in Yemen said": the speaker is the phrase's head, not the place.
    const before =
      adjacent && adjacent.preposition !== null
        ? [...mentions].reverse().find((m) => m.end <= adjacent.start && m.preposition === null)
        : adjacent;
    const pronoun = PRONOUNS.has(tokens[k - 1]?.norm ?? '') ? (tokens[k - 1]?.norm ?? null) : null;
    if (before || pronoun) {
      const subjectStart = before ? before.start : k - 1;
      let s = subjectStart - 1;
      if (tokens[s]?.norm === 'the') s--;
      const afterComma =
        s >= 0 && (tokens[s]?.norm === ',' || tokens[s]?.norm === '"' || tokens[s]?.norm === '”');
      if (afterComma && s > 0) {
        // Trailing frame: "…, the White House announced Tuesday."
        let end = j + 1;
        while (end < n && TIME_WORDS.has(tokens[end]?.norm ?? '')) end++;
        frames.push({
          speaker: before ?? null,
          pronoun,
          contentStart: 0,
          contentEnd: s,
          frameStart: s,
          frameEnd: end,
        });
      } else {
        let c = j + 1;
        while (c < n && (TIME_WORDS.has(tokens[c]?.norm ?? '') || tokens[c]?.norm === ',')) c++;
        if (tokens[c]?.norm === 'that') c++;
        frames.push({
          speaker: before ?? null,
          pronoun,
          contentStart: c,
          contentEnd: n,
          frameStart: subjectStart,
          frameEnd: c,
        });
      }
      continue;
    }
    // Inverted: "…, said the ministry."
    const after = mentions.find(
      (m) => m.start === j + 1 || (m.start === j + 2 && tokens[j + 1]?.norm === 'the'),
    );
    if (
      after &&
      j > 0 &&
      (tokens[j - 1]?.norm === ',' || tokens[j - 1]?.norm === '"' || tokens[j - 1]?.norm === '”')
    ) {
      frames.push({
        speaker: after,
        pronoun: null,
        contentStart: 0,
        contentEnd: j - 1,
        frameStart: j - 1,
        frameEnd: after.end,
      });
    }
  }
  return frames;
}

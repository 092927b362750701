/**
 * Builds a labelled dedup set, independent of ../shared/datasets/dedup-dev, so that dedup can be checked on
 * texts it was never tuned on. Article bodies of the extraction sets (web news pages of many sites and
 * lengths) become originals; each gets 0–3 syndicated copies made with our own edits, several per copy:
 *
 * - shape (at most one): `teaser` (the opening paragraphs, at least 40 words, then a line sending the reader
 *   to the original outlet), `truncate` (the first paragraphs), `excerpt` (paragraphs from the middle, at
 *   least 40 words);
 * - opening: `rewrite-first` (the first sentence written anew), `notice` (a republication notice naming the
 *   original outlet on top), `lead` (a credit lead), `dateline`;
 * - body: `cut-middle` (a middle paragraph dropped), `edit` (word substitutions), `related` ("Related:"
 *   lines inserted), `promo`, `layout` (paragraphs split or merged);
 * - around: `boilerplate` (the republisher's own cookie, newsletter and comment-policy lines, the same on
 *   all its pages), `credit` (a trailing credit), `footer`, `title`.
 *
 * Hard negatives (labelled pairs of kind `hard_negative`, each text a story of its own): `roundup` (a
 * digest quoting one sentence of a story among items of other texts), `templated` (reports written from
 * one template that differ only in names and numbers), `followup` (a story's opening sentence over another
 * text's body). Unrelated `distractor` texts complete the set.
 *
 * The seed picks which bodies are used and every edit: tune on one seed, report on another.
 *
 *   pnpm -s make:dedup-set [--extraction DIR[,DIR...]] [--out FILE.jsonl] [--seed 7] [--originals 450]
 *   pnpm -s eval:dedup --dataset FILE.jsonl
 *
 * Writes FILE.jsonl (same fields as dedup-dev) and FILE's sibling *_pairs.jsonl.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { arg, seededRandom } from './lib/cli.js';

interface Row {
  id: string;
  title: string;
  text: string;
  source: string;
  url: null;
  date: null;
  cluster: string;
  is_original: boolean;
  transforms: string[];
}

const extractionDirs = (
  arg('extraction') ?? '../shared/datasets/extraction-dev,../shared/datasets/extraction-wcxb-dev'
)
  .split(',')
  .filter((d) => d.length > 0);
const out = arg('out') ?? 'out/dedup-extraction-synth.jsonl';
const seed = Number(arg('seed') ?? 7);
const originalCount = Number(arg('originals') ?? 450);
const random = seededRandom(seed);

const OUTLETS = [
  'Northgate Courier',
  'Daily Lantern',
  'Baltic Wire',
  'Prairie Post',
  'Meridian Online',
  'Harbour Times',
  'Valley Sentinel',
  'Copperfield Gazette',
];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Interfax', 'UNN', 'PA Media'];
const ORIGINS = ['The Washington Post', 'The Guardian', 'Le Monde', 'Der Spiegel', 'Bloomberg', 'The Hindu'];
const CITIES = ['LONDON', 'BERLIN', 'NEW YORK', 'KYIV', 'Paris', 'Nairobi', 'TOKYO', 'Ottawa'];
const MONTHS = ['Jan.', 'March', 'May', 'July', 'Sept.', 'Nov.'];
const FOOTERS = [
  'Follow us on Telegram and X for the latest news.',
  '© 2025 {outlet}. All rights reserved. Reproduction without permission is prohibited.',
  'Have a news tip? Write to our newsroom.',
];
const SWAPS: Record<string, string> = {
  said: 'says',
  says: 'said',
  however: 'but',
  because: 'as',
  about: 'around',
  big: 'large',
  large: 'big',
  people: 'persons',
  also: 'too',
  many: 'numerous',
  start: 'begin',
  help: 'assist',
  show: 'reveal',
  new: 'fresh',
  important: 'key',
  often: 'frequently',
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number): boolean => random() < p;
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
const sentencesOf = (p: string): string[] => p.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g) ?? [p];
const wordCount = (s: string): number => s.split(/\s+/).filter((w) => w.length > 0).length;

/** Each republisher's own page furniture: the same lines on all its pages, whatever the story. */
function boilerplateOf(outlet: string): { top: string[]; bottom: string[] } {
  const r = seededRandom([...outlet].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) >>> 0);
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return {
    top: [
      one([
        `${outlet} uses cookies to improve your experience. By continuing to browse you accept our use of cookies.`,
        `We use cookies on ${outlet} to personalise content and ads. Manage your preferences in cookie settings.`,
      ]),
    ],
    bottom: [
      one([
        `Get the ${outlet} morning briefing: sign up for our free newsletter, delivered to your inbox every weekday.`,
        `Never miss a story. Subscribe to the ${outlet} newsletter today.`,
      ]),
      one([
        `Comments are moderated and must follow the ${outlet} community guidelines. Abusive posts will be removed.`,
        `We welcome your comments. Please keep discussion civil and on topic; read our comment policy before posting.`,
      ]),
    ],
  };
}

function creditLead(origin: string): string {
  const agency = pick(AGENCIES);
  return pick([
    `This is reported by ${origin}, according to ${agency}.`,
    `${agency} reports, citing ${origin}:`,
    `As ${origin} writes, quoted by ${agency}.`,
  ]);
}

function dateline(): string {
  const city = pick(CITIES);
  const agency = pick(AGENCIES);
  const day = 1 + Math.floor(random() * 28);
  return pick([
    `${city}, ${pick(MONTHS)} ${day} (${agency}) -`,
    `${city} (${agency}) —`,
    `${city}, ${day} ${pick(MONTHS).replace('.', '')} —`,
    `${city.toUpperCase()} --`,
  ]);
}

function republicationNotice(origin: string): string {
  return pick([
    `This article was originally published by ${origin} and is republished here with permission.`,
    `Editor's note: this story first appeared in ${origin}.`,
    `Republished from ${origin} under a Creative Commons licence.`,
    `This story originally appeared on ${origin}. It is reproduced here as part of a content partnership.`,
  ]);
}

function sendLine(origin: string): string {
  return pick([
    `Read the full story at ${origin}.`,
    `Continue reading on the ${origin} website.`,
    `This is an excerpt. The full article is available from ${origin}.`,
    `Read more at ${origin}`,
    `Full story: ${origin}`,
  ]);
}

function trailingCredit(origin: string): string {
  return pick([
    `Source: ${origin}`,
    `(Reporting by Mara Lind and Tomas Ek; Editing by Ruth Orme)`,
    `Originally published on ${origin}.`,
    `This story was provided by ${origin}.`,
    `— ${origin}`,
  ]);
}

/** A first sentence of the republisher's own, keeping a name or two of the story so it reads as the same news. */
function rewrittenFirst(first: string): string {
  const names = (first.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []).slice(0, 2);
  const about = names.length > 0 ? names.join(' and ') : 'this story';
  return pick([
    `Here is what we know so far about ${about}, in a story that has drawn wide attention.`,
    `New details have emerged about ${about}, and here is a summary of what was reported.`,
    `Attention has turned again to ${about} as the story continues to develop.`,
  ]);
}

function editWords(text: string, rate: number): string {
  return text.replace(/\b[a-z]+\b/g, (w) => (SWAPS[w] && random() < rate ? SWAPS[w] : w));
}

/** The first paragraphs reaching `minWords`, or null when the text has no more than that. */
function opening(paragraphs: string[], minWords: number): string[] | null {
  let n = 0;
  for (let k = 0; k < paragraphs.length - 1; k++) {
    n += wordCount(paragraphs[k] ?? '');
    if (n >= minWords) return paragraphs.slice(0, k + 1);
  }
  return null;
}

/** Paragraphs from the middle of a text, at least `minWords` and at most half of it, or null. */
function excerpt(paragraphs: string[], minWords: number): string[] | null {
  const total = wordCount(paragraphs.join(' '));
  if (paragraphs.length < 4 || total < minWords * 3) return null;
  const from = 1 + Math.floor(random() * Math.floor(paragraphs.length / 2));
  let n = 0;
  for (let k = from; k < paragraphs.length - 1; k++) {
    n += wordCount(paragraphs[k] ?? '');
    if (n >= minWords) return n <= total / 2 ? paragraphs.slice(from, k + 1) : null;
  }
  return null;
}

function makeCopy(original: Row, others: string[], outlet: string) {
  const transforms: string[] = [];
  const origin = original.source;
  let paragraphs = paragraphsOf(original.text);
  let title = original.title;
  let sendTo: string | null = null;
  if (chance(0.4)) {
    title =
      `${pick(['WATCH:', 'Update:', 'Exclusive:', ''])} ${title.split(' ').slice(0, 8).join(' ')}`.trim();
    transforms.push('title');
  }
  const shape = random();
  if (shape < 0.2) {
    const open = opening(paragraphs, 40);
    if (open) {
      paragraphs = open;
      sendTo = sendLine(origin);
      transforms.push('teaser');
    }
  } else if (shape < 0.35 && paragraphs.length > 2) {
    const keep = 1 + Math.floor(random() * Math.min(4, paragraphs.length - 1));
    if (wordCount(paragraphs.slice(0, keep).join(' ')) >= 40) {
      paragraphs = paragraphs.slice(0, keep);
      transforms.push('truncate');
    }
  } else if (shape < 0.45) {
    const part = excerpt(paragraphs, 40);
    if (part) {
      paragraphs = part;
      transforms.push('excerpt');
    }
  }
  if (chance(0.2) && paragraphs.length > 3) {
    paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 2)), 1);
    transforms.push('cut-middle');
  }
  if (chance(0.25)) {
    paragraphs = paragraphs.map((p) => editWords(p, 0.5));
    transforms.push('edit');
  }
  if (chance(0.25) && paragraphs.length > 1) {
    const related = pick(['Related:', 'RELATED:', 'Related coverage:', 'See also:']);
    const n = 1 + Math.floor(random() * 2);
    for (let k = 0; k < n; k++)
      paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 1)), 0, `${related} ${pick(others)}`);
    transforms.push('related');
  }
  if (chance(0.15) && paragraphs.length > 2) {
    paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 1)), 0, `READ ALSO: ${pick(others)}`);
    transforms.push('promo');
  }
  if (chance(0.25)) {
    const first = paragraphs[0] ?? '';
    const sentences = sentencesOf(first);
    sentences[0] = `${rewrittenFirst(sentences[0] ?? '')} `;
    paragraphs[0] = sentences.join('').trim();
    transforms.push('rewrite-first');
  }
  const opener = random();
  if (opener < 0.2) {
    paragraphs[0] = `${dateline()} ${paragraphs[0] ?? ''}`;
    transforms.push('dateline');
  } else if (opener < 0.36) {
    paragraphs[0] = `${creditLead(origin)} ${paragraphs[0] ?? ''}`;
    transforms.push('lead');
  }
  if (chance(0.25)) {
    paragraphs.unshift(republicationNotice(origin));
    transforms.push('notice');
  }
  if (sendTo) paragraphs.push(sendTo);
  if (chance(0.25)) {
    paragraphs.push(trailingCredit(origin));
    transforms.push('credit');
  }
  if (chance(0.15)) {
    paragraphs.push(pick(FOOTERS).replace('{outlet}', outlet));
    transforms.push('footer');
  }
  if (chance(0.35)) {
    const b = boilerplateOf(outlet);
    paragraphs = [...b.top, ...paragraphs, ...b.bottom];
    transforms.push('boilerplate');
  }
  let text = paragraphs.join('\n\n');
  if (chance(0.25)) {
    if (chance(0.5)) {
      // merge neighbouring paragraphs
      const merged: string[] = [];
      for (let k = 0; k < paragraphs.length; k += 2) merged.push(paragraphs.slice(k, k + 2).join(' '));
      text = merged.join('\n\n');
    } else {
      text = paragraphs
        .flatMap(sentencesOf)
        .map((s) => s.trim())
        .join('\n\n');
    }
    transforms.push('layout');
  }
  return { title, text, transforms };
}

// Templated reports: one frame, different facts (names and numbers), so that only the facts tell them apart.
const TEMPLATES: ((f: Facts) => string)[] = [
  (f) =>
    [
      `Shares of ${f.company} rose ${f.n1} percent on ${f.day} after the company reported quarterly revenue of ${f.n2} million dollars, ahead of what analysts had expected.`,
      `Chief executive ${f.person} said demand had held up in ${f.place} and that the company would keep investing in new products over the coming year.`,
      `Net profit for the quarter came to ${f.n3} million dollars, compared with ${f.n4} million a year earlier. The company also raised its forecast for the full year.`,
      `Trading volume was about ${f.n5} thousand shares by the close, above the average of recent weeks.`,
    ].join('\n\n'),
  (f) =>
    [
      `${f.team1} beat ${f.team2} ${f.n1}-${f.n6} on ${f.day} to move up to ${f.n7}th place in the table.`,
      `${f.person} opened the scoring in the ${f.n2}th minute, and the visitors never recovered despite a late push in front of a crowd of ${f.n5} thousand at the ground in ${f.place}.`,
      `The coach said after the match that the side had worked hard in training all week and deserved the points. The next fixture is away in ${f.n3} days.`,
    ].join('\n\n'),
  (f) =>
    [
      `Heavy rain is expected across ${f.place} from ${f.day}, with up to ${f.n2} millimetres forecast in some areas, the national weather service said.`,
      `Forecaster ${f.person} said temperatures would fall to around ${f.n6} degrees and winds could gust at ${f.n3} kilometres per hour near the coast.`,
      `Residents were advised to check travel updates before setting out. Local authorities in ${f.company} county said road crews were on standby and that ${f.n4} schools might close early.`,
    ].join('\n\n'),
];
interface Facts {
  company: string;
  person: string;
  place: string;
  team1: string;
  team2: string;
  day: string;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  n6: number;
  n7: number;
}
const SYLLABLES = [
  'bar',
  'ven',
  'lo',
  'tri',
  'mar',
  'sel',
  'dor',
  'kin',
  'ash',
  'fel',
  'orn',
  'quil',
  'ra',
  'ton',
];
function madeUpName(): string {
  const n = 2 + Math.floor(random() * 2);
  let w = '';
  for (let k = 0; k < n; k++) w += pick(SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}
function facts(): Facts {
  const num = (max: number): number => 2 + Math.floor(random() * max);
  return {
    company: `${madeUpName()} ${pick(['Holdings', 'Group', 'Systems', 'Foods'])}`,
    person: `${madeUpName()} ${madeUpName()}`,
    place: madeUpName(),
    team1: `${madeUpName()} ${pick(['United', 'City', 'Rovers'])}`,
    team2: `${madeUpName()} ${pick(['Athletic', 'Town', 'Wanderers'])}`,
    day: pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']),
    n1: num(9),
    n2: num(90),
    n3: num(400),
    n4: num(400),
    n5: num(60),
    n6: num(5),
    n7: num(18),
  };
}

interface Base {
  id: string;
  text: string;
}
function loadBases(): Base[] {
  const bases: Base[] = [];
  for (const dir of extractionDirs) {
    const groundTruth = join(dir, 'ground-truth.json');
    if (!existsSync(groundTruth)) {
      console.error(`make-dedup-set: ${groundTruth} not found (pass --extraction DIR[,DIR...])`);
      process.exit(2);
    }
    const gold = JSON.parse(readFileSync(groundTruth, 'utf8')) as Record<
      string,
      { articleBody: string; page_type?: string }
    >;
    const tag = dir.replace(/\/+$/, '').split('/').pop() ?? dir;
    for (const [id, v] of Object.entries(gold)) {
      const text = v.articleBody.trim();
      if ((v.page_type ?? 'article') !== 'article' || wordCount(text) < 60) continue;
      bases.push({ id: `${tag}-${id}`, text });
    }
  }
  return bases;
}

const titleOf = (text: string): string =>
  (sentencesOf(paragraphsOf(text)[0] ?? text)[0] ?? text).trim().slice(0, 90);

const all = loadBases();
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [all[i], all[j]] = [all[j] as Base, all[i] as Base];
}
// The seed picks the bodies: originals, bodies lent to follow-ups and roundup items, unrelated distractors.
const originals = all.slice(0, Math.min(originalCount, Math.floor(all.length * 0.6)));
const donors = all.slice(originals.length, originals.length + Math.floor(all.length * 0.15));
const distractors = all.slice(originals.length + donors.length);
const titles = all.map((b) => titleOf(b.text));

const rows: Row[] = [];
const pairs: { a: string; b: string; label: number; kind: string }[] = [];
const positives = (members: Row[]): void => {
  for (let a = 0; a < members.length; a++)
    for (let b = a + 1; b < members.length; b++)
      pairs.push({ a: members[a]?.id ?? '', b: members[b]?.id ?? '', label: 1, kind: 'positive' });
};
const story = (id: string, title: string, text: string, source: string, transforms: string[]): Row => ({
  id,
  title,
  text,
  source,
  url: null,
  date: null,
  cluster: id,
  is_original: true,
  transforms,
});
const withBoilerplate = (text: string, outlet: string): string => {
  const b = boilerplateOf(outlet);
  return chance(0.3) ? [...b.top, text, ...b.bottom].join('\n\n') : text;
};

let roundups = 0;
let followups = 0;
originals.forEach((base, i) => {
  const cluster = `x-${base.id}`;
  const original = story(cluster, titleOf(base.text), base.text, pick(ORIGINS), []);
  const members = [original];
  const copies = Math.floor(random() * 4);
  for (let k = 1; k <= copies; k++) {
    const outlet = pick(OUTLETS);
    const copy = makeCopy(original, titles, outlet);
    members.push({ ...original, ...copy, id: `${cluster}-copy${k}`, source: outlet, is_original: false });
  }
  rows.push(...members);
  positives(members);
  // Hard negative: a roundup quoting one sentence of this story among items of other texts.
  if (i % 8 === 0 && donors.length >= 4) {
    const sentence = (t: string): string =>
      sentencesOf(
        paragraphsOf(t)[Math.floor(random() * Math.min(3, paragraphsOf(t).length))] ?? t,
      )[0]?.trim() ?? '';
    const items = [sentence(base.text), ...[0, 1, 2].map(() => sentence(pick(donors).text))];
    for (let k = items.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [items[k], items[j]] = [items[j] ?? '', items[k] ?? ''];
    }
    const id = `${cluster}-roundup`;
    const outlet = pick(OUTLETS);
    const intro = pick([
      'Here is the news you need this morning.',
      'Our daily digest of the stories that matter.',
    ]);
    rows.push(
      story(id, `${outlet} daily briefing`, withBoilerplate([intro, ...items].join('\n\n'), outlet), outlet, [
        'roundup',
      ]),
    );
    pairs.push({ a: original.id, b: id, label: 0, kind: 'hard_negative' });
    roundups++;
  }
  // Hard negative: the same title and opening sentence over another text's body.
  if (i % 8 === 4 && donors.length > 0) {
    const other = donors[followups % donors.length];
    const first = paragraphsOf(base.text)[0] ?? '';
    if (other) {
      const id = `${cluster}-followup`;
      rows.push(
        story(
          id,
          `${original.title} (update)`,
          `${sentencesOf(first)[0] ?? first}\n\n${other.text}`,
          pick(OUTLETS),
          ['followup'],
        ),
      );
      pairs.push({ a: original.id, b: id, label: 0, kind: 'hard_negative' });
      followups++;
    }
  }
});

// Templated reports: groups written from one template with different facts; some get a copy.
let templated = 0;
for (let g = 0; g < Math.max(6, Math.round(originals.length / 15)); g++) {
  const template = TEMPLATES[g % TEMPLATES.length];
  if (!template) continue;
  const group: Row[] = [];
  for (let k = 0; k < 3; k++) {
    const f = facts();
    const text = template(f);
    const id = `t-${seed}-${g}-${k}`;
    const report = story(id, titleOf(text), text, pick(ORIGINS), []);
    const members = [report];
    if (chance(0.4)) {
      const copy = makeCopy(report, titles, pick(OUTLETS));
      members.push({ ...report, ...copy, id: `${id}-copy1`, source: pick(OUTLETS), is_original: false });
    }
    rows.push(...members);
    positives(members);
    group.push(report);
  }
  for (let a = 0; a < group.length; a++)
    for (let b = a + 1; b < group.length; b++) {
      pairs.push({ a: group[a]?.id ?? '', b: group[b]?.id ?? '', label: 0, kind: 'hard_negative' });
      templated++;
    }
}

for (const d of distractors) {
  const outlet = pick([...OUTLETS, ...ORIGINS]);
  rows.push(story(`d-${d.id}`, titleOf(d.text), withBoilerplate(d.text, outlet), outlet, ['distractor']));
}

for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [rows[i], rows[j]] = [rows[j] as Row, rows[i] as Row];
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const pairsOut = out.replace(/\.jsonl$/, '_pairs.jsonl');
writeFileSync(pairsOut, pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
const clusters = new Set(rows.map((r) => r.cluster)).size;
const edits = new Map<string, number>();
for (const r of rows)
  for (const t of r.is_original ? [] : r.transforms) edits.set(t, (edits.get(t) ?? 0) + 1);
console.log(
  `wrote ${out} (seed ${seed}): ${rows.length} articles in ${clusters} clusters from ${originals.length} originals, ` +
    `${distractors.length} distractors, ${roundups} roundups, ${followups} follow-ups, ${templated} templated pairs; ` +
    `${pairsOut}: ${pairs.length} labelled pairs (${pairs.filter((p) => p.label === 0).length} hard negatives)`,
);
console.log(
  `copies by edit: ${[...edits]
    .sort((a, b) => b[1] - a[1])
    .map(([e, n]) => `${e} ${n}`)
    .join(', ')}`,
);

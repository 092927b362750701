/**
 * Builds a second labelled dedup set, independent of ../shared/datasets/dedup-dev, so that dedup can be
 * checked on texts it was never tuned on: the article bodies of the extraction set (web news and blog
 * pages of many sites and lengths) become originals, and each gets 0–3 syndicated copies made with our
 * own edits (a credit lead or dateline, a footer, a promo line, a new title, truncation to its first
 * paragraphs, an opening of the outlet's own in place of the first paragraph, merged or split paragraphs, a word changed here and there, a dropped sentence).
 * Some originals also get a hard negative: their title and opening sentence over the body of
 * a text kept out of the set (a follow-up that repeats the lead, which must stay a story of its own).
 *
 *   pnpm -s make:dedup-set [--extraction DIR] [--out FILE.jsonl] [--seed 7]
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

const extractionDir = arg('extraction') ?? '../shared/datasets/extraction-dev';
const out = arg('out') ?? 'out/dedup-extraction-synth.jsonl';
const random = seededRandom(Number(arg('seed') ?? 7));
const groundTruth = join(extractionDir, 'ground-truth.json');
if (!existsSync(groundTruth)) {
  console.error(`make-dedup-set: ${groundTruth} not found (pass --extraction DIR)`);
  process.exit(2);
}

const OUTLETS = ['Northgate Courier', 'Daily Lantern', 'Baltic Wire', 'Prairie Post', 'Meridian Online'];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Interfax', 'UNN', 'PA Media'];
const ORIGINS = ['The Washington Post', 'The Guardian', 'Le Monde', 'Der Spiegel', 'Bloomberg'];
const FOOTERS = [
  'Follow us on Telegram and X for the latest news.',
  'Subscribe to our newsletter to get the day’s top stories.',
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
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
const sentencesOf = (p: string): string[] => p.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g) ?? [p];

function creditLead(): string {
  const agency = pick(AGENCIES);
  const origin = pick(ORIGINS);
  return pick([
    `This is reported by ${origin}, according to ${agency}.`,
    `${agency} reports, citing ${origin}:`,
    `LONDON (${agency}) -`,
    `As ${origin} writes, quoted by ${agency}.`,
  ]);
}

function editWords(text: string, rate: number): string {
  return text.replace(/\b[a-z]+\b/g, (w) => (SWAPS[w] && random() < rate ? SWAPS[w] : w));
}

function makeCopy(original: { title: string; text: string }, others: string[], outlet: string) {
  const transforms: string[] = [];
  let paragraphs = paragraphsOf(original.text);
  let title = original.title;
  if (random() < 0.5) {
    title =
      `${pick(['WATCH:', 'Update:', 'Exclusive:', ''])} ${title.split(' ').slice(0, 8).join(' ')}`.trim();
    transforms.push('title');
  }
  if (random() < 0.4 && paragraphs.length > 2) {
    const keep = 1 + Math.floor(random() * Math.min(4, paragraphs.length - 1));
    paragraphs = paragraphs.slice(0, keep);
    transforms.push('truncate');
  }
  if (random() < 0.3) {
    paragraphs = paragraphs.map((p) => editWords(p, 0.5));
    transforms.push('edit');
  }
  if (random() < 0.2 && paragraphs.length > 3) {
    const at = 1 + Math.floor(random() * (paragraphs.length - 2));
    const sentences = sentencesOf(paragraphs[at] ?? '');
    if (sentences.length > 1) {
      sentences.splice(Math.floor(random() * sentences.length), 1);
      paragraphs[at] = sentences.join('').trim();
      transforms.push('drop-sentence');
    }
  }
  if (random() < 0.3 && paragraphs.length > 2) {
    const at = 1 + Math.floor(random() * (paragraphs.length - 1));
    const other = others[Math.floor(random() * others.length)] ?? 'More news';
    paragraphs.splice(at, 0, `READ ALSO: ${other}`);
    transforms.push('promo');
  }
  if (random() < 0.15 && paragraphs.length > 3) {
    // the outlet writes its own opening: the story's first paragraph is gone
    paragraphs[0] = `${outlet} has the details of this story.`;
    transforms.push('own-opening');
  }
  if (random() < 0.5) {
    paragraphs[0] = `${creditLead()} ${paragraphs[0] ?? ''}`;
    transforms.push('lead');
  }
  if (random() < 0.4) {
    paragraphs.push(pick(FOOTERS).replace('{outlet}', outlet));
    transforms.push('footer');
  }
  let text = paragraphs.join('\n\n');
  if (random() < 0.3) {
    text = random() < 0.5 ? paragraphs.join(' ') : paragraphs.flatMap(sentencesOf).join('\n');
    transforms.push('layout');
  }
  return { title, text, transforms };
}

const gold = JSON.parse(readFileSync(groundTruth, 'utf8')) as Record<string, { articleBody: string }>;
const bases = Object.entries(gold)
  .map(([id, v]) => ({ id, text: v.articleBody.trim() }))
  .filter((b) => b.text.split(/\s+/).length >= 40);
const titleOf = (text: string): string =>
  (sentencesOf(paragraphsOf(text)[0] ?? text)[0] ?? text).trim().slice(0, 90);
const titles = bases.map((b) => titleOf(b.text));
// Every third text only lends its body to one follow-up, so that a follow-up copies nothing in the set
// but its lead.
const donors = bases.filter((_, i) => i % 3 === 2);
const originals = bases.filter((_, i) => i % 3 !== 2);
const donorCount = donors.length;

const rows: Row[] = [];
const pairs: { a: string; b: string; label: number; kind: string }[] = [];
originals.forEach((base) => {
  const cluster = `x-${base.id}`;
  const original: Row = {
    id: `${cluster}`,
    title: titleOf(base.text),
    text: base.text,
    source: pick(ORIGINS),
    url: null,
    date: null,
    cluster,
    is_original: true,
    transforms: [],
  };
  const members = [original];
  const copies = Math.floor(random() * 4);
  for (let k = 1; k <= copies; k++) {
    const outlet = pick(OUTLETS);
    const copy = makeCopy(original, titles, outlet);
    members.push({ ...original, ...copy, id: `${cluster}-copy${k}`, source: outlet, is_original: false });
  }
  rows.push(...members);
  for (let a = 0; a < members.length; a++)
    for (let b = a + 1; b < members.length; b++)
      pairs.push({ a: members[a]?.id ?? '', b: members[b]?.id ?? '', label: 1, kind: 'positive' });
  // Hard negative: the same title and opening sentence over another article's body.
  const other = random() < 0.6 ? donors.pop() : undefined;
  if (other) {
    const first = paragraphsOf(base.text)[0] ?? '';
    const id = `${cluster}-followup`;
    rows.push({
      ...original,
      id,
      cluster: id,
      title: `${original.title} (update)`,
      text: `${sentencesOf(first)[0] ?? first}\n\n${other.text}`,
      source: pick(OUTLETS),
      is_original: true,
      transforms: ['followup'],
    });
    pairs.push({ a: original.id, b: id, label: 0, kind: 'hard_negative' });
  }
});

for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [rows[i], rows[j]] = [rows[j] as Row, rows[i] as Row];
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const pairsOut = out.replace(/\.jsonl$/, '_pairs.jsonl');
writeFileSync(pairsOut, pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
const clusters = new Set(rows.map((r) => r.cluster)).size;
console.log(
  `wrote ${out}: ${rows.length} articles in ${clusters} clusters from ${originals.length} originals (${donorCount} more texts kept for follow-up bodies); ${pairsOut}: ${pairs.length} labelled pairs`,
);

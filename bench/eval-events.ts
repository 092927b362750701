/**
 * Evaluates the political event coder on JSONL files of labelled sentences
 * (`id`, `text`, `date`, `events: [{ source, target, code?, plover }]`).
 *
 *   node --import tsx bench/eval-events.ts --dataset FILE.jsonl [FILE2.jsonl …]
 *     [--split tune|check|all] [--all] [--errors N] [--political CODE,CODE]
 *
 * `--split` keeps a fixed part of each file: the first 4 bytes of sha-256(text) modulo 3 put a
 * third of the items in `check` (never tuned on) and the rest in `tune`; `all` keeps everything.
 * Prints per file: detection P/R ("n/a" where the file has no negative item, and a second line
 * where gold events without a PLOVER type but with a `--political` code, by default CASE's DIPLO
 * and ATTRIB, count as positives), PLOVER type micro/macro F1, dyad F1 (strict country+sector and
 * country-only; a `---` gold country matches any predicted country; dyads coded on items whose
 * gold has no event count as false positives), each with counts, and a confusion table. The last
 * line of each file is `type F1: 0.xxx`. `--errors N` lists up to N items whose types differ and
 * up to N whose types agree but whose actors do not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventCoder, PLOVER_TYPES, type CodedEvent } from '../packages/events/src/index.js';

interface GoldEvent {
  source: string | null;
  target: string | null;
  code?: string | null;
  plover: string | null;
}
interface Item {
  id: string;
  text: string;
  date: string | null;
  events: GoldEvent[];
}

const SPLITS = ['tune', 'check', 'all'] as const;
type Split = (typeof SPLITS)[number];

const { values, positionals } = parseArgs({
  options: {
    dataset: { type: 'string', multiple: true },
    split: { type: 'string', default: 'all' },
    all: { type: 'boolean', default: false },
    errors: { type: 'string' },
    political: { type: 'string', default: 'DIPLO,ATTRIB' },
  },
  allowPositionals: true,
});
const usage =
  'usage: eval-events --dataset FILE.jsonl [FILE.jsonl …] [--split tune|check|all] [--all] [--errors N] [--political CODES]';
const files = [...(values.dataset ?? []), ...positionals];
const split = values.split as Split;
if (files.length === 0 || !SPLITS.includes(split)) {
  console.error(usage);
  process.exit(2);
}
const showErrors = Number(values.errors ?? 0);
const politicalCodes = new Set(values.political.split(',').filter((c) => c.length > 0));

/** Which split an item belongs to: a fixed hash of its text, a third in `check`. */
function splitOf(text: string): Exclude<Split, 'all'> {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % 3 === 0 ? 'check' : 'tune';
}

const coder = createEventCoder({
  includeNonAsserted: values.all,
  now: () => new Date('2000-01-01T00:00:00Z'),
});

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const prf = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const fmt = (n: number): string => n.toFixed(3);
const line = (name: string, c: Counts, precisionApplies = true): string => {
  const { p, r, f } = prf(c);
  const pText = precisionApplies ? fmt(p) : 'n/a';
  const fText = precisionApplies ? fmt(f) : 'n/a';
  return `${name}: P ${pText} R ${fmt(r)} F1 ${fText} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};
const detect = (c: Counts, gold: boolean, pred: boolean): void => {
  if (gold && pred) c.tp++;
  else if (pred) c.fp++;
  else if (gold) c.fn++;
};

/** A dyad: source code, target code ('-' when absent) and PLOVER type. */
interface Dyad {
  source: string;
  target: string;
  type: string;
}
const actorMatches = (gold: string, pred: string, strict: boolean): boolean => {
  if (gold === '-' || pred === '-') return gold === pred;
  const countryOk = gold.startsWith('---') || gold.slice(0, 3) === pred.slice(0, 3);
  return countryOk && (!strict || gold.slice(3) === pred.slice(3));
};
const dyadKey = (d: Dyad, strict: boolean): string =>
  strict ? `${d.source}|${d.target}|${d.type}` : `${d.source.slice(0, 3)}|${d.target.slice(0, 3)}|${d.type}`;
/** One-to-one matching of predicted to gold dyads (gold `---` countries are wildcards). */
function scoreDyads(gold: Dyad[], pred: Dyad[], strict: boolean, c: Counts): boolean {
  const uniq = (ds: Dyad[]): Dyad[] => [...new Map(ds.map((d) => [dyadKey(d, strict), d])).values()];
  const goldLeft = uniq(gold);
  let allRight = true;
  for (const p of uniq(pred)) {
    const i = goldLeft.findIndex(
      (g) =>
        g.type === p.type &&
        actorMatches(g.source, p.source, strict) &&
        actorMatches(g.target, p.target, strict),
    );
    if (i >= 0) {
      c.tp++;
      goldLeft.splice(i, 1);
    } else {
      c.fp++;
      allRight = false;
    }
  }
  c.fn += goldLeft.length;
  return allRight && goldLeft.length === 0;
}

function evaluate(file: string): void {
  if (!existsSync(file)) {
    console.error(
      `dataset not found: ${file} (the dev files are in ../shared/datasets/events-dev; see its README)`,
    );
    process.exit(2);
  }
  const items: Item[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item)
    .filter((item) => split === 'all' || splitOf(item.text) === split);
  const isPositive = (item: Item): boolean => item.events.some((e) => e.plover !== null);
  const isPolitical = (item: Item): boolean =>
    isPositive(item) || item.events.some((e) => politicalCodes.has(e.code ?? ''));
  const negatives = items.filter((i) => !isPositive(i)).length;
  const politicalOnly = items.filter((i) => isPolitical(i) && !isPositive(i)).length;
  // A file annotates actors when any of its gold events names one.
  const annotatesActors = items.some((i) => i.events.some((e) => e.source !== null || e.target !== null));

  const detection = zero();
  const detectionPolitical = zero();
  const typeMicro = zero();
  const perType = new Map<string, Counts>();
  const dyadStrict = zero();
  const dyadCountry = zero();
  let dyadItems = 0;
  const confusion = new Map<string, number>();
  const bump = (gold: string, pred: string): void => {
    const key = `${gold}\t${pred}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  };
  const typeErrors: string[] = [];
  const actorErrors: string[] = [];

  for (const item of items) {
    const predicted: CodedEvent[] = coder.code({ text: item.text, publishedAt: item.date });
    const gold = item.events.filter((e) => e.plover !== null);
    detect(detection, gold.length > 0, predicted.length > 0);
    detect(detectionPolitical, isPolitical(item), predicted.length > 0);

    const goldTypes = new Set(gold.map((e) => e.plover ?? ''));
    const predTypes = new Set<string>(predicted.map((e) => e.type));
    for (const t of new Set([...goldTypes, ...predTypes])) {
      const c = perType.get(t) ?? zero();
      if (goldTypes.has(t) && predTypes.has(t)) {
        typeMicro.tp++;
        c.tp++;
        bump(t, t);
      } else if (predTypes.has(t)) {
        typeMicro.fp++;
        c.fp++;
      } else {
        typeMicro.fn++;
        c.fn++;
      }
      perType.set(t, c);
    }
    const missed = [...goldTypes].filter((t) => !predTypes.has(t));
    const extra = [...predTypes].filter((t) => !goldTypes.has(t));
    for (const g of missed) {
      if (extra.length === 0) bump(g, 'NONE');
      for (const p of extra) bump(g, p);
    }
    if (missed.length === 0) for (const p of extra) bump('NONE', p);

    // Dyads where the gold names actors, and on items whose gold has no event at all.
    const hasActors = gold.some((e) => e.source !== null || e.target !== null);
    let actorsRight = true;
    if (annotatesActors && (hasActors || gold.length === 0)) {
      dyadItems++;
      const goldDyads = gold.map((e) => ({
        source: e.source ?? '-',
        target: e.target ?? '-',
        type: e.plover ?? '',
      }));
      const predDyads = predicted.flatMap((e) =>
        (e.targets.length > 0 ? e.targets.map((t) => t.code) : ['-']).map((t) => ({
          source: e.source?.code ?? '-',
          target: t,
          type: e.type,
        })),
      );
      scoreDyads(goldDyads, predDyads, true, dyadStrict);
      actorsRight = scoreDyads(goldDyads, predDyads, false, dyadCountry);
    }
    const typesRight = missed.length === 0 && extra.length === 0;
    const list = typesRight ? actorErrors : typeErrors;
    if ((!typesRight || !actorsRight) && list.length < showErrors) {
      const g = gold.map((e) => `${e.source ?? '-'}>${e.target ?? '-'}:${e.plover}`).join(' ');
      const p = predicted
        .map(
          (e) =>
            `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}(${e.trigger ?? ''})`,
        )
        .join(' ');
      list.push(`${item.id}\n  ${item.text}\n  gold: ${g || 'none'}\n  pred: ${p || 'none'}`);
    }
  }

  const macroTypes = [...perType.keys()].filter((t) => t !== '');
  const macro =
    macroTypes.reduce((s, t) => s + prf(perType.get(t) ?? zero()).f, 0) / Math.max(1, macroTypes.length);

  console.log(
    `dataset: ${file} split ${split} (${items.length} items, ${items.length - negatives} with a political event, ${negatives} without)`,
  );
  console.log(line('detection', detection, negatives > 0));
  if (politicalOnly > 0)
    console.log(
      line(
        `detection, ${[...politicalCodes].join('/')} as positives (${politicalOnly} items)`,
        detectionPolitical,
        items.length - politicalOnly - (items.length - negatives) > 0,
      ),
    );
  console.log(line('type micro', typeMicro));
  console.log(`type macro F1: ${fmt(macro)} over ${macroTypes.length} types`);
  if (annotatesActors) {
    console.log(line(`dyad strict (${dyadItems} items)`, dyadStrict));
    console.log(line(`dyad country (${dyadItems} items)`, dyadCountry));
  } else console.log('dyads: n/a (the file names no actors)');
  console.log('per type:');
  for (const t of [...PLOVER_TYPES].filter((x) => perType.has(x)))
    console.log(`  ${line(t.padEnd(9), perType.get(t) ?? zero())}`);
  const labels = [
    ...PLOVER_TYPES.filter((t) => [...confusion.keys()].some((k) => k.split('\t').includes(t))),
    'NONE',
  ];
  const short = (s: string): string => s.slice(0, 5).padStart(6);
  console.log('confusion (rows gold, columns predicted; NONE = no event):');
  console.log(`${''.padEnd(9)}${labels.map(short).join('')}`);
  for (const g of labels) {
    console.log(
      `${g.padEnd(9)}${labels.map((p) => String(confusion.get(`${g}\t${p}`) ?? (g === 'NONE' && p === 'NONE' ? '' : '.')).padStart(6)).join('')}`,
    );
  }
  if (typeErrors.length > 0) console.log('items with a wrong type:');
  for (const e of typeErrors) console.log(e);
  if (actorErrors.length > 0) console.log('items with the right type and wrong actors:');
  for (const e of actorErrors) console.log(e);
  console.log(`type F1: ${fmt(prf(typeMicro).f)}`);
}

for (const file of files) evaluate(file);

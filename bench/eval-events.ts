/**
 * Evaluates the political event coder on a JSONL file of labelled sentences
 * (`id`, `text`, `date`, `events: [{ source, target, plover }]`).
 *
 *   node --import tsx bench/eval-events.ts --dataset FILE.jsonl [--all] [--errors N]
 *
 * Prints detection P/R, PLOVER type micro/macro F1, dyad F1 (strict country+sector and
 * country-only), each with counts, and a confusion table; the last line is `type F1: 0.xxx`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventCoder, PLOVER_TYPES, type CodedEvent } from '../packages/events/src/index.js';

interface GoldEvent {
  source: string | null;
  target: string | null;
  plover: string | null;
}
interface Item {
  id: string;
  text: string;
  date: string | null;
  events: GoldEvent[];
}

const { values, positionals } = parseArgs({
  options: {
    dataset: { type: 'string' },
    all: { type: 'boolean', default: false },
    errors: { type: 'string' },
  },
  allowPositionals: true,
});
const file = values.dataset ?? positionals[0];
if (!file) {
  console.error('usage: eval-events --dataset FILE.jsonl [--all] [--errors N]');
  process.exit(2);
}
const items: Item[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);
const coder = createEventCoder({
  includeNonAsserted: values.all,
  now: () => new Date('2000-01-01T00:00:00Z'),
});
const showErrors = Number(values.errors ?? 0);

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
const line = (name: string, c: Counts): string => {
  const { p, r, f } = prf(c);
  return `${name}: P ${fmt(p)} R ${fmt(r)} F1 ${fmt(f)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};
const country = (code: string | null | undefined): string => (code ? code.slice(0, 3) : '-');

const detection = zero();
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
const errors: string[] = [];

for (const item of items) {
  const predicted: CodedEvent[] = coder.code({ text: item.text, publishedAt: item.date });
  const gold = item.events.filter((e) => e.plover !== null);
  const goldPositive = gold.length > 0;
  const predPositive = predicted.length > 0;
  if (goldPositive && predPositive) detection.tp++;
  else if (predPositive) detection.fp++;
  else if (goldPositive) detection.fn++;

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

  // Dyads only where the gold names actors.
  const hasActors = gold.some((e) => e.source !== null || e.target !== null);
  if (hasActors) {
    dyadItems++;
    const goldStrict = new Set(gold.map((e) => `${e.source ?? '-'}|${e.target ?? '-'}|${e.plover}`));
    const goldCountry = new Set(gold.map((e) => `${country(e.source)}|${country(e.target)}|${e.plover}`));
    const predStrict = new Set<string>();
    const predCountry = new Set<string>();
    for (const e of predicted) {
      const targets = e.targets.length > 0 ? e.targets.map((t) => t.code) : [null];
      for (const t of targets) {
        predStrict.add(`${e.source?.code ?? '-'}|${t ?? '-'}|${e.type}`);
        predCountry.add(`${country(e.source?.code)}|${country(t)}|${e.type}`);
      }
    }
    const score = (g: Set<string>, p: Set<string>, c: Counts): void => {
      for (const x of p)
        if (g.has(x)) c.tp++;
        else c.fp++;
      for (const x of g) if (!p.has(x)) c.fn++;
    };
    score(goldStrict, predStrict, dyadStrict);
    score(goldCountry, predCountry, dyadCountry);
  }
  if (errors.length < showErrors && (missed.length > 0 || extra.length > 0)) {
    const g = gold.map((e) => `${e.source ?? '-'}>${e.target ?? '-'}:${e.plover}`).join(' ');
    const p = predicted
      .map(
        (e) =>
          `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}(${e.trigger ?? ''})`,
      )
      .join(' ');
    errors.push(`${item.id}\n  ${item.text}\n  gold: ${g || 'none'}\n  pred: ${p || 'none'}`);
  }
}

const macroTypes = [...perType.keys()].filter((t) => t !== '');
const macro =
  macroTypes.reduce((s, t) => s + prf(perType.get(t) ?? zero()).f, 0) / Math.max(1, macroTypes.length);

console.log(
  `dataset: ${file} (${items.length} items, ${items.filter((i) => i.events.some((e) => e.plover !== null)).length} with a political event)`,
);
console.log(line('detection', detection));
console.log(line('type micro', typeMicro));
console.log(`type macro F1: ${fmt(macro)} over ${macroTypes.length} types`);
console.log(line(`dyad strict (${dyadItems} items with actors)`, dyadStrict));
console.log(line(`dyad country (${dyadItems} items with actors)`, dyadCountry));
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
for (const e of errors) console.log(e);
console.log(`type F1: ${fmt(prf(typeMicro).f)}`);

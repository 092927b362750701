/**
 * The article-extraction benchmark metric: word 4-gram multisets (words = Unicode `\w+`),
 * precision and recall averaged over pages, F1 of the two means, exact match of word lists.
 */

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function grams(ws: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (g: string): void => {
    out.set(g, (out.get(g) ?? 0) + 1);
  };
  if (ws.length === 0) return out;
  if (ws.length < 4) {
    add(ws.join(' '));
    return out;
  }
  for (let i = 0; i + 4 <= ws.length; i++) add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]} ${ws[i + 3]}`);
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(predicted: string, gold: string): PageScore {
  const pw = words(predicted);
  const gw = words(gold);
  const pg = grams(pw);
  const gg = grams(gw);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [g, c] of pg) {
    const d = gg.get(g) ?? 0;
    tp += Math.min(c, d);
    fp += Math.max(0, c - d);
  }
  for (const [g, c] of gg) {
    const d = pg.get(g) ?? 0;
    fn += Math.max(0, c - d);
  }
  const exact = pw.length === gw.length && pw.every((w, i) => w === gw[i]);
  return { tp, fp, fn, exact };
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  exact: number;
  pages: number;
}

function pagePrecision(s: PageScore): number | null {
  if (s.fp === 0 && s.fn === 0) return 1;
  if (s.tp + s.fp === 0) return 0;
  return s.tp / (s.tp + s.fp);
}

function pageRecall(s: PageScore): number | null {
  if (s.fp === 0 && s.fn === 0) return 1;
  if (s.tp + s.fn === 0) return 0;
  return s.tp / (s.tp + s.fn);
}

export function summarize(scores: PageScore[]): Summary {
  let p = 0;
  let r = 0;
  let np = 0;
  let nr = 0;
  let exact = 0;
  for (const s of scores) {
    const pp = pagePrecision(s);
    const rr = pageRecall(s);
    if (pp !== null) {
      p += pp;
      np++;
    }
    if (rr !== null) {
      r += rr;
      nr++;
    }
    if (s.exact) exact++;
  }
  const precision = np > 0 ? p / np : 0;
  const recall = nr > 0 ? r / nr : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision,
    recall,
    f1,
    exact: scores.length > 0 ? exact / scores.length : 0,
    pages: scores.length,
  };
}

import { francAll } from 'franc-min';

/** ISO 639-3 codes that franc-min returns, mapped to ISO 639-1 where one exists. */
const ISO3_TO_1: Record<string, string> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  ben: 'bn',
  jpn: 'ja',
  kor: 'ko',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
  heb: 'he',
  ceb: 'ceb',
  fuv: 'ff',
  qug: 'qu',
  ilo: 'ilo',
  mad: 'mad',
};

/** "en-US", "en_GB", "EN" -> "en"; null when it is not a language tag. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (tag === null || tag === undefined) return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(tag);
  if (m === null) return null;
  const code = (m[1] ?? '').toLowerCase();
  if (code.length === 3) return ISO3_TO_1[code] ?? code;
  return code;
}

/**
 * Languages compared by trigrams: those a news pipeline meets, plus their close neighbours. Leaving
 * out rare languages of the same script halves the cost and removes their false positives on short
 * texts. Languages with a script of their own (Chinese, Japanese, Korean, Greek, Thai, ...) are
 * recognised by script alone, at no cost.
 */
const COMPARED = (
  'spa eng por ind fra deu vie ita tur pol swh ron hau bos hrv nld srp uzn zlm tgl hun azj ces swe som ' +
  'rus ukr bel bul kaz arb urd pes pbu ckb hin mar npi ' +
  // Single-script languages: franc-min answers these from the script alone.
  'cmn jpn kor ben tel tam guj kan mal mya pan amh tha sin ell'
).split(' ');

const HEBREW = /[\u0590-\u05ff]/g;

/** Detected language and the languages scored close to it (a short text can read as several). */
export interface LanguageDetection {
  language: string;
  plausible: string[];
}

/** Language of the text as ISO 639-1 (franc-min trigrams; Hebrew by script, which franc-min lacks). */
export function detectLanguage(text: string): LanguageDetection | null {
  // Trigram ranking is the cost; a few hundred characters from the middle of the text decide as well.
  const SAMPLE = 360;
  const from = text.length > SAMPLE ? Math.floor((text.length - SAMPLE) / 2) : 0;
  const sample = text.length > SAMPLE ? text.slice(from, from + SAMPLE) : text;
  if (sample.length < 20) return null;
  const hebrew = sample.match(HEBREW);
  if (hebrew !== null && hebrew.length > sample.length * 0.3) return { language: 'he', plausible: ['he'] };
  const ranked = francAll(sample, { minLength: 20, only: COMPARED });
  const top = ranked[0];
  if (top === undefined || top[0] === 'und') return null;
  const language = ISO3_TO_1[top[0]] ?? top[0];
  const plausible: string[] = [];
  for (const [code, score] of ranked.slice(0, 8)) {
    if (score >= 0.95) plausible.push(ISO3_TO_1[code] ?? code);
  }
  return { language, plausible };
}

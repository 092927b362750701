/** Regular English verb forms, with irregular past/participle forms supplied by the lexicon. */
export interface VerbForms {
  base: string;
  third: string;
  past: string;
  participle: string;
  ing: string;
}

const VOWELS = /[aeiou]/;

function doublesFinal(word: string): boolean {
  // One-syllable consonant-vowel-consonant words double the consonant: ban -> banned.
  return /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(word);
}

export function inflectVerb(base: string, irregular?: readonly [string, string]): VerbForms {
  let third: string;
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) third = `${base}es`;
  else if (/[^aeiou]y$/.test(base)) third = `${base.slice(0, -1)}ies`;
  else third = `${base}s`;

  let past: string;
  if (base.endsWith('e')) past = `${base}d`;
  else if (/[^aeiou]y$/.test(base)) past = `${base.slice(0, -1)}ied`;
  else if (doublesFinal(base)) past = `${base}${base.slice(-1)}ed`;
  else past = `${base}ed`;

  let ing: string;
  if (base.endsWith('ie')) ing = `${base.slice(0, -2)}ying`;
  else if (base.endsWith('e') && !base.endsWith('ee') && base.length > 2 && VOWELS.test(base.slice(0, -1)))
    ing = `${base.slice(0, -1)}ing`;
  else if (doublesFinal(base)) ing = `${base}${base.slice(-1)}ing`;
  else ing = `${base}ing`;

  return {
    base,
    third,
    past: irregular?.[0] ?? past,
    participle: irregular?.[1] ?? past,
    ing,
  };
}

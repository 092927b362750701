/** A lexicon file that cannot be read or does not validate; the message names file and entry. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid lexicon ${file}: ${problems.join('; ')}`, options);
    this.file = file;
    this.problems = problems;
  }
}

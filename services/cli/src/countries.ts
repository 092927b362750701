import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BUNDLED_LEXICON_DIR } from '@wirehose/events';
import { didYouMean } from './closest.js';

const CountriesSchema = z.object({
  countries: z.array(
    z.object({
      code: z.string(),
      names: z.array(z.string()),
      adjectives: z.array(z.string()).optional(),
    }),
  ),
});

/** Country names and adjectives (lower case) to ISO-3166 alpha-3, from the event coder's country lexicon. */
export async function loadCountryNames(): Promise<Map<string, string>> {
  const file = join(BUNDLED_LEXICON_DIR, 'countries.yaml');
  const { countries } = CountriesSchema.parse(parse(await readFile(file, 'utf8')));
  const byName = new Map<string, string>();
  for (const country of countries) {
    byName.set(country.code.toLowerCase(), country.code);
    for (const word of [...country.names, ...(country.adjectives ?? [])])
      byName.set(word.toLowerCase(), country.code);
  }
  return byName;
}

/**
 * `--country` as an ISO-3166 alpha-3 code: a code as given (any case), or a country's name or adjective
 * ("Venezuela", "venezuelan" -> VEN). Anything else is an error that says a code is expected.
 */
export function resolveCountry(input: string, byName: ReadonlyMap<string, string>): string {
  const code = byName.get(input.trim().toLowerCase());
  if (code) return code;
  throw new Error(
    `--country expects an ISO 3166 alpha-3 code such as VEN, or a country name; "${input}" is neither${didYouMean(
      input.toLowerCase(),
      [...byName.keys()],
    )}`,
  );
}

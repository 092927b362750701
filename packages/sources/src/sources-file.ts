import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { SourcesFileSchema, type SourcesFile } from '@wirehose/schemas';

export class SourcesFileError extends Error {
  override readonly name = 'SourcesFileError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Parse a sources file (YAML or JSON) from text; errors name the field. */
export function parseSourcesFile(text: string, path = '<sources>'): SourcesFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new SourcesFileError(`${path}: not valid YAML/JSON: ${(err as Error).message}`, path);
  }
  const result = SourcesFileSchema.safeParse(raw);
  if (!result.success)
    throw new SourcesFileError(`${path}: invalid sources file\n${z.prettifyError(result.error)}`, path);
  const names = new Set<string>();
  for (const source of result.data.sources) {
    if (names.has(source.name))
      throw new SourcesFileError(`${path}: source name "${source.name}" is used twice`, path);
    names.add(source.name);
  }
  return result.data;
}

export async function loadSourcesFile(path: string): Promise<SourcesFile> {
  return parseSourcesFile(await readFile(path, 'utf8'), path);
}

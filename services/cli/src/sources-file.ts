import { loadSourcesFile } from '@wirehose/sources';
import { UnreachableError } from './reach.js';

type SourcesFile = Awaited<ReturnType<typeof loadSourcesFile>>;

/** How to point wirehose at a sources file, for messages. */
export const SOURCES_FILE_HINT =
  'pass --file FILE, set SOURCES_FILE, or copy sources.example.yaml to sources.yaml';

function missingFile(file: string, err: unknown): UnreachableError {
  const code = (err as { code?: unknown }).code;
  const what =
    code === 'ENOENT'
      ? `no sources file at ${file}`
      : `cannot read the sources file ${file} (${String(code)})`;
  return new UnreachableError(`${what}: ${SOURCES_FILE_HINT}`, { cause: err });
}

/**
 * Read and validate the sources file; a missing or unreadable file is one line naming it and how to
 * point at another (`--file`, `SOURCES_FILE`, sources.example.yaml). Invalid content keeps the sources
 * package's own error, which names the line and field.
 */
export async function readSourcesFile(file: string): Promise<SourcesFile> {
  try {
    return await loadSourcesFile(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR')
      throw missingFile(file, err);
    throw err;
  }
}

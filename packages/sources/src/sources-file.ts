import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { SourcesFileSchema, type SourcesFile } from '@wirehose/schemas';

/** One problem of a sources file, located. */
export interface SourcesFileIssue {
  /** 1-based line (0 when unknown). */
  line: number;
  column: number;
  /** Field path, e.g. `sources[2].intervalSeconds`. */
  path: string;
  message: string;
}

export class SourcesFileError extends Error {
  override readonly name = 'SourcesFileError';
  constructor(
    readonly path: string,
    readonly issues: readonly SourcesFileIssue[],
  ) {
    super(
      `${path}: invalid sources file\n${issues
        .map((i) => `  ${path}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`)
        .join('\n')}`,
    );
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Line and column of the deepest node on `path` that exists in the document. */
function locate(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const keys = path.slice(0, depth).map((k) => (typeof k === 'symbol' ? String(k) : k));
    const node: unknown = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) {
      // For a missing key, point at the mapping that should hold it.
      const pos = counter.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 0, column: 0 };
}

/**
 * Parse a sources file (YAML, or JSON, which is YAML) from text. Every problem is reported at once,
 * each with its line, column and field path; duplicate source names are reported at the repeat.
 */
export function parseSourcesFile(text: string, path = '<sources>'): SourcesFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new SourcesFileError(
      path,
      doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return {
          line: pos.line,
          column: pos.col,
          path: '',
          message: `not valid YAML/JSON: ${e.message.split('\n')[0] ?? ''}`,
        };
      }),
    );
  }
  const result = SourcesFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    throw new SourcesFileError(
      path,
      result.error.issues.map((issue) => {
        const fullPath =
          issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
            ? [...issue.path, issue.keys[0]]
            : issue.path;
        return { ...locate(doc, counter, fullPath), path: formatPath(issue.path), message: issue.message };
      }),
    );
  }
  const issues: SourcesFileIssue[] = [];
  const names = new Set<string>();
  result.data.sources.forEach((source, index) => {
    if (names.has(source.name)) {
      issues.push({
        ...locate(doc, counter, ['sources', index, 'name']),
        path: `sources[${index}].name`,
        message: `source name "${source.name}" is used twice`,
      });
    }
    names.add(source.name);
  });
  if (issues.length > 0) throw new SourcesFileError(path, issues);
  return result.data;
}

/** Read and parse a sources file. */
export async function loadSourcesFile(path: string): Promise<SourcesFile> {
  return parseSourcesFile(await readFile(path, 'utf8'), path);
}

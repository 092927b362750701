/** The default PostgreSQL schema wirehose's tables live in (`PG_SCHEMA`). */
export const DEFAULT_PG_SCHEMA = 'wirehose';

/** A PostgreSQL schema name was not a plain identifier. */
export class InvalidSchemaNameError extends Error {
  override readonly name = 'InvalidSchemaNameError';
  constructor(readonly schema: string) {
    super(`PostgreSQL schema name "${schema}" must match [A-Za-z_][A-Za-z0-9_]{0,62}`);
  }
}

/**
 * The schema name quoted for SQL. Only plain identifiers are accepted, so a configured name can never
 * smuggle SQL into the statements it is spliced into.
 */
export function quoteSchema(schema: string = DEFAULT_PG_SCHEMA): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new InvalidSchemaNameError(schema);
  return `"${schema}"`;
}

/**
 * A write that retrying cannot fix (refused URL, subscriber says 410 Gone, a record the sink rejects).
 * The sink worker turns it into a permanent job failure, which goes straight to the dead-letter queue.
 */
export class PermanentSinkError extends Error {
  override readonly name = 'PermanentSinkError';
  constructor(
    readonly sink: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

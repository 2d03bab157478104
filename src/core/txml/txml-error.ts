export interface TxmlErrorOptions {
  line?: number;
  column?: number;
  unsafe?: boolean;
}

/** A tXML document that cannot be read: malformed, empty, or refused as unsafe. */
export class TxmlError extends Error {
  readonly line?: number;
  readonly column?: number;
  /** True when the document was refused for security reasons (DOCTYPE / entity declarations). */
  readonly unsafe: boolean;

  constructor(message: string, options: TxmlErrorOptions = {}) {
    super(message);
    this.name = 'TxmlError';
    if (options.line !== undefined) this.line = options.line;
    if (options.column !== undefined) this.column = options.column;
    this.unsafe = options.unsafe ?? false;
  }
}

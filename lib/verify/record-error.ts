/** A record that does not parse or check, at a 1-based line of its (decompressed) file. */
export class RecordError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Called once per record with its values in column order and the line it starts on. */
export type RowCallback = (values: unknown[], line: number) => void;

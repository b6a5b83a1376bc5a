/** Stable error codes. The CLI maps them to exit statuses. */
export type MegagenErrorCode =
  | 'ERR_INVALID_OPTION'
  | 'ERR_UNKNOWN_PRESET'
  | 'ERR_UNKNOWN_TABLE'
  | 'ERR_OUTPUT'
  /** A database target failed: unreachable, refused, or a load error. */
  | 'ERR_DATABASE'
  /** A user pipeline file or stage failed (bad export, throw on load, non-object row). */
  | 'ERR_PIPELINE'
  | 'ERR_INTERNAL'
  /** A chunk failed on every try (cluster runs): the directory is left resumable. */
  | 'ERR_CHUNK_FAILED';

/** The one error class of megagen: a code and a message that names the bad value. */
export class MegagenError extends Error {
  readonly code: MegagenErrorCode;
  constructor(code: MegagenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MegagenError';
    this.code = code;
  }
}

export function invalidOption(message: string): MegagenError {
  return new MegagenError('ERR_INVALID_OPTION', message);
}

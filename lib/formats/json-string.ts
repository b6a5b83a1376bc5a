// Characters that force JSON.stringify's escaping path: quote, backslash,
// control characters, and surrogates (lone ones must become \uXXXX).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal for s: the common case is a plain concatenation. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

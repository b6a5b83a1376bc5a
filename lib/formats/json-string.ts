// Characters that force JSON.stringify's escaping path: quote, backslash,
// control characters, and surrogates (lone ones must become \uXXXX).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal for s: the common case is a plain concatenation. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** Whether s needs JSON.stringify's escaping (else `"` + s + `"` is its JSON). */
export function needsEscape(s: string): boolean {
  return NEEDS_ESCAPE.test(s);
}

/** Serialise any value that is not of its column's type, so bad stage output still gives valid JSON. */
export function anyJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? 'null';
}

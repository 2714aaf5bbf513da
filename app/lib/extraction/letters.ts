// Character tests the extraction runs on every token, without a regular expression on the
// common (ASCII) path: each answers exactly as the pattern in its comment does.

const UPPERCASE_FIRST = /^\p{Lu}/u;

/** /^\p{Lu}/u.test(text): the text opens with an uppercase letter. */
export function startsUppercase(text: string): boolean {
  const code = text.charCodeAt(0);
  // In ASCII only A-Z are uppercase letters; beyond it (and for "", where code is NaN) ask Unicode.
  if (code < 128) return code >= 65 && code <= 90;
  return UPPERCASE_FIRST.test(text);
}

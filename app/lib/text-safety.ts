// Control characters (C0, DEL, C1) and the Unicode formatting characters that reorder text or
// break lines: in a name they can hide what it says (U+202E shows "cod.exe" as "exe.doc") or, raw
// in a terminal, run escape sequences. Client-safe: forms validate with it too.
const CONTROL = "\\u0000-\\u001f\\u007f-\\u009f";
const BIDI_AND_SEPARATORS = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029";

const UNSAFE_IN_NAME = new RegExp(`[${CONTROL}${BIDI_AND_SEPARATORS}]`, "u");
const UNSAFE_IN_NAME_ALL = new RegExp(`[${CONTROL}${BIDI_AND_SEPARATORS}]+`, "gu");
// Terminal output keeps its own line breaks and tabs; everything else unsafe goes.
const UNSAFE_IN_TERMINAL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI_AND_SEPARATORS}]`, "gu");

export const UNSAFE_NAME_MESSAGE = "Use no control or text-direction characters";

export function hasUnsafeNameChars(value: string): boolean {
  return UNSAFE_IN_NAME.test(value);
}

/** A title or name read from an imported file: unsafe characters become one space, trimmed. */
export function stripUnsafeNameChars(value: string): string {
  return value.replace(UNSAFE_IN_NAME_ALL, " ").replace(/ {2,}/g, " ").trim();
}

/** Text about to be printed on a terminal: no escape sequences, carriage returns or reordering. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, "");
}

/**
 * The offsets of the top-level elements of a JSON array, found in one linear scan so that a
 * WordPress export of thousands of posts is read post by post instead of as one tree (about
 * ten times the file's size in memory). Only the structure is checked (brackets, strings and
 * commas); each element is parsed on its own later. Null when the text is not one array.
 */
export function splitJsonArray(text: string): Array<[start: number, end: number]> | null {
  let i = skipSpace(text, 0);
  if (text[i] !== "[") return null;
  i = skipSpace(text, i + 1);
  const elements: Array<[number, number]> = [];
  if (text[i] === "]") return skipSpace(text, i + 1) === text.length ? elements : null;
  for (;;) {
    const start = i;
    const end = scanValue(text, i);
    if (end === -1 || end === start) return null;
    elements.push([start, trimEnd(text, start, end)]);
    i = skipSpace(text, end);
    if (text[i] === ",") {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text[i] !== "]") return null;
    return skipSpace(text, i + 1) === text.length ? elements : null;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e -= 1;
  return e;
}

/** The end of the value starting at `from` (before the next top-level comma or bracket), or -1. */
function scanValue(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i = endOfString(text, i);
      if (i === -1) return -1;
      continue;
    }
    if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") {
      if (depth === 0) return i;
      depth -= 1;
    } else if (char === "," && depth === 0) return i;
    i += 1;
  }
  return depth === 0 ? i : -1;
}

function endOfString(text: string, quote: number): number {
  let i = quote + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") i += 2;
    else if (char === '"') return i + 1;
    else i += 1;
  }
  return -1;
}

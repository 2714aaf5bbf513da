// Characters that let JSON text end a <script> element, open a comment or an entity in HTML, or
// (U+2028, U+2029) end a line in older JavaScript parsers. Escaped, the JSON means the same.
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

function escapeUnsafe(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * JSON.stringify whose output is safe inside `<script type="application/ld+json">` (as schema.org
 * intends ClaimReview to be embedded) and anywhere else HTML may carry it. Use it for every JSON
 * that leaves the app or is written into a page.
 */
export function embeddableJson(value: unknown, space?: number): string {
  const json = JSON.stringify(value, null, space);
  return json === undefined ? json : json.replace(UNSAFE_IN_HTML, escapeUnsafe);
}

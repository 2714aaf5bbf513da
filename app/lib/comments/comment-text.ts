import { z } from "zod";

// A comment is plain text: links (http and https only) and @username mentions are found in
// it and rendered as such, everything else is shown as typed (React escapes it). Client-safe.

export const COMMENT_MAX_LENGTH = 5000;

// Control characters other than tab and newline, and the bidirectional overrides that can
// make text read differently from what it is.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export const commentBodySchema = z
  .string({ error: "Write a comment" })
  .transform((text) => text.replace(/\r\n?/g, "\n").replace(UNSAFE_CHARACTERS, "").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a comment")
      .max(COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters`),
  );

export type CommentToken =
  { type: "text"; text: string } | { type: "link"; href: string; text: string } | { type: "mention"; username: string; text: string };

// A mention starts after a space, a bracket or the start of the text (not inside an email
// address); usernames are those of usernameSchema, without a trailing dot or dash.
const TOKEN = /(https?:\/\/[^\s<>"]+)|(?<![\w@.])@([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/;

export function tokenizeComment(text: string): CommentToken[] {
  const tokens: CommentToken[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = tokens[tokens.length - 1];
    if (previous?.type === "text") previous.text += value;
    else tokens.push({ type: "text", text: value });
  };
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    pushText(text.slice(last, index));
    if (match[1]) {
      // "(see https://example.org/a)." keeps its closing bracket and full stop as text.
      const url = match[1].replace(TRAILING_PUNCTUATION, "");
      tokens.push({ type: "link", href: url, text: url });
      pushText(match[1].slice(url.length));
    } else {
      tokens.push({ type: "mention", username: match[2]!.toLowerCase(), text: match[0] });
    }
    last = index + match[0].length;
  }
  pushText(text.slice(last));
  return tokens;
}

/** The usernames mentioned, lower-cased, each once, in order. */
export function mentionedUsernames(text: string): string[] {
  const names = tokenizeComment(text).flatMap((token) => (token.type === "mention" ? [token.username] : []));
  return [...new Set(names)];
}

/** A short excerpt for a notification, cut at a word boundary. */
export function commentExcerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The @mention being typed at the caret, for autocomplete: the partial username and where
 * it starts, or null when the caret is not in one.
 */
export function mentionAtCaret(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s([{])@([a-z0-9._-]*)$/i.exec(before);
  if (!match) return null;
  return { query: match[1]!.toLowerCase(), start: caret - match[1]!.length - 1 };
}

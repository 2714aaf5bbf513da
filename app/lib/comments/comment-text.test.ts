import { describe, expect, it } from "vitest";
import { commentBodySchema, commentExcerpt, mentionAtCaret, mentionedUsernames, tokenizeComment } from "./comment-text";

describe("tokenizeComment", () => {
  it("finds links and mentions and leaves the rest as text", () => {
    expect(tokenizeComment("@rivera see https://example.org/report?p=2 (table 3), cc @Okafor.")).toEqual([
      { type: "mention", username: "rivera", text: "@rivera" },
      { type: "text", text: " see " },
      { type: "link", href: "https://example.org/report?p=2", text: "https://example.org/report?p=2" },
      { type: "text", text: " (table 3), cc " },
      { type: "mention", username: "okafor", text: "@Okafor" },
      { type: "text", text: "." },
    ]);
  });

  it("keeps a closing bracket after a link as text", () => {
    expect(tokenizeComment("(https://example.org/a).")).toEqual([
      { type: "text", text: "(" },
      { type: "link", href: "https://example.org/a", text: "https://example.org/a" },
      { type: "text", text: ")." },
    ]);
  });

  it("never makes a link of other schemes and never a mention of an email address", () => {
    expect(tokenizeComment("javascript:alert(1) mail desk@example.org")).toEqual([
      { type: "text", text: "javascript:alert(1) mail desk@example.org" },
    ]);
  });
});

describe("mentions", () => {
  it("lists each mentioned username once, lower-cased, dots inside kept", () => {
    expect(mentionedUsernames("@a.lind and @OKAFOR, then @okafor again; @x- is x")).toEqual(["a.lind", "okafor", "x"]);
  });

  it("finds the mention being typed for autocomplete", () => {
    expect(mentionAtCaret("Ask @ok", 7)).toEqual({ query: "ok", start: 4 });
    expect(mentionAtCaret("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionAtCaret("mail desk@ex", 12)).toBeNull();
    expect(mentionAtCaret("Ask @okafor now", 15)).toBeNull();
  });
});

describe("commentBodySchema", () => {
  it("trims, normalizes line ends and removes control and bidi-override characters", () => {
    expect(commentBodySchema.parse("  a\r\nb\u202e c\u0007 ")).toBe("a\nb c");
  });

  it("refuses an empty or too long comment with a message", () => {
    expect(commentBodySchema.safeParse("   ").error?.issues[0]?.message).toBe("Write a comment");
    expect(commentBodySchema.safeParse("x".repeat(5001)).error?.issues[0]?.message).toMatch(/at most 5,000/);
  });
});

describe("commentExcerpt", () => {
  it("cuts at a word boundary", () => {
    expect(commentExcerpt("one two three four", 12)).toBe("one two…");
    expect(commentExcerpt("short\n text", 140)).toBe("short text");
  });
});

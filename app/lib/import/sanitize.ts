import sanitizeHtml from "sanitize-html";

// An allowlist: anything not named here (scripts, styles, iframes, forms, event
// handlers, inline styles, images that would call home) is dropped.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "br",
    "q",
    "cite",
    "sub",
    "sup",
    "figcaption",
    "time",
  ],
  allowedAttributes: { a: ["href", "title"], time: ["datetime"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } }),
  },
};
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ["href", "title", "rel", "target"] };

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The PDF's fonts, all embedded and subset (only the glyphs used are written), from npm
// packages so nothing is fetched at run time (ADR 016). DejaVu (Bitstream Vera licence)
// covers Latin, Greek, Cyrillic and most alphabets; Chinese and Japanese kanji are set in
// Noto Sans SC and Arabic in Noto Naskh Arabic (both SIL Open Font Licence), which the
// text switches to for those runs only.
const require = createRequire(import.meta.url);
const dejavu = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
// These packages export only an index naming their files, which lie in fonts/ beside dist/.
const packaged = (pkg: string, file: string) => path.join(path.dirname(require.resolve(pkg)), "..", "fonts", file);
const FILES = {
  body: dejavu("DejaVuSans.ttf"),
  bold: dejavu("DejaVuSans-Bold.ttf"),
  italic: dejavu("DejaVuSans-Oblique.ttf"),
  serif: dejavu("DejaVuSerif.ttf"),
  "serif-italic": dejavu("DejaVuSerif-Italic.ttf"),
  mono: dejavu("DejaVuSansMono.ttf"),
  han: packaged("@embedpdf/fonts-sc", "NotoSansHans-Regular.otf"),
  "han-bold": packaged("@embedpdf/fonts-sc", "NotoSansHans-Bold.otf"),
  arabic: packaged("@embedpdf/fonts-arabic", "NotoNaskhArabic-Regular.ttf"),
  "arabic-bold": packaged("@embedpdf/fonts-arabic", "NotoNaskhArabic-Bold.ttf"),
} as const;

export type FontName = keyof typeof FILES;

const FALLBACK_FONTS = new Set<FontName>(["han", "han-bold", "arabic", "arabic-bold"]);

const loaded = new Map<FontName, Buffer>();
/**
 * A font file, read once per process rather than once per report. The Han fonts are
 * 8 MB each, so a fallback font is read only when a report first needs it.
 */
function fontData(name: FontName): Buffer {
  let data = loaded.get(name);
  if (!data) {
    data = fs.readFileSync(FILES[name]);
    loaded.set(name, data);
  }
  return data;
}

type Script = "han" | "arabic" | null;

// Han, kana, Hangul is not covered (Noto Sans SC has no Hangul); CJK punctuation and full-width forms go with Han.
const HAN = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{2ffff}]/u;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

function scriptOf(char: string): Script {
  if (HAN.test(char)) return "han";
  if (ARABIC.test(char)) return "arabic";
  return null;
}

/** The text cut where it changes between Latin-like, Han and Arabic; spaces and digits stay with the run they are in. */
export function scriptRuns(text: string): Array<{ text: string; script: Script }> {
  const runs: Array<{ text: string; script: Script }> = [];
  for (const char of text) {
    const script = /[\s\d.,:;!?()«»"'-]/.test(char) && runs.length > 0 ? runs[runs.length - 1]!.script : scriptOf(char);
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}

const NEEDS_FALLBACK = new RegExp(`${HAN.source}|${ARABIC.source}`, "u");

/**
 * Registers the fonts and makes the document's `text` set Han and Arabic runs in their
 * fonts. Text without them goes straight through, so Latin layout is untouched.
 * pdfkit lays Arabic out right to left within a word but keeps the words in reading
 * order from the left, so an Arabic run's words are put in visual order here; a run
 * that wraps over several lines then starts on the first line with its last words.
 */
export function setReportFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FILES) as FontName[]) if (!FALLBACK_FONTS.has(name)) doc.registerFont(name, fontData(name));
  const registered = new Set<FontName>();
  const useFallback = (name: FontName) => {
    if (!registered.has(name)) doc.registerFont(name, fontData(name));
    registered.add(name);
  };
  let current: string = "body";
  const font = doc.font.bind(doc);
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  doc.font = ((src: string, ...rest: unknown[]) => {
    if (typeof src === "string") current = src;
    return (font as (...args: unknown[]) => PDFKit.PDFDocument)(src, ...rest);
  }) as typeof doc.font;
  doc.text = ((value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "string" || !NEEDS_FALLBACK.test(value)) return text(value, ...rest);
    const options = (rest.find((arg) => typeof arg === "object" && arg !== null) ?? {}) as PDFKit.Mixins.TextOptions;
    const position = rest.filter((arg) => typeof arg === "number");
    const base = current;
    const bold = base === "bold";
    const runs = scriptRuns(value);
    runs.forEach((run, i) => {
      const fallback: FontName | null =
        run.script === "han" ? (bold ? "han-bold" : "han") : run.script === "arabic" ? (bold ? "arabic-bold" : "arabic") : null;
      if (fallback) useFallback(fallback);
      font(fallback ?? base);
      const words = run.script === "arabic" ? run.text.trim().split(/\s+/).reverse().join(" ") : run.text;
      const spaced = run.script === "arabic" ? `${/^\s/.test(run.text) ? " " : ""}${words}${/\s$/.test(run.text) ? " " : ""}` : words;
      const last = i === runs.length - 1;
      text(spaced, ...(i === 0 ? position : []), { ...options, continued: last ? Boolean(options.continued) : true });
    });
    font(base);
    current = base;
    return doc;
  }) as typeof doc.text;
}

// Reads a PDF's text with pdf.js (pdfjs-dist, a dev dependency): pure JavaScript, so the
// tests need no poppler on the CI machine. Kept apart from report.ts so that the browser
// tests can use it without loading the app's server modules.

/** The text of every page of a PDF, one string per page, white space collapsed. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let page = 1; page <= document.numPages; page += 1) {
    const content = await (await document.getPage(page)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  return pages;
}

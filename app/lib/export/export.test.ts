import { parse } from "csv-parse/sync";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ClaimReviewConfigError, claimReviewOf } from "./claimreview";
import { reportJsonSchema } from "./json-schema";
import { renderReport } from "./render";
import { type ReportClaim, type ReportHeader, reportSchema } from "./report";
import { pdfPages } from "../../../tests/support/pdf-text";

const header: ReportHeader = {
  version: 2,
  project: {
    slug: "desk",
    name: "Desk <b>&</b>",
    publisherName: "Example Checks",
    publisherUrl: "https://checks.example.org",
    timeZone: "UTC",
  },
  generatedAt: "2026-11-23T10:00:00.000Z",
  generatedBy: "Lucía Rivera",
  filters: { status: ["confirmed", "disputed", "unverified"] },
  summary: { total: 3, unverified: 1, confirmed: 1, disputed: 1 },
  period: { from: "2026-11-20T09:00:00.000Z", to: "2026-11-22T18:00:00.000Z" },
  reviewers: [{ name: "Lucía Rivera", username: "rivera", decisions: 2 }],
  people: [{ id: 1, username: "rivera", name: "Lucía Rivera" }],
  integrity: { chain: "project:1", events: 42, headHash: "a".repeat(64), verify: "claimdesk audit verify --project desk" },
};

function claim(id: number, change: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id,
    text: `Claim ${id} text`,
    speaker: "Mayor Ines Varga",
    status: "confirmed",
    rationale: "Minutes, p. 4",
    decidedBy: "rivera",
    decidedByName: "Lucía Rivera",
    decidedAt: "2026-11-21T12:00:00.000Z",
    decisionEvent: { id: 77, seq: 40, hash: "b".repeat(64) },
    version: 3,
    checkworthiness: 0.8,
    factId: null,
    document: {
      id: 9,
      title: "Bridge deal",
      url: "https://news.example/bridge",
      outlet: "Courier",
      publishedAt: "2026-04-15T18:30:00.000Z",
    },
    sources: [
      {
        url: "https://stats.example/r",
        title: "Report",
        outlet: null,
        stance: "supports",
        quote: "Table 3",
        note: null,
        addedBy: "Lucía Rivera",
        addedAt: "2026-11-21T11:00:00.000Z",
        documentId: null,
      },
    ],
    history: [
      {
        at: "2026-11-21T12:00:00.000Z",
        actor: "rivera",
        actorId: 1,
        actorName: "Lucía Rivera",
        action: "claim.status_changed",
        details: { from: "unverified", to: "confirmed" },
        text: "21 Nov 2026, 12:00 UTC · Lucía Rivera marked the claim confirmed (it was unverified)",
      },
    ],
    ...change,
  };
}

async function render(
  format: Parameters<typeof renderReport>[0],
  claims: ReportClaim[],
  options: { bom?: boolean; includes?: ReportHeader["includes"] } = {},
) {
  // Pages of two, as the model delivers them in pages: separators must be right across pages too.
  async function* source() {
    for (let i = 0; i < claims.length; i += 2) yield claims.slice(i, i + 2);
  }
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of renderReport(format, { ...header, includes: options.includes }, source(), options))
    parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  return Buffer.concat(parts);
}

describe("CSV", () => {
  it("round-trips commas, quotes, line breaks and non-Latin text, and neutralizes formula cells", async () => {
    const tricky = [
      claim(1, { text: 'He said "no", then left,\nslowly.\r\nNext line', speaker: "Ελένη Παπαδοπούλου" }),
      claim(2, { text: "=SUM(A1:A9)", speaker: "+33 cmd", rationale: "-2+3" }),
      claim(3, {
        text: "@import",
        speaker: "\tTabbed",
        rationale: "\rCarriage",
        document: { id: 9, title: "Київ, 東京, القاهرة", url: null, outlet: null, publishedAt: null },
      }),
    ];
    const csv = (await render("csv", tricky)).toString("utf8");
    expect(csv.startsWith("\ufeff")).toBe(false);
    expect(csv).toContain("\r\n");
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      claim_id: "1",
      claim_text: 'He said "no", then left,\nslowly.\r\nNext line',
      speaker: "Ελένη Παπαδοπούλου",
      source_count: "1",
      source_urls: "https://stats.example/r",
      version: "3",
    });
    expect(rows[1]).toMatchObject({ claim_text: "'=SUM(A1:A9)", speaker: "'+33 cmd", rationale: "'-2+3" });
    expect(rows[2]).toMatchObject({
      claim_text: "'@import",
      speaker: "'\tTabbed",
      rationale: "'\rCarriage",
      document_title: "Київ, 東京, القاهرة",
    });
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("starts with a byte-order mark when asked", async () => {
    expect((await render("csv", [claim(1)], { bom: true })).toString("utf8").startsWith("\ufeffclaim_id,")).toBe(true);
  });
});

describe("JSON", () => {
  it("is one valid report with a version, claims, history and the head hash", async () => {
    const report = JSON.parse(
      (
        await render("json", [
          claim(1),
          claim(2, { status: "unverified", rationale: null, decidedBy: null, decidedByName: null, decidedAt: null, decisionEvent: null }),
        ])
      ).toString("utf8"),
    );
    const parsed = reportSchema.parse(report);
    expect(parsed.claims).toHaveLength(2);
    expect(parsed.integrity.headHash).toBe("a".repeat(64));
    expect(JSON.parse((await render("json", [])).toString("utf8")).claims).toEqual([]);
  });

  it("matches the JSON Schema committed in docs/report.schema.json", () => {
    const committed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/report.schema.json"), "utf8"));
    expect(committed).toEqual(reportJsonSchema());
  });
});

describe("ClaimReview", () => {
  it("gives each decided claim the required fields on a rising scale, and leaves unverified claims out", async () => {
    const reviews = JSON.parse(
      (await render("claimreview", [claim(1), claim(2, { status: "disputed" }), claim(3, { status: "unverified" })])).toString("utf8"),
    ) as unknown[];
    expect(reviews).toHaveLength(2);
    const [confirmed, disputed] = reviews as unknown as Array<{
      [key: string]: unknown;
      reviewRating: { ratingValue: number; bestRating: number; worstRating: number; alternateName: string };
    }>;
    for (const review of [confirmed!, disputed!]) {
      expect(review).toMatchObject({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example.org" },
        itemReviewed: {
          "@type": "Claim",
          author: { name: "Mayor Ines Varga" },
          appearance: { url: "https://news.example/bridge" },
          datePublished: "2026-04-15",
        },
      });
      expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(review.reviewRating.worstRating);
      expect(review.reviewRating.ratingValue).toBeLessThanOrEqual(review.reviewRating.bestRating);
    }
    expect(confirmed!.reviewRating.ratingValue).toBeGreaterThan(disputed!.reviewRating.ratingValue);
    expect(confirmed!).toMatchObject({
      url: "https://checks.example.org/claims/1",
      claimReviewed: "Claim 1 text",
      datePublished: "2026-11-21",
    });
    expect(disputed!.reviewRating.alternateName).toBe("Disputed");
  });

  it("cannot break out of the <script> element a partner embeds it in, nor can the JSON report", async () => {
    const breakout = "</script><script>alert(1)</script> & \u2028 \u2029";
    const hostile = claim(1, { text: breakout, speaker: breakout });
    const claimReview = (await render("claimreview", [hostile])).toString("utf8");
    const json = (await render("json", [hostile])).toString("utf8");
    for (const text of [claimReview, json]) expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect((JSON.parse(claimReview) as Array<{ claimReviewed: string }>)[0]!.claimReviewed).toBe(breakout);
    expect((JSON.parse(json) as { claims: Array<{ text: string }>; project: { name: string } }).claims[0]!.text).toBe(breakout);
    expect((JSON.parse(json) as { project: { name: string } }).project.name).toBe("Desk <b>&</b>");
  });

  it("refuses to write without a publisher", async () => {
    expect(() => claimReviewOf(claim(1), { name: "", url: "not a url" })).toThrow();
    const bare = { ...header, project: { ...header.project, publisherName: null } };
    async function* one() {
      yield [claim(1)];
    }
    await expect(async () => {
      for await (const _chunk of renderReport("claimreview", bare, one())) void _chunk;
    }).rejects.toBeInstanceOf(ClaimReviewConfigError);
  });
});

describe("HTML", () => {
  it("escapes hostile claim text and loads nothing from outside", async () => {
    const hostile = claim(1, {
      text: '<script>alert(1)</script><img src="https://evil.example/x.png" onerror="steal()">',
      rationale: '"><iframe src=//evil.example>',
      sources: [{ ...claim(1).sources[0]!, url: "javascript:alert(1)", title: "<b>bold</b>" }],
    });
    const html = (await render("html", [hostile, claim(2)])).toString("utf8");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    for (const forbidden of ["<script", "<img", "<iframe", "<link", "@import", "url(", 'href="javascript:'])
      expect(html.toLowerCase()).not.toContain(forbidden);
    // Every attribute that could load something is absent; only <a href> links remain.
    expect(html.match(/<[^>]*\ssrc\s*=/gi)).toBeNull();
    expect(html).toContain("<svg");
    expect(html).toContain("a".repeat(64));
    expect(html).toContain("Desk &lt;b&gt;&amp;&lt;/b&gt;");
  });
});

const withFactAndComments = (id: number): ReportClaim =>
  claim(id, {
    factId: 5,
    fact: {
      id: 5,
      label: "The deadline",
      outlets: 3,
      others: [
        {
          claimId: 21,
          documentId: 12,
          documentTitle: "Deadline for ferry firm",
          outlet: "Coast Times",
          sameArticle: false,
          text: "The deadline is 5 p.m. on Friday.",
          status: "disputed",
          differences: [{ kind: "time", here: "5:01 p.m.", there: "5 p.m." }],
        },
        {
          claimId: 22,
          documentId: 13,
          documentTitle: "Ferry deadline",
          outlet: "Harbour <Daily>",
          sameArticle: false,
          text: "The firm has until 5:01 p.m. Friday.",
          status: "confirmed",
          differences: [],
        },
      ],
      othersLeftOut: 2,
    },
    comments: [
      {
        id: 1,
        author: "rivera",
        authorName: "Lucía Rivera",
        text: "Checked the <notice>, line two\nstill holds",
        at: "2026-11-21T12:30:00.000Z",
        editedAt: "2026-11-21T12:40:00.000Z",
        deletedAt: null,
      },
      {
        id: 2,
        author: null,
        authorName: null,
        text: null,
        at: "2026-11-21T13:00:00.000Z",
        editedAt: null,
        deletedAt: "2026-11-21T13:05:00.000Z",
      },
    ],
  });

describe("facts and discussion in the report", () => {
  it("HTML lists each other outlet's version with its verdict and the differing detail, and the discussion, escaped", async () => {
    const html = (await render("html", [withFactAndComments(1), claim(2, { comments: [] })], { includes: { comments: true } })).toString(
      "utf8",
    );
    expect(html).toContain("<h4>Also stated by</h4>");
    expect(html).toContain("Fact #5, stated by 3 outlets");
    expect(html).toContain(
      'Coast Times</span> — “The deadline is 5 p.m. on Friday.” <span class="disputed">(Disputed)</span><span class="differs">Differs on the time: 5:01 p.m. here, 5 p.m. there</span>',
    );
    expect(html).toContain("Harbour &lt;Daily&gt;");
    expect(html).toContain("and 2 other claims (see the Facts view)");
    expect(html).toContain("Lucía Rivera · 21 Nov 2026, 12:30 UTC (edited)");
    expect(html).toContain("Checked the &lt;notice&gt;, line two\nstill holds");
    expect(html).toContain("A former member · 21 Nov 2026, 13:00 UTC");
    expect(html).toContain("Comment deleted by its author.");
    // A claim without a fact or comments has neither block: one of each in the report.
    expect(html.match(/<h4>Also stated by<\/h4>/g)).toHaveLength(1);
    expect(html.match(/<h4>Discussion<\/h4>/g)).toHaveLength(1);
  });

  it("JSON carries factId, the fact's other versions and the comments, valid against the schema", async () => {
    const report = reportSchema.parse(JSON.parse((await render("json", [withFactAndComments(1), claim(2)])).toString("utf8")));
    expect(report.claims[0]).toMatchObject({ factId: 5, fact: { id: 5, othersLeftOut: 2 }, comments: [{ id: 1 }, { id: 2, text: null }] });
    expect(report.claims[1]!.fact).toBeUndefined();
  });

  it("PDF shows the other versions, the differing detail and the discussion", async () => {
    const pages = await pdfPages(await render("pdf", [withFactAndComments(1)]));
    const text = pages.join(" ");
    for (const line of [
      "ALSO STATED BY",
      "Fact #5, stated by 3 outlets",
      "Coast Times — “The deadline is 5 p.m. on Friday.” (Disputed)",
      "Differs on the time: 5:01 p.m. here, 5 p.m. there",
      "DISCUSSION",
      "Lucía Rivera · 21 Nov 2026, 12:30 UTC (edited)",
      "Comment deleted by its author.",
    ])
      expect(text).toContain(line);
  }, 20_000);
});

describe("PDF", () => {
  it("is a PDF whose text contains the claims, including non-Latin text", async () => {
    const bytes = await render("pdf", [
      claim(1, { text: "The bridge carried 31,000 vehicles a day." }),
      claim(2, { text: "Η γέφυρα κόστισε 48 εκατομμύρια." }),
    ]);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    let text = "";
    for (let page = 1; page <= document.numPages; page += 1) {
      const content = await (await document.getPage(page)).getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    }
    const compact = text.replace(/\s+/g, " ");
    expect(compact).toContain("The bridge carried 31,000 vehicles a day.");
    expect(compact).toContain("Η γέφυρα κόστισε 48 εκατομμύρια.");
    expect(compact).toContain("a".repeat(64));
    // Rendering (fonts subset into the file) and reading back with pdf.js take seconds on a loaded machine.
  }, 20_000);

  it("sets Chinese, Arabic, Cyrillic and Greek in embedded fonts that have their glyphs", async () => {
    const texts = {
      chinese: "市议会以7票对2票通过了桥梁合同。",
      arabic: "قال رئيس البلدية إن الجسر كلف كثيرا",
      cyrillic: "Мост обошёлся в 48 миллионов.",
      greek: "Η γέφυρα κόστισε 48 εκατομμύρια.",
    };
    const bytes = await render(
      "pdf",
      Object.values(texts).map((text, i) => claim(i + 1, { text, speaker: i === 0 ? "王丽" : null })),
    );
    const raw = bytes.toString("latin1");
    // Each script's font is embedded as a subset (a tag such as AZZZZZ+ before its name).
    for (const font of ["DejaVuSerif", "NotoSansHans-Regular", "NotoNaskhArabic"])
      expect(raw).toMatch(new RegExp(`/FontName /[A-Z]{6}\\+${font}`));
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
    let text = "";
    for (let page = 1; page <= document.numPages; page += 1) {
      const content = await (await document.getPage(page)).getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    }
    const compact = text.replace(/\s+/g, " ");
    for (const line of [texts.chinese, texts.cyrillic, texts.greek, "Said by 王丽"]) expect(compact).toContain(line);
    // Arabic is written in visual order (right to left); each word is there, shaped from its own glyphs.
    for (const word of texts.arabic.split(" ")) expect(compact).toContain(word);
  }, 30_000);

  it("embeds no Chinese or Arabic font in a report without such text", async () => {
    const raw = (await render("pdf", [claim(1, { text: "The council approved the bridge contract by 7 votes to 2." })])).toString("latin1");
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSerif/);
    expect(raw).not.toMatch(/NotoSansHans|NotoNaskhArabic/);
  }, 20_000);
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { parseClaimQuery } from "../../app/lib/claim-query";
import { searchClaims } from "../../app/models/claim-search.server";
import { listProjectSources } from "../../app/models/source.server";
import { makeProjectWithTeam } from "../support/factories";

// Full-text search on both databases: the FTS5 tables (SQLite) and tsvector columns
// (PostgreSQL) the full_text_search migration creates, kept in step by the database itself.

const SENTENCES = [
  { text: "The council contracted a ferry operator for 4 million euros.", speaker: "Ana Quill" },
  { text: "Contracts for the bridge were signed in March, the mayor said.", speaker: "Tomas Reyna" },
  { text: "Forty families were moved to temporary housing after the flood.", speaker: null },
  { text: "The housing office said the move was temporary.", speaker: "Priya Okoro" },
  { text: "Ferry tickets rose by 12 percent, according to the operator.", speaker: null },
  { text: "Le maire a annoncé un écart de 3 millions d'euros.", speaker: "Odile Marsh" },
];

async function projectWithSentences() {
  const team = await makeProjectWithTeam();
  const db = getDb();
  const text = SENTENCES.map((s) => s.text).join(" ");
  const document = await db.document.create({
    data: {
      projectId: team.project.id,
      title: "Harbour council minutes",
      format: "text",
      text,
      textHash: createHash("sha256").update(text).digest("hex"),
    },
  });
  let start = 0;
  for (const sentence of SENTENCES) {
    await db.claim.create({
      data: {
        projectId: team.project.id,
        documentId: document.id,
        text: sentence.text,
        speaker: sentence.speaker,
        start,
        end: start + sentence.text.length,
        checkworthiness: 0.8,
      },
    });
    start += sentence.text.length + 1;
  }
  return { ...team, document };
}

const search = async (projectId: number, viewerId: number, q: string) =>
  (await searchClaims({ projectId, query: parseClaimQuery(new URLSearchParams({ q })), viewerId })).rows.map((row) => row.text).sort();

const texts = (...indexes: number[]) => indexes.map((i) => SENTENCES[i]!.text).sort();

describe("full-text search of claims", () => {
  it("matches stemmed words, phrases in order, prefixes, either word, and leaves out excluded words", async () => {
    const { project, members } = await projectWithSentences();
    const find = (q: string) => search(project.id, members.viewer.id, q);
    expect(await find("contract")).toEqual(texts(0, 1));
    expect(await find("CONTRACTS signed")).toEqual(texts(1));
    expect(await find('"temporary housing"')).toEqual(texts(2));
    expect(await find("temporary housing")).toEqual(texts(2, 3));
    expect(await find("famil*")).toEqual(texts(2));
    expect(await find("bridge OR flood")).toEqual(texts(1, 2));
    expect(await find("ferry -tickets")).toEqual(texts(0));
    expect(await find("-ferry -housing")).toEqual(texts(1, 5));
    // The speaker is searched too, and accents fold (on SQLite) or match as written.
    expect(await find("okoro")).toEqual(texts(3));
    expect(await find("écart")).toEqual(texts(5));
  });

  it("reads the engines' own syntax as words and ignores a search with no words", async () => {
    const { project, members } = await projectWithSentences();
    const find = (q: string) => search(project.id, members.viewer.id, q);
    for (const q of ['ferry" OR "x', "NEAR(ferry operator)", "ferry AND NOT", "operator:ferry", "(ferry", "^ferry"]) {
      expect((await find(q)).length, q).toBeGreaterThanOrEqual(0);
    }
    // Punctuation inside a word joins its parts as a phrase, as in "covid-19".
    expect(await find("ferry:operator")).toEqual(texts(0));
    expect(await find("!!")).toHaveLength(SENTENCES.length);
  });

  it("stays in step with every change: edited text, new claims, deleted claims and articles", async () => {
    const { project, members, document } = await projectWithSentences();
    const db = getDb();
    const find = (q: string) => search(project.id, members.viewer.id, q);
    const claim = await db.claim.findFirstOrThrow({ where: { projectId: project.id, text: { contains: "Forty families" } } });
    await db.claim.update({
      where: { id: claim.id },
      data: { text: "Forty households were moved to a shelter.", speaker: "Lena Vasquez" },
    });
    expect(await find("families")).toEqual([]);
    expect(await find("households")).toEqual(["Forty households were moved to a shelter."]);
    expect(await find("vasquez")).toEqual(["Forty households were moved to a shelter."]);

    await db.claim.delete({ where: { id: claim.id } });
    expect(await find("households")).toEqual([]);
    await db.document.delete({ where: { id: document.id } });
    expect(await find("ferry")).toEqual([]);
  });
});

describe("full-text search of sources", () => {
  it("finds sources by title, outlet or address, and passage sources by the text of their article", async () => {
    const { project, document } = await projectWithSentences();
    const db = getDb();
    const [report, press, passage] = await Promise.all([
      db.source.create({
        data: {
          projectId: project.id,
          url: "https://example.org/audit-2026",
          title: "Annual audit of port finances",
          outlet: "Port Authority",
        },
      }),
      db.source.create({
        data: { projectId: project.id, url: "https://news.example.com/x", title: "Mayor defends budget", outlet: "Coastal Herald" },
      }),
      db.source.create({ data: { projectId: project.id, documentId: document.id, title: "Harbour council minutes" } }),
    ]);
    const find = async (q: string) => (await listProjectSources(project.id, { q })).map((s) => s.id).sort((a, b) => a - b);
    expect(await find("audits")).toEqual([report.id]);
    expect(await find("herald")).toEqual([press.id]);
    expect(await find("example")).toEqual([report.id, press.id].sort((a, b) => a - b));
    // Words of the article the passage source comes from.
    expect(await find('"temporary housing"')).toEqual([passage.id]);
    expect(await find("budget OR flood")).toEqual([press.id, passage.id].sort((a, b) => a - b));
    expect(await find("zeppelin")).toEqual([]);
    expect(await listProjectSources(project.id)).toHaveLength(3);
    await db.source.update({ where: { id: press.id }, data: { title: "Mayor defends spending" } });
    expect(await find("budget")).toEqual([]);
  });
});

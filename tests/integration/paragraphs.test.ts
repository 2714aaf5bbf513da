import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { segmentParagraphs } from "../../app/lib/highlight";
import { importFile } from "../../app/models/import.server";
import { createProject } from "../../app/models/project.server";
import { makeUser, uniqueName } from "../support/factories";

// One invented article in the three shapes plain text arrives in; each must import as the same four paragraphs.
const PARAGRAPHS = [
  "The harbour board voted on Tuesday to close the north pier to ferries from June, after engineers found corrosion in its supports. The repair will cost about $4 million, the board said.",
  "Harbourmaster Leon Abara said the closure would last at least 18 months and that ferries would use the south pier in the meantime.",
  "Islanders gathered at the pier in the rain.",
  "The ferry operator, Tidewater Lines, said it would add two sailings a day from the south pier to make up for the longer crossing.",
];

function hardWrapped(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(" ")) {
    if (line !== "" && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

const SHAPES: Record<string, string> = {
  "one paragraph per line (CMS paste)": PARAGRAPHS.join("\n"),
  "blank-line separated": PARAGRAPHS.join("\n\n"),
  "hard-wrapped at 64 columns, blank lines between": PARAGRAPHS.map((p) => hardWrapped(p, 64)).join("\n\n"),
  "hard-wrapped at 72 columns, indented first lines": PARAGRAPHS.map((p) => `   ${hardWrapped(p, 72)}`).join("\n"),
  "hard-wrapped with Windows line ends": PARAGRAPHS.map((p) => hardWrapped(p, 70)).join("\r\n\r\n"),
};

const options = { maxBytes: 1_048_576, threshold: null };
const actor = { id: null, name: "test" };

describe("importing plain text keeps its paragraphs, whatever its line pattern", () => {
  let owner: string;
  beforeAll(async () => {
    owner = (await makeUser({ prefix: "owner" })).username;
  });

  it.each(Object.entries(SHAPES))("%s", async (shape, content) => {
    // A project per shape: the same stored text twice in one project would be a duplicate.
    const project = await createProject({ slug: uniqueName("para"), name: "Paragraphs", ownerUsername: owner }, actor);
    const file = { name: `harbour ${shape}.txt`, bytes: new TextEncoder().encode(`Harbour board closes north pier\n\n${content}\n`) };
    const [result] = await importFile(project.id, file, options, actor);
    expect(result).toMatchObject({ status: "imported", title: "Harbour board closes north pier" });
    const document = await getDb().document.findUniqueOrThrow({ where: { id: result!.documentId! }, include: { claims: true } });
    // Stored as the reader shows it: paragraphs separated by one blank line, re-flowed where the file was wrapped.
    expect(document.text.split("\n\n")).toEqual(PARAGRAPHS);
    expect(segmentParagraphs(document.text, [])).toHaveLength(PARAGRAPHS.length);
    // Claims are extracted from the re-flowed sentences and anchored in the stored text.
    expect(document.claims.map((c) => c.text)).toContain(
      "Harbourmaster Leon Abara said the closure would last at least 18 months and that ferries would use the south pier in the meantime.",
    );
    for (const claim of document.claims) expect(document.text.slice(claim.start, claim.end)).toBe(claim.text);
    // The operator sees the same count.
    let stdout = "";
    const code = await runCli(["documents", "--project", project.slug, "--json"], {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      readStdin: async () => "",
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Array<{ id: number; paragraphs: number }>).map((d) => [d.id, d.paragraphs])).toEqual([
      [document.id, PARAGRAPHS.length],
    ]);
  });
});

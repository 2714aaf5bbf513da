import { describe, expect, it } from "vitest";
import { type HistoryEvent, actionInWords, describeEvent, lineToText, segmentsToText } from "./history";

const people = new Map([
  [1, "Lucía Rivera"],
  [2, "Chidi Okafor"],
]);
const ctx = { timeZone: "America/New_York", people };
const at = "2026-12-01T18:53:40.123Z";
const event = (
  action: string,
  details: Record<string, unknown>,
  actorId: number | null = 1,
  actorName: string | null = "rivera",
): HistoryEvent => ({
  action,
  actorId,
  actorName,
  createdAt: at,
  details,
});
const sentence = (e: HistoryEvent) => lineToText(describeEvent(e, ctx));

describe("describeEvent", () => {
  it("writes a linked source as the issue's example does, with a time in the project's zone and the actor's name", () => {
    const line = describeEvent(
      event("claim.source_added", {
        linkId: 1,
        sourceId: 1,
        stance: "supports",
        quote: null,
        title: "Pentagon gives Anthropic deadline",
        url: "https://example.org/news/2026/12/01/pentagon-gives-anthropic-a-deadline",
      }),
      ctx,
    );
    expect(line.at).toBe("1 Dec 2026, 13:53 EST");
    expect(line.actor).toBe("Lucía Rivera");
    expect(line.did).toEqual([
      "linked a source that supports the claim: ",
      { em: "Pentagon gives Anthropic deadline" },
      ", ",
      { text: "example.org/news/2026/12/01/pentagon-gi…", href: "https://example.org/news/2026/12/01/pentagon-gives-anthropic-a-deadline" },
    ]);
    expect(lineToText(line)).toBe(
      "1 Dec 2026, 13:53 EST · Lucía Rivera linked a source that supports the claim: Pentagon gives Anthropic deadline, example.org/news/2026/12/01/pentagon-gi…",
    );
  });

  it("names the fact a verdict was given to and the moves between facts", () => {
    expect(sentence(event("claim.status_changed", { factId: 7, from: "unverified", to: "confirmed", rationale: "Port notice" }))).toBe(
      "1 Dec 2026, 13:53 EST · Lucía Rivera marked the claim confirmed for fact 7 (it was unverified): “Port notice”",
    );
    expect(sentence(event("claim.fact_changed", { from: 3, to: 9, how: "move" }))).toContain("moved the claim from fact 3 to fact 9");
    expect(sentence(event("claim.fact_changed", { from: 3, to: 9, how: "split" }))).toContain("split the claim out of fact 3 into fact 9");
    expect(sentence(event("fact.tagged", { status: "disputed", rationale: "5 p.m. is wrong", claimIds: [1, 2] }))).toContain(
      "marked the fact disputed for 2 claims: “5 p.m. is wrong”",
    );
    expect(sentence(event("facts.grouped", { claims: 4_300, slices: 22, documentIds: [5] }, null, null))).toContain(
      "grouped 4300 claims into facts",
    );
    expect(sentence(event("facts.grouped", { claims: 400, slices: 2, documentIds: [5], stopped: true }, null, null))).toContain(
      "grouped 400 claims into facts, then stopped: the others are in no fact yet",
    );
  });

  it("writes verdicts, bulk changes, undos and assignments with names, not ids", () => {
    expect(
      sentence(event("claim.status_changed", { from: "unverified", to: "disputed", rationale: "The budget says otherwise", version: 2 })),
    ).toBe("1 Dec 2026, 13:53 EST · Lucía Rivera marked the claim disputed (it was unverified): “The budget says otherwise”");
    expect(
      sentence(event("claim.status_changed", { bulkOperationId: 4, from: "confirmed", to: "confirmed", rationale: "New" }, 2, "okafor")),
    ).toContain("Chidi Okafor kept the claim confirmed with a new rationale in a bulk change: “New”");
    expect(sentence(event("claim.assigned", { from: null, to: 2, version: 3 }))).toContain(
      "Lucía Rivera assigned the claim to Chidi Okafor",
    );
    expect(sentence(event("claim.assigned", { bulkOperationId: 3, assigneeFrom: 2, assigneeTo: null }))).toContain(
      "removed the claim's assignee in a bulk change",
    );
    expect(sentence(event("claim.assigned", { from: null, to: 99 }))).toContain("assigned the claim to a former member (user 99)");
    expect(
      sentence(event("claim.change_undone", { bulkOperationId: 3, restoredStatus: "unverified", restoredAssigneeId: 1 }, 2, "okafor")),
    ).toContain("Chidi Okafor undid a bulk change: the claim is unverified again, assigned to Lucía Rivera");
  });

  it("writes passages of other articles with their article's title and the passage, quoted once", () => {
    expect(
      sentence(
        event("claim.source_added", {
          stance: "refutes",
          quote: "“The deadline is Friday,” an official said.",
          documentId: 7,
          title: "Talks stall",
          url: null,
        }),
      ),
    ).toBe(
      "1 Dec 2026, 13:53 EST · Lucía Rivera linked a passage of Talks stall that refutes the claim: “‘The deadline is Friday,’ an official said.”",
    );
  });

  it("writes source edits and removals in words", () => {
    expect(
      sentence(
        event("claim.source_edited", {
          linkId: 1,
          url: "https://stats.example/r",
          from: { stance: "supports", quote: null, note: null },
          to: { stance: "refutes", quote: "Table 3", note: null },
        }),
      ),
    ).toContain("edited the link to stats.example/r: it now refutes the claim, its quote changed");
    expect(
      sentence(event("claim.source_removed", { linkId: 1, url: "https://stats.example/r", title: null, stance: "supports" })),
    ).toContain("removed the source stats.example/r");
  });

  it("renders an event type it does not know as its name in words, never as its data", () => {
    const text = sentence(event("claim.second_review_requested", { secret: { nested: [1, 2] } }));
    expect(text).toBe("1 Dec 2026, 13:53 EST · Lucía Rivera recorded: claim second review requested");
    expect(text).not.toMatch(/[{}[\]]|second_review/);
    expect(actionInWords("a.b_c")).toBe("a b c");
  });

  it("names the command line, the demo setup and unknown actors in words", () => {
    expect(describeEvent(event("claim.created", {}, null, "cli")).actor).toBe("Someone at the command line");
    expect(describeEvent(event("claim.created", {}, null, null)).actor).toBe("The system");
    expect(describeEvent(event("claim.created", {}, 5, "gone"), ctx).actor).toBe("gone");
    expect(describeEvent(event("claim.created", {}, 5, "gone"), { peopleByUsername: new Map([["gone", "Ann Lind"]]) }).actor).toBe(
      "Ann Lind",
    );
  });

  it("never shows an event code or JSON for any claim event the app writes", () => {
    const samples: Array<[string, Record<string, unknown>]> = [
      ["claim.created", { documentId: 1, start: 0, end: 4, text: "abcd" }],
      ["claim.dismissed", { text: "x" }],
      ["claim.restored", { text: "x" }],
      ["claim.suggestion_rejected", { documentId: 2, start: 1, end: 9 }],
      ["document.details_edited", { changes: { title: { from: "a", to: "b" }, publishedAt: { from: null, to: "2026-01-01" } } }],
      ["document.imported", { title: "t", fileName: "ferry_cuts.txt", format: "text", textHash: "ab", claims: 3, dismissedCandidates: 1 }],
      ["document.version_imported", { title: "t", fileName: null, claims: 1, version: 2, previousDocumentId: 4 }],
    ];
    for (const [action, details] of samples) {
      const text = segmentsToText(describeEvent(event(action, details), ctx).did);
      expect(text).not.toMatch(/[{}]|claim\.|document\.|_(?!cuts)/);
    }
    expect(segmentsToText(describeEvent(event("document.details_edited", { changes: { title: {}, publishedAt: {} } })).did)).toBe(
      "corrected the article's title, publication date",
    );
  });
});

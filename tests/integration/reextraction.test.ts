import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { extractClaims } from "../../app/lib/extraction/extract";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "../../app/lib/extraction/threshold";
import { checkworthinessModel } from "../../app/lib/extraction/model";
import { verifyAuditChain } from "../../app/models/audit.server";
import { addManualClaim, setClaimDismissed } from "../../app/models/claim.server";
import { assignClaim } from "../../app/models/claim-assignment.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { importFile } from "../../app/models/import.server";
import * as settings from "../../app/routes/project.settings";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

// An invented article: figures, a threat, a quotation of two sentences, and colour.
const ARTICLE = [
  "Harbour board closes north pier",
  "",
  "The harbour board voted on Tuesday to close the north pier to ferries from June, after engineers found corrosion in its supports.",
  "The repair will cost about $4 million, the board said in a statement.",
  '"We cannot take the risk. The pier will stay shut until every support is replaced," harbourmaster Leon Abara told the Island Courier.',
  "Tidewater Lines, which runs the ferries, threatened to cancel its winter timetable if the board did not pay for a temporary landing.",
  "Islanders gathered at the pier in the rain.",
  "The board has not said where the money for the repair will come from.",
].join("\n");

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => "" });
  return { code, stdout, stderr };
}

const claimsOf = (documentId: number) => getDb().claim.findMany({ where: { documentId }, orderBy: { id: "asc" } });

describe("re-extraction after the model changes", () => {
  it("adds new candidates, updates untouched claims, never changes or removes a reviewed one, and is audited", async () => {
    const { project, members } = await makeProjectWithTeam();
    await getDb().project.update({ where: { id: project.id }, data: { requireSourceForVerdict: false } });
    const editor = { id: members.editor.id, name: members.editor.username };
    const reviewer = { id: members.reviewer.id, name: members.reviewer.username };
    const [imported] = await importFile(
      project.id,
      { name: "pier.txt", bytes: new TextEncoder().encode(ARTICLE) },
      { maxBytes: 1_048_576, threshold: null },
      editor,
    );
    const documentId = imported!.documentId!;
    const { text } = await getDb().document.findUniqueOrThrow({ where: { id: documentId } });
    const fresh = extractClaims(text, DEFAULT_CHECKWORTHINESS_THRESHOLD);
    const extracted = await claimsOf(documentId);
    expect(extracted.map((c) => c.start)).toEqual(fresh.map((c) => c.start));
    const at = (phrase: string) => extracted.find((c) => c.text.includes(phrase))!;

    // Reviewers work on four claims: a verdict, an assignment, a dismissal, and one added by hand over part of a sentence.
    const tagged = at("$4 million");
    await tagClaim({
      projectId: project.id,
      claimId: tagged.id,
      status: "confirmed",
      rationale: "Board minutes, item 4.",
      expectedVersion: tagged.version,
      actor: reviewer,
    });
    const assigned = at("threatened to cancel");
    await assignClaim({
      projectId: project.id,
      claimId: assigned.id,
      assigneeId: members.reviewer.id,
      expectedVersion: assigned.version,
      actor: editor,
    });
    const dismissed = at("Islanders gathered");
    await setClaimDismissed({
      projectId: project.id,
      claimId: dismissed.id,
      dismissed: !dismissed.dismissed,
      expectedVersion: dismissed.version,
      actor: editor,
    });
    const cost = text.indexOf("The board has not said");
    const manual = await addManualClaim({
      projectId: project.id,
      documentId,
      range: { start: cost, end: cost + "The board has not said".length },
      actor: reviewer,
    });
    expect(manual).not.toBeNull();

    // What an older model left behind: other scores, reasons and speakers on every claim (the reviewed ones too), the
    // quotation as one claim where the current model makes two, and a sentence it never proposed.
    const old = { checkworthiness: 0.11, reasons: "[]", speaker: "the Island Courier" };
    await getDb().claim.updateMany({ where: { documentId, origin: "extracted" }, data: old });
    const [firstQuote, secondQuote] = extractedQuotation(extracted);
    await getDb().claim.deleteMany({ where: { id: { in: [firstQuote.id, secondQuote.id] } } });
    const wholeQuote = await getDb().claim.create({
      data: {
        projectId: project.id,
        documentId,
        text: text.slice(firstQuote.start, secondQuote.end),
        start: firstQuote.start,
        end: secondQuote.end,
        checkworthiness: 0.5,
        speaker: "the Island Courier",
      },
    });
    const firstSentence = at("voted on Tuesday");
    await getDb().claim.delete({ where: { id: firstSentence.id } });
    const reviewedIds = [tagged.id, assigned.id, dismissed.id, manual!.id];
    const reviewedBefore = await getDb().claim.findMany({ where: { id: { in: reviewedIds } }, orderBy: { id: "asc" } });

    // A reviewer may not run it; an editor may, from the CLI.
    expect(await cli(["claims", "re-extract", "--project", project.slug, "--as", members.reviewer.username])).toMatchObject({ code: 4 });
    const run = await cli(["claims", "re-extract", "--project", project.slug, "--as", members.editor.username, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    // Added: the first sentence and the quotation's two sentences; removed: the old whole-quotation claim; updated: the
    // untouched rest; the three reviewed extracted claims and the manual one are kept.
    const untouched = fresh.length - 3 - 3;
    expect(result).toEqual({
      project: project.slug,
      model: checkworthinessModel().version,
      threshold: DEFAULT_CHECKWORTHINESS_THRESHOLD,
      documents: 1,
      changedDocuments: 1,
      added: 3,
      updated: untouched,
      removed: 1,
      unchanged: 0,
      keptReviewed: 4,
    });

    // Reviewed claims: every field exactly as before, old score and speaker included.
    expect(await getDb().claim.findMany({ where: { id: { in: reviewedIds } }, orderBy: { id: "asc" } })).toEqual(reviewedBefore);
    // Everything else is now what the current model makes of the text.
    const after = await claimsOf(documentId);
    expect(after.find((c) => c.id === wholeQuote.id)).toBeUndefined();
    const model = after.filter((c) => !reviewedIds.includes(c.id));
    const expected = fresh.filter((c) => !reviewedBefore.some((r) => r.origin === "extracted" && r.start === c.start));
    expect(model.map((c) => [c.start, c.end, c.checkworthiness, c.speaker, c.dismissed, JSON.parse(c.reasons)]).sort()).toEqual(
      expected.map((c) => [c.start, c.end, c.checkworthiness, c.speaker, c.dismissed, c.reasons]).sort(),
    );
    for (const claim of after) expect(text.slice(claim.start, claim.end)).toBe(claim.text);

    // Audited: the document's changes (with the removed claim's id) and the run, on an intact chain.
    const events = await getDb().auditEvent.findMany({
      where: { projectId: project.id, action: { in: ["document.claims_reextracted", "project.claims_reextracted"] } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["document.claims_reextracted", members.editor.id],
      ["project.claims_reextracted", members.editor.id],
    ]);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ added: 3, removed: 1, removedClaimIds: [wholeQuote.id], keptReviewed: 4 });
    expect((await verifyAuditChain(projectChain(project.id))).problem).toBeNull();

    // From the settings page, a second run finds nothing to change and still records itself.
    const outcome = await callRoute(
      settings.action,
      buildRequest(`/projects/${project.slug}/settings`, { cookie: await cookieFor(members.editor.id), form: { intent: "re-extract" } }),
      { slug: project.slug },
    );
    expect(outcome.status).toBe(200);
    expect((outcome.body as { notice: string }).notice).toContain("0 claims added, 0 updated, 0 removed; 4 reviewed claims kept");
    expect(await claimsOf(documentId)).toEqual(after);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "project.claims_reextracted" } })).toBe(2);
  });
});

/** The two sentences of the harbourmaster's quotation, as the current model extracts them. */
function extractedQuotation(claims: Array<{ id: number; start: number; end: number; text: string }>) {
  const first = claims.find((c) => c.text.includes("We cannot take the risk"));
  const second = claims.find((c) => c.text.includes("every support is replaced"));
  if (!first || !second || first.id === second.id) throw new Error("the quotation should be extracted as two sentences");
  return [first, second] as const;
}

import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import type { CliIo } from "../../app/cli/io";
import { getDb } from "../../app/db.server";
import { parseFactQuery } from "../../app/lib/facts";
import { getFact } from "../../app/models/fact-detail.server";
import { mergeFacts, moveClaimToFact, setFactLabel, splitFact } from "../../app/models/fact-edit.server";
import { listFacts } from "../../app/models/fact-list.server";
import { regroupFacts } from "../../app/models/fact-grouping.server";
import { tagFact } from "../../app/models/fact-verdict.server";
import { importFile } from "../../app/models/import.server";
import { forgetProjectIndexes, projectIndex, warmProjectIndexes } from "../../app/models/project-index.server";
import { TimeBudget } from "../../app/lib/matching/time-budget";
import * as discrepanciesPage from "../../app/routes/project.discrepancies";
import { FERRY_STORY } from "../fixtures/facts/ferry-story";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const OPTIONS = { maxBytes: 1_000_000, threshold: 0 };

async function importStory(articles: Record<string, string> = FERRY_STORY) {
  const team = await makeProjectWithTeam();
  const editor = { id: team.members.editor.id, name: team.members.editor.username };
  const documents: Record<string, number> = {};
  for (const [name, text] of Object.entries(articles)) {
    const [result] = await importFile(team.project.id, { name, bytes: new TextEncoder().encode(text) }, OPTIONS, editor);
    documents[name] = result!.documentId!;
  }
  const factOfClaimAbout = async (fragment: string) => {
    const claim = await getDb().claim.findFirstOrThrow({ where: { projectId: team.project.id, text: { contains: fragment } } });
    const member = await getDb().factMember.findUniqueOrThrow({ where: { claimId: claim.id } });
    return member.factId;
  };
  return { ...team, editor, documents, factOfClaimAbout };
}

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), readStdin: async () => "" };
  return { io, out, err };
}

describe("facts across outlets", () => {
  it("groups three outlets' deadline into one fact on import, with the differing time", async () => {
    const { project, documents, factOfClaimAbout } = await importStory();
    const deadline = await factOfClaimAbout("5 p.m. on Friday");
    const fact = (await getFact(project.id, deadline))!;
    expect(new Set(fact.versions.map((v) => v.documentId))).toEqual(new Set(Object.values(documents)));
    expect(fact.outlets).toBe(3);
    expect(fact.differences).toHaveLength(1);
    expect(fact.differences[0]!.kind).toBe("time");
    expect(fact.differences[0]!.values.map((v) => v.value).sort()).toEqual(["5 p.m.", "5:01 p.m.", "5:01 p.m."]);
    // The fleet is another fact, stated by two outlets alike.
    const fleet = (await getFact(project.id, await factOfClaimAbout("14 vessels")))!;
    expect(fleet.id).not.toBe(fact.id);
    expect(fleet.versions).toHaveLength(2);
    expect(fleet.differences).toEqual([]);
    // Every claim of the story is in exactly one fact.
    const claims = await getDb().claim.count({ where: { projectId: project.id, dismissed: false } });
    expect(await getDb().factMember.count({ where: { projectId: project.id } })).toBe(claims);
    const page = await listFacts(project.id, parseFactQuery(new URLSearchParams("minOutlets=2&sort=disagreement")));
    expect(page.rows[0]).toMatchObject({ id: fact.id, outlets: 3, status: "unverified" });
    expect(page.ungrouped).toBe(0);
  });

  it("puts a figure and the counter-figure of one article in one fact", async () => {
    const { project, factOfClaimAbout } = await importStory({
      "bond.txt": [
        "Council weighs school bond",
        "",
        "The Marrow council will vote on a school bond next month. Councillor Ada Oduya said the bond would raise the average tax bill by $140 a year. A finance office memo put the figure at $95. The vote is set for March 3.",
      ].join("\n"),
    });
    const bond = (await getFact(project.id, await factOfClaimAbout("$140")))!;
    expect(bond.versions.map((v) => v.text)).toEqual([
      "Councillor Ada Oduya said the bond would raise the average tax bill by $140 a year.",
      "A finance office memo put the figure at $95.",
    ]);
    expect(bond.differences).toMatchObject([{ kind: "money" }]);
  });

  it("applies one verdict to the claims stating the fact's details and leaves the differing one for decision", async () => {
    const { project, members, factOfClaimAbout } = await importStory();
    const reviewer = { id: members.reviewer.id, name: members.reviewer.username };
    const factId = await factOfClaimAbout("5 p.m. on Friday");
    const fact = (await getFact(project.id, factId))!;
    const differing = fact.versions.filter((v) => !v.sameAsLabel).map((v) => v.claimId);
    expect(differing).toHaveLength(1);
    await expect(tagFact({ projectId: project.id, actor: reviewer, factId, status: "confirmed", rationale: null })).rejects.toThrow(
      /rationale/,
    );
    const source = { url: "https://port.example.org/notices/ferry", stance: "supports" as const, quote: "until 5:01 p.m. on Friday" };
    const outcome = (await tagFact({
      projectId: project.id,
      actor: reviewer,
      factId,
      status: "confirmed",
      rationale: "Port notice.",
      source,
    }))!;
    expect(outcome.applied).toHaveLength(2);
    expect(outcome.differing).toEqual(differing);
    const claims = await getDb().claim.findMany({ where: { id: { in: fact.versions.map((v) => v.claimId) } } });
    for (const claim of claims) {
      expect(claim.status).toBe(differing.includes(claim.id) ? "unverified" : "confirmed");
      expect(claim.sourceCount).toBe(differing.includes(claim.id) ? 0 : 1);
    }
    // Each claim keeps its own event, naming the fact; the fact has one too.
    const events = await getDb().auditEvent.findMany({ where: { projectId: project.id, action: "claim.status_changed" } });
    expect(events).toHaveLength(2);
    for (const event of events) expect(JSON.parse(event.details)).toMatchObject({ factId, to: "confirmed" });
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "fact.tagged", targetId: String(factId) } })).toBe(1);
    // A different verdict for the differing claim; then a stale version is refused, not overwritten.
    const second = (await tagFact({
      projectId: project.id,
      actor: reviewer,
      factId,
      status: "disputed",
      rationale: "The notice says 5:01 p.m.",
      claimIds: differing,
      source: { ...source, stance: "refutes" },
    }))!;
    expect(second.applied).toEqual(differing);
    const stale = (await tagFact({
      projectId: project.id,
      actor: reviewer,
      factId,
      status: "unverified",
      rationale: null,
      includeDiffering: true,
      versions: Object.fromEntries(fact.versions.map((v) => [v.claimId, v.version])),
    }))!;
    expect(stale.applied).toEqual([]);
    expect(stale.refused).toHaveLength(3);
    expect((await getFact(project.id, factId))!.status).toBe("mixed");
  });

  it("keeps merges, splits and moves by hand through grouping again and a new version of an article", async () => {
    const { project, editor, documents, factOfClaimAbout } = await importStory();
    const deadline = await factOfClaimAbout("5 p.m. on Friday");
    const fleet = await factOfClaimAbout("14 vessels");
    const coastClaim = await getDb().claim.findFirstOrThrow({ where: { text: { contains: "5 p.m. on Friday" }, projectId: project.id } });
    // A refused edit records nothing.
    const eventsBefore = await getDb().auditEvent.count({ where: { projectId: project.id } });
    await expect(splitFact({ projectId: project.id, factId: deadline, claimIds: [999_999_999], actor: editor })).rejects.toThrow(
      /not in fact/,
    );
    // The fact being edited missing is not found; a fact the editor names that does not exist is bad input, beside its field.
    await expect(setFactLabel({ projectId: project.id, factId: 999_999_999, label: "x", actor: editor })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(mergeFacts({ projectId: project.id, into: fleet, from: [999_999_999], actor: editor })).rejects.toMatchObject({
      code: "invalid_input",
      field: "from",
    });
    expect(await getDb().auditEvent.count({ where: { projectId: project.id } })).toBe(eventsBefore);
    const split = await splitFact({ projectId: project.id, factId: deadline, claimIds: [coastClaim.id], actor: editor });
    expect(await factOfClaimAbout("5 p.m. on Friday")).toBe(split.factId);
    const merged = await mergeFacts({ projectId: project.id, into: fleet, from: [split.factId], actor: editor });
    expect(merged.moved).toBe(1);
    expect(await getDb().fact.count({ where: { id: split.factId } })).toBe(0);
    await moveClaimToFact({ projectId: project.id, claimId: coastClaim.id, to: null, actor: editor });
    const own = await factOfClaimAbout("5 p.m. on Friday");
    await setFactLabel({ projectId: project.id, factId: own, label: "  Deadline,  as Coast Times gives it ", actor: editor });
    expect((await getFact(project.id, own))!.label).toBe("Deadline, as Coast Times gives it");

    await regroupFacts(project.id, editor);
    expect(await factOfClaimAbout("5 p.m. on Friday")).toBe(own);
    expect((await getFact(project.id, own))!.versions.map((v) => v.claimId)).toEqual([coastClaim.id]);
    const reimported = FERRY_STORY["coast-times.txt"]!.replace("this week", "all week");
    const [v2] = await importFile(project.id, { name: "coast-times.txt", bytes: new TextEncoder().encode(reimported) }, OPTIONS, editor);
    expect(v2!.status).toBe("imported");
    expect(v2!.documentId).not.toBe(documents["coast-times.txt"]);
    expect(await factOfClaimAbout("5 p.m. on Friday")).toBe(own);
    // Each change is in the trail: on the facts, and on every claim moved.
    const actions = (await getDb().auditEvent.findMany({ where: { projectId: project.id }, select: { action: true } })).map(
      (e) => e.action,
    );
    for (const action of ["fact.split", "fact.merged", "fact.claim_moved", "fact.label_edited", "facts.regrouped"])
      expect(actions).toContain(action);
    expect(actions.filter((a) => a === "claim.fact_changed")).toHaveLength(3);
  });

  it("prints the Discrepancies view from the CLI: the fact's values, each once with its claims", async () => {
    const { project, factOfClaimAbout } = await importStory();
    const { io, out } = captureIo();
    expect(await runCli(["discrepancies", "--project", project.slug, "--json"], io)).toBe(0);
    const printed = JSON.parse(out.join("")) as {
      facts: Array<{ factId: number; differences: Array<{ kind: string; values: Array<{ value: string; key: string; status: string }> }> }>;
      compared: number;
      considered: number;
    };
    const deadline = await factOfClaimAbout("5 p.m. on Friday");
    const fact = printed.facts.find((f) => f.factId === deadline)!;
    const values = fact.differences[0]!.values;
    expect(values.map((v) => v.value).sort()).toEqual(["5 p.m.", "5:01 p.m.", "5:01 p.m."]);
    expect(new Set(values.map((v) => v.key)).size).toBe(2);
    expect(printed.compared).toBe(printed.considered);

    const human = captureIo();
    expect(await runCli(["discrepancies", "--project", project.slug], human.io)).toBe(0);
    expect(human.out.join("")).toMatch(/time 5:01 p\.m\.: .*claim \d+, unverified.*claim \d+, unverified/);
    const missing = captureIo();
    expect(await runCli(["discrepancies", "--project", "no-such-project"], missing.io)).not.toBe(0);
    expect(missing.err.join("")).toMatch(/no-such-project/);
  });

  it("indexes a project of more articles than one query may name (SQLite allows 999 parameters), a run at a time", async () => {
    const { project } = await makeProjectWithTeam();
    const count = 1_050;
    await getDb().document.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        projectId: project.id,
        title: `Ferry note ${i}`,
        format: "text",
        text: `The ferry to Island ${i} ran ${i % 7} minutes late on Monday, the operator said.`,
        textHash: `hash-${project.id}-${i}`,
      })),
    });
    forgetProjectIndexes();
    // A spent budget reads nothing and counts every article as unread, without naming them all in one query.
    expect((await projectIndex(project.id, new TimeBudget(0))).unread).toBe(count);
    const { index, unread } = await projectIndex(project.id, new TimeBudget(120_000));
    expect(unread).toBe(0);
    expect(index.size).toBe(count);
  });

  it("shows real results on the first Discrepancies visit after the server starts: the index is read before, off the request path", async () => {
    const { project, members } = await importStory();
    const unreadNow = async () => (await projectIndex(project.id, new TimeBudget(0))).unread;
    // A server process that has just started has read none of the articles: a first visit had to, within its budget.
    forgetProjectIndexes();
    expect(await unreadNow()).toBe(3);
    forgetProjectIndexes();
    await warmProjectIndexes(); // what a server runs once it listens (server/app.ts warmUp)
    expect(await unreadNow()).toBe(0);
    const cookie = await cookieFor(members.viewer.id);
    const page = await callRoute(discrepanciesPage.loader, buildRequest(`/projects/${project.slug}/discrepancies`, { cookie }), {
      slug: project.slug,
    });
    const body = page.body as {
      compared: number;
      considered: number;
      note: string | null;
      discrepancies: Array<{ claim: { text: string } }>;
    };
    expect(body.considered).toBeGreaterThan(0);
    expect(body.compared).toBe(body.considered);
    expect(body.note).toBeNull();
    expect(body.discrepancies.some((d) => /5(:01)? p\.m\./.test(d.claim.text))).toBe(true);
  });

  it("prints the facts as JSON and tags a fact from the CLI, refusing a reviewer's merge", async () => {
    const { project, members, factOfClaimAbout } = await importStory();
    const { io, out } = captureIo();
    expect(await runCli(["facts", "--project", project.slug, "--min-outlets", "3", "--json"], io)).toBe(0);
    const facts = JSON.parse(out.join("")) as Array<{
      id: number;
      label: string;
      claims: Array<{ id: number; documentId: number; text: string; status: string; details: Array<{ kind: string; value: string }> }>;
      differences: Array<{ kind: string; values: Array<{ claimId: number; value: string }> }>;
    }>;
    const deadline = await factOfClaimAbout("5 p.m. on Friday");
    expect(facts.map((f) => f.id)).toEqual([deadline]);
    expect(facts[0]!.claims).toHaveLength(3);
    expect(facts[0]!.claims[0]!.details).toContainEqual({ kind: "time", value: "5:01 p.m." });
    expect(facts[0]!.differences[0]!.kind).toBe("time");

    const tagged = captureIo();
    const args = ["fact", "tag", "--fact", String(deadline), "--status", "confirmed", "--rationale", "Port notice."];
    const noSource = captureIo();
    expect(await runCli([...args, "--as", members.reviewer.username, "--include-differing"], noSource.io)).toBe(3);
    expect(noSource.out.join("")).toMatch(/Link at least one source/);
    args.push("--source-url", "https://port.example.org/notices/ferry", "--stance", "supports");
    expect(await runCli([...args, "--as", members.reviewer.username, "--include-differing", "--json"], tagged.io)).toBe(0);
    expect(JSON.parse(tagged.out.join(""))).toMatchObject({ factId: deadline, differing: [] });
    expect(JSON.parse(tagged.out.join("")).applied).toHaveLength(3);

    const refused = captureIo();
    const fleet = await factOfClaimAbout("14 vessels");
    const code = await runCli(
      ["fact", "merge", "--into", String(deadline), "--from", String(fleet), "--as", members.reviewer.username],
      refused.io,
    );
    expect(code).not.toBe(0);
    expect(refused.err.join("")).toMatch(/does not allow/);
    expect(await factOfClaimAbout("14 vessels")).toBe(fleet);
  });
});

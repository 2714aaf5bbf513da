import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { parseClaimQuery } from "../../app/lib/claim-query";
import { DECISION_TO_DERIVE, deriveMarkedDecisions, verdictsFromTrail } from "../../app/models/claim-decision.server";
import { applyBulkChange, undoBulkChange } from "../../app/models/bulk-change.server";
import { assignClaim } from "../../app/models/claim-assignment.server";
import { markViewing } from "../../app/models/claim-presence.server";
import { searchClaims } from "../../app/models/claim-search.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { claimForReview, setClaimDismissed } from "../../app/models/claim.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { addExternalSource, editSourceLink } from "../../app/models/source.server";
import { makeProjectWithTeam } from "../support/factories";
import { exportBytes, exportCsv, exportJson, pdfPages } from "../support/report";

async function setup(claimCount = 4) {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: claimCount, actor: { id: null, name: "test" } });
  await getDb().project.update({
    where: { id: team.project.id },
    data: { requireSourceForVerdict: false, publisherName: "Example Checks", publisherUrl: "https://checks.example.org" },
  });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id, dismissed: false }, orderBy: { id: "asc" } });
  const a = team.members.reviewer;
  const b = team.members.editor;
  return {
    ...team,
    claims,
    a,
    b,
    actorA: { id: a.id, name: a.username },
    actorB: { id: b.id, name: b.username },
    exporter: { project: team.project, user: team.members.viewer },
  };
}

type Team = Awaited<ReturnType<typeof setup>>;

/** Who each format credits with each claim's verdict, by claim id (display names for people, usernames for machines). */
async function creditsInEveryFormat(team: Team) {
  const ids = team.claims.map((c) => c.id);
  const table = await searchClaims({
    projectId: team.project.id,
    query: parseClaimQuery(new URLSearchParams("size=200")),
    viewerId: team.a.id,
  });
  const panel = await Promise.all(ids.map((id) => claimForReview(team.project.id, id)));
  const csv = await exportCsv(team.exporter);
  const json = await exportJson(team.exporter);
  const reviews = JSON.parse((await exportBytes("claimreview", team.exporter)).toString("utf8")) as Array<{
    url: string;
    datePublished: string;
  }>;
  const $ = cheerio.load((await exportBytes("html", team.exporter)).toString("utf8"));
  const pdf = (await pdfPages(await exportBytes("pdf", team.exporter))).join(" ");
  const credits = new Map<number, Record<string, string | null>>();
  for (const id of ids) {
    const jsonClaim = json.claims.find((c) => c.id === id)!;
    credits.set(id, {
      table: table.rows.find((r) => r.id === id)?.decision?.displayName ?? null,
      panel: panel[ids.indexOf(id)]?.decision?.displayName ?? null,
      csv: csv.find((r) => Number(r.claim_id) === id)?.decided_by || null,
      json: jsonClaim.decidedBy,
      jsonName: jsonClaim.decidedByName,
      claimReviewDate: reviews.find((r) => r.url.endsWith(`/claims/${id}`))?.datePublished ?? null,
      html: /Set by (.+?) on \d/.exec($(`#claim-${id} .decision`).text())?.[1] ?? null,
    });
  }
  return { credits, json, pdf, htmlReviewers: $("section:contains('Reviewers') table").text() };
}

function expectCredited(
  result: Awaited<ReturnType<typeof creditsInEveryFormat>>,
  claimId: number,
  person: { username: string; displayName: string } | null,
) {
  const credit = result.credits.get(claimId)!;
  const name = person?.displayName ?? null;
  expect(credit, `claim ${claimId}`).toMatchObject({
    table: name,
    panel: name,
    csv: person?.username ?? null,
    json: person?.username ?? null,
    jsonName: name,
    html: name,
  });
  const decidedAt = result.json.claims.find((c) => c.id === claimId)!.decidedAt;
  if (person && result.json.claims.find((c) => c.id === claimId)!.status !== "unverified")
    expect(credit.claimReviewDate).toBe(decidedAt!.slice(0, 10));
}

describe("attribution: the verdict is credited to whoever set the current status", () => {
  it("keeps A's credit after B assigns, bulk-assigns, undoes, links and edits sources and views the claims", async () => {
    const team = await setup();
    const { project, claims, actorA, actorB, a, b } = team;
    await tagClaim({
      projectId: project.id,
      claimId: claims[0]!.id,
      status: "confirmed",
      rationale: "Register p. 4",
      expectedVersion: null,
      actor: actorA,
    });
    await tagClaim({
      projectId: project.id,
      claimId: claims[1]!.id,
      status: "disputed",
      rationale: "Budget says otherwise",
      expectedVersion: null,
      actor: actorA,
    });
    await tagClaim({
      projectId: project.id,
      claimId: claims[2]!.id,
      status: "unverified",
      rationale: "No record found yet",
      expectedVersion: null,
      actor: actorA,
    });

    await assignClaim({ projectId: project.id, claimId: claims[0]!.id, assigneeId: a.id, expectedVersion: null, actor: actorB });
    const bulk = await applyBulkChange({
      projectId: project.id,
      target: { ids: claims.slice(0, 3).map((c) => c.id) },
      change: { assigneeId: b.id },
      actor: actorB,
    });
    await undoBulkChange({ projectId: project.id, operationId: bulk.operationId, actor: actorB });
    const link = await addExternalSource({
      projectId: project.id,
      claimId: claims[1]!.id,
      source: { url: "https://stats.example/budget", stance: "refutes" },
      actor: actorB,
    });
    await editSourceLink({
      projectId: project.id,
      linkId: link!.id,
      change: { stance: "refutes", quote: "Table 2", note: "page 9" },
      actor: actorB,
    });
    await markViewing({ claimId: claims[1]!.id, userId: b.id, projectId: project.id });
    await setClaimDismissed({ projectId: project.id, claimId: claims[3]!.id, dismissed: true, expectedVersion: null, actor: actorB });
    await setClaimDismissed({ projectId: project.id, claimId: claims[3]!.id, dismissed: false, expectedVersion: null, actor: actorB });

    const result = await creditsInEveryFormat(team);
    for (const claim of claims.slice(0, 3)) expectCredited(result, claim.id, a);
    expectCredited(result, claims[3]!.id, null);
    expect(result.json.reviewers).toEqual([{ name: a.displayName, username: a.username, decisions: 3 }]);
    expect(result.htmlReviewers).toContain(a.displayName);
    expect(result.htmlReviewers).not.toContain(b.displayName);
    expect(result.pdf.match(new RegExp(`Set by ${a.displayName} on`, "g"))).toHaveLength(3);
    expect(result.pdf).not.toContain(`Set by ${b.displayName}`);
    // Many actions and every format exported: 20-28 s on a loaded machine, near the 30 s default.
  }, 60_000);

  it("credits B's bulk status change to B, and the undo of it to A again (verdict, decider and time)", async () => {
    const team = await setup();
    const { project, claims, actorA, actorB, a, b } = team;
    await tagClaim({
      projectId: project.id,
      claimId: claims[0]!.id,
      status: "confirmed",
      rationale: "Register p. 4",
      expectedVersion: null,
      actor: actorA,
    });
    await tagClaim({
      projectId: project.id,
      claimId: claims[1]!.id,
      status: "disputed",
      rationale: "Budget says otherwise",
      expectedVersion: null,
      actor: actorA,
    });
    const before = await exportJson(team.exporter);

    const bulk = await applyBulkChange({
      projectId: project.id,
      target: { ids: claims.slice(0, 3).map((c) => c.id) },
      change: { status: "disputed", rationale: "Retracted by the agency", assigneeId: a.id },
      actor: actorB,
    });
    const changed = await creditsInEveryFormat(team);
    for (const claim of claims.slice(0, 3)) expectCredited(changed, claim.id, b);
    expect(changed.json.reviewers).toEqual([{ name: b.displayName, username: b.username, decisions: 3 }]);

    await undoBulkChange({ projectId: project.id, operationId: bulk.operationId, actor: actorB });
    const undone = await creditsInEveryFormat(team);
    expectCredited(undone, claims[0]!.id, a);
    expectCredited(undone, claims[1]!.id, a);
    expectCredited(undone, claims[2]!.id, null);
    for (const id of [claims[0]!.id, claims[1]!.id]) {
      const was = before.claims.find((c) => c.id === id)!;
      expect(undone.json.claims.find((c) => c.id === id)).toMatchObject({
        status: was.status,
        rationale: was.rationale,
        decidedAt: was.decidedAt,
        decisionEvent: was.decisionEvent,
      });
    }
    expect(undone.json.reviewers).toEqual([{ name: a.displayName, username: a.username, decisions: 2 }]);
    expect(undone.pdf).not.toContain(`Set by ${b.displayName}`);
  });

  it("a bulk change that keeps a claim's verdict and only reassigns it is no decision", async () => {
    const team = await setup(2);
    const { project, claims, actorA, actorB, a } = team;
    await tagClaim({
      projectId: project.id,
      claimId: claims[0]!.id,
      status: "confirmed",
      rationale: "Same",
      expectedVersion: null,
      actor: actorA,
    });
    await applyBulkChange({
      projectId: project.id,
      target: { ids: claims.map((c) => c.id) },
      change: { status: "confirmed", rationale: "Same", assigneeId: a.id },
      actor: actorB,
    });
    const result = await creditsInEveryFormat(team);
    expectCredited(result, claims[0]!.id, a);
    expectCredited(result, claims[1]!.id, team.b);
  });

  it("stores exactly what the trail says after a long mix of tags, bulk changes and undos", async () => {
    const team = await setup(8);
    const { project, claims, actorA, actorB, a, b } = team;
    let random = 7;
    const next = (n: number) => {
      random = (random * 1103515245 + 12345) % 2147483648;
      return random % n;
    };
    const statuses = ["confirmed", "disputed", "unverified"] as const;
    const undoable: number[] = [];
    for (let step = 0; step < 40; step += 1) {
      const actor = next(2) ? actorA : actorB;
      const picked = claims.filter(() => next(3) === 0).map((c) => c.id);
      const kind = next(4);
      if (kind === 0) {
        const id = claims[next(claims.length)]!.id;
        await tagClaim({
          projectId: project.id,
          claimId: id,
          status: statuses[next(3)]!,
          rationale: `step ${step}`,
          expectedVersion: null,
          actor,
        });
      } else if (kind === 1 && picked.length > 0) {
        const op = await applyBulkChange({
          projectId: project.id,
          target: { ids: picked },
          change: next(2) ? { status: statuses[next(3)]!, rationale: `bulk ${step}` } : { assigneeId: next(2) ? a.id : b.id },
          actor: actorB,
        });
        undoable.push(op.operationId);
      } else if (kind === 2 && undoable.length > 0) {
        await undoBulkChange({ projectId: project.id, operationId: undoable.pop()!, actor: actorB });
      } else {
        await assignClaim({
          projectId: project.id,
          claimId: claims[next(claims.length)]!.id,
          assigneeId: next(2) ? a.id : null,
          expectedVersion: null,
          actor,
        });
      }
    }
    const stored = await getDb().claim.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    const derived = await verdictsFromTrail(
      getDb(),
      project.id,
      stored.map((c) => c.id),
    );
    for (const claim of stored) {
      const verdict = derived.get(claim.id)!;
      expect({ id: claim.id, status: claim.status, rationale: claim.rationale, decisionSeq: claim.decisionSeq }).toEqual({
        id: claim.id,
        status: verdict.status,
        rationale: verdict.rationale,
        decisionSeq: verdict.decision?.seq ?? null,
      });
    }

    // An upgraded database derives the same decisions from the trail.
    await getDb().claim.updateMany({ where: { projectId: project.id }, data: { decisionSeq: DECISION_TO_DERIVE } });
    expect(await deriveMarkedDecisions()).toBeGreaterThanOrEqual(stored.length);
    const rederived = await getDb().claim.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(rederived.map((c) => c.decisionSeq)).toEqual(stored.map((c) => c.decisionSeq));
  });
});

import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { applyBulkChange } from "../../app/models/bulk-change.server";
import { claimHistory } from "../../app/models/claim-history.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { importFile } from "../../app/models/import.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { addExternalSource, addPassageSource, listProjectSources, removeSourceLink } from "../../app/models/source.server";
import * as claimPage from "../../app/routes/project.claim";
import * as sourcesPage from "../../app/routes/project.sources";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

async function setup(count = 3) {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: count, actor: { id: null, name: "test" } });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  const reviewer = { id: team.members.reviewer.id, name: team.members.reviewer.username };
  return { ...team, claims, reviewer };
}

describe("sources", () => {
  it("one URL linked to several claims is one source record; its counts show on the Sources page", async () => {
    const { project, claims, reviewer, members } = await setup();
    await addExternalSource({
      projectId: project.id,
      claimId: claims[0]!.id,
      source: { url: "https://Stats.Example.org/report?utm_source=mail#p4", stance: "supports", quote: "Table 3", title: "Annual report" },
      actor: reviewer,
    });
    await addExternalSource({
      projectId: project.id,
      claimId: claims[1]!.id,
      source: { url: "https://stats.example.org/report", stance: "refutes", outlet: "Stats Office" },
      actor: reviewer,
    });
    const sources = await getDb().source.findMany({ where: { projectId: project.id } });
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ url: "https://stats.example.org/report", title: "Annual report", outlet: "Stats Office" });
    expect(await listProjectSources(project.id)).toMatchObject([{ claims: 2, supports: 1, refutes: 1 }]);
    const claim = await getDb().claim.findUniqueOrThrow({ where: { id: claims[0]!.id } });
    expect(claim).toMatchObject({ sourceCount: 1, version: 2 });
    await expect(
      addExternalSource({
        projectId: project.id,
        claimId: claims[0]!.id,
        source: { url: "https://stats.example.org/report#again", stance: "context" },
        actor: reviewer,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const page = await callRoute(
      sourcesPage.loader,
      buildRequest(`/projects/${project.slug}/sources`, { cookie: await cookieFor(members.viewer.id) }),
      { slug: project.slug },
    );
    expect((page.body as { sources: unknown[] }).sources).toHaveLength(1);
  });

  it("refuses bad addresses with a field error through the route, and viewers with 403", async () => {
    const { project, claims, members } = await setup(1);
    const slug = project.slug;
    const post = async (userId: number, url: string) =>
      callRoute(
        claimPage.action,
        buildRequest(`/projects/${slug}/claims/${claims[0]!.id}`, {
          cookie: await cookieFor(userId),
          form: { intent: "add-source", url, stance: "supports" },
        }),
        { slug, claimId: String(claims[0]!.id) },
      );
    for (const [url, message] of [
      ["javascript:alert(1)", "not javascript:"],
      ["data:text/html,x", "not data:"],
      ["file:///etc/hosts", "not file:"],
      ["nonsense", "not a valid web address"],
      [`https://example.org/${"x".repeat(2100)}`, "longer than"],
    ] as const) {
      const outcome = await post(members.reviewer.id, url);
      expect(outcome.status).toBe(400);
      expect((outcome.body as { fieldErrors: { source: string } }).fieldErrors.source).toContain(message);
    }
    expect((await post(members.viewer.id, "https://example.org/a")).status).toBe(403);
    expect((await post(members.reviewer.id, "https://example.org/a")).status).toBe(200);
    expect(await getDb().source.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("stores author and dates from the form, and audits an edit of the link with before and after", async () => {
    const { project, claims, members } = await setup(1);
    const slug = project.slug;
    const cookie = await cookieFor(members.reviewer.id);
    const claimId = String(claims[0]!.id);
    const post = (form: Record<string, string>) =>
      callRoute(claimPage.action, buildRequest(`/projects/${slug}/claims/${claimId}`, { cookie, form }), { slug, claimId });
    const badDate = await post({
      intent: "add-source",
      url: "https://example.org/d",
      stance: "supports",
      publishedAt: "31/02/2026",
    });
    expect(badDate.status).toBe(400);
    expect((badDate.body as { fieldErrors: { source: string } }).fieldErrors.source).toContain("YYYY-MM-DD");
    const added = await post({
      intent: "add-source",
      url: "https://example.org/d",
      stance: "supports",
      author: "Mara Quint",
      publishedAt: "2026-05-02",
      accessedAt: "2026-11-20",
      quote: "First quote",
    });
    expect(added.status).toBe(200);
    const link = await getDb().claimSource.findFirstOrThrow({ where: { claimId: claims[0]!.id }, include: { source: true } });
    expect(link.source).toMatchObject({ author: "Mara Quint" });
    expect(link.source.publishedAt?.toISOString()).toBe("2026-05-02T00:00:00.000Z");
    expect(link.source.accessedAt?.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    const edited = await post({
      intent: "edit-source",
      linkId: String(link.id),
      stance: "context",
      quote: "Second quote",
      note: "Only partly relevant",
    });
    expect(edited.status).toBe(200);
    expect(await getDb().claimSource.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      stance: "context",
      quote: "Second quote",
      note: "Only partly relevant",
    });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "claim.source_edited" } });
    expect(JSON.parse(event.details)).toMatchObject({
      from: { stance: "supports", quote: "First quote" },
      to: { stance: "context", quote: "Second quote" },
    });
    const viewer = await callRoute(
      claimPage.action,
      buildRequest(`/projects/${slug}/claims/${claimId}`, {
        cookie: await cookieFor(members.viewer.id),
        form: { intent: "edit-source", linkId: String(link.id), stance: "refutes" },
      }),
      { slug, claimId },
    );
    expect(viewer.status).toBe(403);
  });

  it("removal is audited and kept in the history", async () => {
    const { project, claims, reviewer } = await setup(1);
    const link = (await addExternalSource({
      projectId: project.id,
      claimId: claims[0]!.id,
      source: { url: "https://example.org/x", stance: "supports" },
      actor: reviewer,
    }))!;
    await removeSourceLink({ projectId: project.id, linkId: link.id, actor: reviewer });
    const stored = await getDb().claimSource.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.removedAt).not.toBeNull();
    expect(stored.removedById).toBe(reviewer.id);
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claims[0]!.id } })).sourceCount).toBe(0);
    expect((await claimHistory(project.id, claims[0]!.id)).map((e) => e.action)).toEqual(["claim.source_added", "claim.source_removed"]);
  });

  it("confirmed and disputed need a source while the project setting is on", async () => {
    const { project, claims, reviewer, members } = await setup(3);
    await expect(
      tagClaim({
        projectId: project.id,
        claimId: claims[0]!.id,
        status: "confirmed",
        rationale: "ok",
        expectedVersion: null,
        actor: reviewer,
      }),
    ).rejects.toThrow(/Link at least one source/);
    await addExternalSource({
      projectId: project.id,
      claimId: claims[0]!.id,
      source: { url: "https://example.org/evidence", stance: "supports" },
      actor: reviewer,
    });
    expect(
      await tagClaim({
        projectId: project.id,
        claimId: claims[0]!.id,
        status: "confirmed",
        rationale: "ok",
        expectedVersion: null,
        actor: reviewer,
      }),
    ).toMatchObject({ status: "confirmed" });
    const editor = { id: members.editor.id, name: members.editor.username };
    await expect(
      applyBulkChange({
        projectId: project.id,
        target: { ids: claims.map((c) => c.id) },
        change: { status: "disputed", rationale: "x" },
        actor: editor,
      }),
    ).rejects.toThrow(/2 of the 3 claims have no source/);
    await getDb().project.update({ where: { id: project.id }, data: { requireSourceForVerdict: false } });
    expect(
      await tagClaim({
        projectId: project.id,
        claimId: claims[1]!.id,
        status: "disputed",
        rationale: "ok",
        expectedVersion: null,
        actor: reviewer,
      }),
    ).toMatchObject({ status: "disputed" });
  });

  it("links a passage of another imported article, never of the claim's own", async () => {
    const { project, reviewer } = await setup(0);
    const options = { maxBytes: 1_000_000, threshold: null };
    const bytes = (text: string) => new TextEncoder().encode(text);
    const [a] = await importFile(
      project.id,
      { name: "a.txt", bytes: bytes("Bridge deal\n\nThe council approved a $48 million contract on Tuesday, the mayor said.") },
      options,
      reviewer,
    );
    const [b] = await importFile(
      project.id,
      {
        name: "b.txt",
        bytes: bytes("Contract row\n\nCouncillors backed a deal worth up to $50 million on Tuesday evening, officials said."),
      },
      options,
      reviewer,
    );
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: a!.documentId! } });
    const other = await getDb().document.findUniqueOrThrow({ where: { id: b!.documentId! } });
    await expect(
      addPassageSource({
        projectId: project.id,
        claimId: claim.id,
        passage: { documentId: a!.documentId!, start: 0, end: 10, stance: "supports" },
        actor: reviewer,
      }),
    ).rejects.toThrow(/own source/);
    const link = (await addPassageSource({
      projectId: project.id,
      claimId: claim.id,
      passage: { documentId: other.id, start: 0, end: other.text.length, stance: "refutes" },
      actor: reviewer,
    }))!;
    expect(link).toMatchObject({ stance: "refutes", quote: other.text, passageStart: 0 });
    const source = await getDb().source.findUniqueOrThrow({ where: { id: link.sourceId } });
    expect(source).toMatchObject({ documentId: other.id, title: "Contract row", url: null });
  });

  it("ignores claims and links of another project", async () => {
    const a = await setup(1);
    const b = await setup(1);
    expect(
      await addExternalSource({
        projectId: a.project.id,
        claimId: b.claims[0]!.id,
        source: { url: "https://example.org/y", stance: "supports" },
        actor: a.reviewer,
      }),
    ).toBeNull();
    const link = (await addExternalSource({
      projectId: b.project.id,
      claimId: b.claims[0]!.id,
      source: { url: "https://example.org/y", stance: "supports" },
      actor: b.reviewer,
    }))!;
    const cookie = await cookieFor(a.members.owner.id);
    const ownClaimId = String(a.claims[0]!.id);
    const outcome = await callRoute(
      claimPage.action,
      buildRequest(`/projects/${a.project.slug}/claims/${ownClaimId}`, {
        cookie,
        form: { intent: "remove-source", linkId: String(link.id) },
      }),
      { slug: a.project.slug, claimId: ownClaimId },
    );
    expect(outcome.status).toBe(404);
    expect((await getDb().claimSource.findUniqueOrThrow({ where: { id: link.id } })).removedAt).toBeNull();
  });

  it("CLI source add prints JSON and refuses bad input in one line", async () => {
    const { claims, members } = await setup(1);
    let stdout = "";
    let stderr = "";
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => "" };
    const ok = await runCli(
      [
        "source",
        "add",
        "--claim",
        String(claims[0]!.id),
        "--url",
        "https://example.org/z?fbclid=1",
        "--stance",
        "supports",
        "--quote",
        "Quote",
        "--as",
        members.reviewer.username,
        "--json",
      ],
      io,
    );
    expect(ok).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ claimId: claims[0]!.id, url: "https://example.org/z", stance: "supports" });
    const bad = await runCli(
      [
        "source",
        "add",
        "--claim",
        String(claims[0]!.id),
        "--url",
        "javascript:alert(1)",
        "--stance",
        "supports",
        "--as",
        members.reviewer.username,
      ],
      io,
    );
    expect(bad).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

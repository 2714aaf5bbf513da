import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { resetConfigForTests } from "../../app/config.server";
import { getDb } from "../../app/db.server";
import { paths } from "../../app/lib/paths";
import { addManualClaim, listClaims, setClaimDismissed } from "../../app/models/claim.server";
import { importFile } from "../../app/models/import.server";
import { IMPORT_THREAD_NICENESS } from "../../app/services/import-worker/thread-priority";
import * as documents from "../../app/routes/project.documents";
import * as reader from "../../app/routes/project.document";
import * as importEndpoint from "../../app/routes/project.documents.import";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/import");
const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, name))) });
const options = { maxBytes: 20 * 1_048_576, threshold: null };
const actor = { id: null, name: "test" };

/** The nice value of each thread of this process (field 19 of /proc/self/task/<id>/stat). */
function threadNiceValues(): number[] {
  return fs.readdirSync("/proc/self/task").map((id) => {
    const stat = fs.readFileSync(`/proc/self/task/${id}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

/** Uploads a WordPress export through the Documents view's import endpoint, as the drop zone sends it; the results it answers with. */
async function uploadBatch(options: { slug: string; cookie: string; json: string }) {
  const form = new FormData();
  form.append("files", new Blob([options.json]), "batch.json");
  const request = new Request(`http://localhost/projects/${options.slug}/documents/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: options.cookie },
  });
  const outcome = await callRoute(importEndpoint.action, request, { slug: options.slug });
  expect(outcome.status).toBe(200);
  return (outcome.body as { results: Array<{ file: string; status: string; error?: string; title: string | null }> }).results;
}

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => "" });
  return { code, stdout, stderr };
}

// The first upload through a route starts the import thread (parsers and language model: seconds on a busy machine).
describe("importing articles", { timeout: 120_000 }, () => {
  it("stores metadata, the text hash and extracted claims whose anchors round-trip, with an audit event", async () => {
    const { project } = await makeProjectWithTeam();
    const [result] = await importFile(project.id, fixture("ferry-v1.html"), options, actor);
    expect(result).toMatchObject({ status: "imported", title: "Ferry operator raises fares by 12 percent" });
    const document = await getDb().document.findUniqueOrThrow({ where: { id: result!.documentId! }, include: { claims: true } });
    expect(document).toMatchObject({
      outlet: "Coastline Daily",
      author: "Mara Quint",
      url: "https://coastline.example/ferry-fares",
      format: "html",
      version: 1,
    });
    expect(document.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(document.claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of document.claims) expect(document.text.slice(claim.start, claim.end)).toBe(claim.text);
    const speakers = document.claims.map((c) => c.speaker);
    expect(speakers).toContain("Leon Abara");
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "document.imported" } });
    expect(JSON.parse(event.details)).toMatchObject({ title: document.title, fileName: "ferry-v1.html", textHash: document.textHash });
  });

  it("reports and skips an exact duplicate", async () => {
    const { project } = await makeProjectWithTeam();
    const [first] = await importFile(project.id, fixture("clinic.md"), options, actor);
    const [second] = await importFile(project.id, { name: "renamed-copy.md", bytes: fixture("clinic.md").bytes }, options, actor);
    expect(second).toMatchObject({ status: "duplicate", documentId: first!.documentId });
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("imports the good files of a batch and reports each bad one", async () => {
    const { project, members } = await makeProjectWithTeam();
    const cookie = await cookieFor(members.editor.id);
    const form = new FormData();
    for (const name of ["posts.json", "broken.json", "scan.pdf", "clinic.md"]) form.append("files", new Blob([fixture(name).bytes]), name);
    const request = new Request(`http://localhost/projects/${project.slug}/documents`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    });
    const outcome = await callRoute(documents.action, request, { slug: project.slug });
    expect(outcome.status).toBe(200);
    const results = (outcome.body as { results: Array<{ file: string; status: string; error?: string }> }).results;
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ["posts.json", "imported"],
      ["posts.json", "imported"],
      ["broken.json", "error"],
      ["scan.pdf", "error"],
      ["clinic.md", "imported"],
    ]);
    expect(results.find((r) => r.file === "scan.pdf")?.error).toContain("unsupported file type");
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("imports each post of a WordPress batch on its own: the broken one gets its own error, the good ones are stored", async () => {
    const { project, members } = await makeProjectWithTeam();
    const posts = JSON.parse(new TextDecoder().decode(fixture("posts.json").bytes)) as Array<Record<string, unknown>>;
    const batch = [posts[0], { id: 9, title: { rendered: "No content" } }, posts[1]];
    const results = await uploadBatch({ slug: project.slug, cookie: await cookieFor(members.editor.id), json: JSON.stringify(batch) });
    expect(results.map((r) => [r.status, r.title ?? r.error])).toEqual([
      ["imported", "Library reopens"],
      ["error", expect.stringMatching(/^post 2 is not a WordPress post: content/)],
      ["imported", "Bus route cut"],
    ]);
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("refuses an article over IMPORT_MAX_ARTICLE_BYTES on its own, through the upload and the CLI, and stores the other posts", async () => {
    const { project, members } = await makeProjectWithTeam();
    const posts = JSON.parse(new TextDecoder().decode(fixture("posts.json").bytes)) as Array<Record<string, unknown>>;
    const long = {
      id: 9,
      title: { rendered: "Very long post" },
      content: { rendered: `<p>${"The council said fares rose. ".repeat(400)}</p>` },
    };
    const batch = JSON.stringify([posts[0], long, posts[1]]);
    const mainPriority = os.getPriority();
    process.env.IMPORT_MAX_ARTICLE_BYTES = "5000";
    resetConfigForTests();
    try {
      const results = await uploadBatch({ slug: project.slug, cookie: await cookieFor(members.editor.id), json: batch });
      expect(results.map((r) => [r.status, r.title ?? r.error])).toEqual([
        ["imported", "Library reopens"],
        ["error", expect.stringMatching(/^the article "Very long post" holds 0\.0 MB of text; one article may hold at most 0\.0 MB/)],
        ["imported", "Bus route cut"],
      ]);
      // The import thread that read it runs below the requests' priority (Linux: each thread has its own nice value).
      if (process.platform === "linux") {
        expect(threadNiceValues()).toContain(IMPORT_THREAD_NICENESS);
        expect(os.getPriority()).toBe(mainPriority);
      }
      const { project: other } = await makeProjectWithTeam();
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-limit-")), "batch.json");
      fs.writeFileSync(file, batch);
      const run = await cli(["import", "--project", other.slug, "--json", file]);
      // Exit 1 says one file's article was refused; the others are stored and listed.
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/"Very long post" holds .* IMPORT_MAX_ARTICLE_BYTES/);
      expect((JSON.parse(run.stdout) as Array<{ status: string }>).map((r) => r.status)).toEqual(["imported", "error", "imported"]);
    } finally {
      delete process.env.IMPORT_MAX_ARTICLE_BYTES;
      resetConfigForTests();
    }
  });

  it("imports a changed version of the same URL and re-anchors its claims, flagging those it cannot place", async () => {
    const { project } = await makeProjectWithTeam();
    const [v1] = await importFile(project.id, fixture("ferry-v1.html"), options, actor);
    const before = await listClaims(project.id, { includeDismissed: true });
    const abara = before.find((c) => c.text.startsWith("Harbourmaster Leon Abara"))!;
    const ticket = before.find((c) => c.text.startsWith("A return ticket"))!;
    const [v2] = await importFile(project.id, fixture("ferry-v2.html"), options, actor);
    expect(v2).toMatchObject({ status: "imported", version: 2, needsReanchoring: 1 });
    const old = await getDb().document.findUniqueOrThrow({ where: { id: v1!.documentId! } });
    expect(old.supersededAt).not.toBeNull();
    const after = await listClaims(project.id, { includeDismissed: true });
    // Every claim moved to the new version; none was dropped.
    expect(after.every((c) => c.documentId === v2!.documentId)).toBe(true);
    const movedTicket = after.find((c) => c.id === ticket.id)!;
    expect(movedTicket).toMatchObject({ anchorState: "anchored", text: "A return ticket to Gull Island will cost $39, up from $34." });
    const newText = (await getDb().document.findUniqueOrThrow({ where: { id: v2!.documentId! } })).text;
    expect(newText.slice(movedTicket.start, movedTicket.end)).toBe(movedTicket.text);
    expect(after.find((c) => c.id === abara.id)).toMatchObject({ anchorState: "needs_reanchoring", text: abara.text });
    // The new sentence is proposed as a new claim.
    expect(after.some((c) => c.text === "The operator blamed rising fuel costs for the increase.")).toBe(true);
    const page = await callRoute(
      reader.loader,
      buildRequest(`/projects/${project.slug}/documents/${v2!.documentId}`, {
        cookie: await cookieFor((await getDb().membership.findFirstOrThrow({ where: { projectId: project.id, role: "viewer" } })).userId),
      }),
      {
        slug: project.slug,
        documentId: String(v2!.documentId),
      },
    );
    expect((page.body as { needsReanchoring: Array<{ id: number }> }).needsReanchoring.map((c) => c.id)).toEqual([abara.id]);
  });
});

describe("claims by hand", () => {
  it("a reviewer adds a claim from a selection and by quote; a viewer cannot", async () => {
    const { project, members } = await makeProjectWithTeam();
    const [imported] = await importFile(project.id, fixture("clinic.md"), options, actor);
    const documentId = String(imported!.documentId);
    const document = await getDb().document.findUniqueOrThrow({ where: { id: imported!.documentId! } });
    const phrase = "9,800 patients last year";
    const start = document.text.indexOf(phrase);
    const path = `/projects/${project.slug}/documents/${documentId}`;
    const params = { slug: project.slug, documentId };
    const reviewer = await cookieFor(members.reviewer.id);
    const added = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim", start: String(start - 1), end: String(start + phrase.length) } }),
      params,
    );
    // A plain form post works: the action redirects to the reader with the new claim selected.
    expect(added.status).toBe(302);
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: imported!.documentId!, origin: "manual" } });
    expect(added.location).toBe(paths.document(project.slug, documentId, { claim: claim.id }));
    // The space before the selection is trimmed off.
    expect(claim).toMatchObject({ text: phrase, origin: "manual", start, end: start + phrase.length, createdById: members.reviewer.id });
    // The one-visit notice: the next load of the reader says the claim was just added, and clears the notice.
    const notice = added.headers.get("Set-Cookie")!;
    expect(notice).toMatch(new RegExp(`^claimdesk_added_claim=${claim.id};.*HttpOnly`));
    const landed = await callRoute(
      reader.loader,
      buildRequest(added.location!, { cookie: `${reviewer}; ${notice.split(";")[0]}` }),
      params,
    );
    expect(landed.body).toMatchObject({ selectedClaim: { id: claim.id }, justAdded: true });
    expect(landed.headers.get("Set-Cookie")).toMatch(/^claimdesk_added_claim=;.*Max-Age=0/);
    const again = await callRoute(reader.loader, buildRequest(added.location!, { cookie: reviewer }), params);
    expect(again.body).toMatchObject({ selectedClaim: { id: claim.id }, justAdded: false });
    expect(again.headers.get("Set-Cookie")).toBeNull();

    // From the reader showing dismissed candidates, the redirect keeps showing them.
    const byQuote = await callRoute(
      reader.action,
      buildRequest(`${path}?dismissed=1`, {
        cookie: reviewer,
        form: { intent: "add-claim-by-quote", quote: "close on Saturdays from March" },
      }),
      params,
    );
    expect(byQuote.status).toBe(302);
    const quoted = await getDb().claim.findFirstOrThrow({
      where: { documentId: imported!.documentId!, origin: "manual", text: { contains: "close on Saturdays" } },
    });
    expect(byQuote.location).toBe(paths.document(project.slug, documentId, { claim: quoted.id, dismissed: true }));

    // Refusals: 400 with the message beside the field of the form that was used, and no redirect.
    const missing = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim-by-quote", quote: "words that are not there" } }),
      params,
    );
    expect(missing).toMatchObject({
      status: 400,
      location: null,
      body: {
        ok: false,
        form: "add-claim-by-quote",
        fieldErrors: { quote: "That text does not appear in the article exactly as pasted." },
      },
    });
    const outside = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim", start: "0", end: String(document.text.length + 5) } }),
      params,
    );
    expect(outside).toMatchObject({
      status: 400,
      location: null,
      body: { ok: false, form: "add-claim", fieldErrors: { selection: "The selection is not inside the article's text." } },
    });
    const tooShort = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim", start: String(start), end: String(start + 1) } }),
      params,
    );
    expect(tooShort).toMatchObject({
      status: 400,
      body: { form: "add-claim", fieldErrors: { selection: "Select at least a few words." } },
    });
    const garbled = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim", start: "x", end: "9" } }),
      params,
    );
    expect(garbled).toMatchObject({ status: 400, body: { form: "add-claim", fieldErrors: { selection: expect.any(String) } } });
    const duplicate = await callRoute(
      reader.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "add-claim", start: String(start), end: String(start + phrase.length) } }),
      params,
    );
    expect(duplicate).toMatchObject({ status: 400, body: { fieldErrors: { selection: "That passage is already a claim." } } });
    const viewer = await callRoute(
      reader.action,
      buildRequest(path, {
        cookie: await cookieFor(members.viewer.id),
        form: { intent: "add-claim", start: String(start), end: String(start + 5) },
      }),
      params,
    );
    expect(viewer.status).toBe(403);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "claim.created" } })).toBe(2);
  });

  it("dismissing needs an editor and the current version; restoring is open to reviewers", async () => {
    const { project, members } = await makeProjectWithTeam();
    const [imported] = await importFile(project.id, fixture("clinic.md"), options, actor);
    const claim = (await listClaims(project.id))[0]!;
    const path = `/projects/${project.slug}/documents/${imported!.documentId}`;
    const params = { slug: project.slug, documentId: String(imported!.documentId) };
    const asReviewer = await callRoute(
      reader.action,
      buildRequest(path, {
        cookie: await cookieFor(members.reviewer.id),
        form: { intent: "dismiss", claimId: String(claim.id), version: String(claim.version) },
      }),
      params,
    );
    expect(asReviewer.status).toBe(403);
    const editor = await cookieFor(members.editor.id);
    const dismissed = await callRoute(
      reader.action,
      buildRequest(path, { cookie: editor, form: { intent: "dismiss", claimId: String(claim.id), version: String(claim.version) } }),
      params,
    );
    expect(dismissed.status).toBe(200);
    const stale = await callRoute(
      reader.action,
      buildRequest(path, { cookie: editor, form: { intent: "restore", claimId: String(claim.id), version: String(claim.version) } }),
      params,
    );
    expect(stale.status).toBe(409);
    await expect(
      setClaimDismissed({ projectId: project.id, claimId: claim.id, dismissed: false, expectedVersion: claim.version, actor }),
    ).rejects.toMatchObject({ code: "stale_version" });
    const restored = await callRoute(
      reader.action,
      buildRequest(path, {
        cookie: await cookieFor(members.reviewer.id),
        form: { intent: "restore", claimId: String(claim.id), version: String(claim.version + 1) },
      }),
      params,
    );
    expect(restored.status).toBe(200);
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).dismissed).toBe(false);
  });

  it("refuses claims on an article of another project", async () => {
    const a = await makeProjectWithTeam();
    const b = await makeProjectWithTeam();
    const [imported] = await importFile(b.project.id, fixture("clinic.md"), options, actor);
    expect(
      await addManualClaim({ projectId: a.project.id, documentId: imported!.documentId!, range: { start: 0, end: 10 }, actor }),
    ).toBeNull();
    const outcome = await callRoute(
      reader.loader,
      buildRequest(`/projects/${a.project.slug}/documents/${imported!.documentId}`, { cookie: await cookieFor(a.members.owner.id) }),
      { slug: a.project.slug, documentId: String(imported!.documentId) },
    );
    expect(outcome.status).toBe(404);
  });
});

describe("import permissions", () => {
  it("viewers and reviewers cannot import, in the page or through the upload endpoint", async () => {
    const { project, members } = await makeProjectWithTeam();
    for (const role of ["viewer", "reviewer"] as const) {
      const cookie = await cookieFor(members[role].id);
      for (const route of [documents.action, importEndpoint.action]) {
        const form = new FormData();
        form.append("files", new Blob([fixture("clinic.md").bytes]), "clinic.md");
        const request = new Request(`http://localhost/projects/${project.slug}/documents`, {
          method: "POST",
          body: form,
          headers: { Cookie: cookie },
        });
        expect((await callRoute(route, request, { slug: project.slug })).status).toBe(403);
      }
    }
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("CLI import and claims", () => {
  it("prints the documented JSON and refuses --as a viewer", async () => {
    const { project, members } = await makeProjectWithTeam();
    const files = ["posts.json", "broken.json", "clinic.md"].map((name) => path.join(fixtures, name));
    const refused = await cli(["import", "--project", project.slug, "--as", members.viewer.username, ...files]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/does not allow/);
    const result = await cli(["import", "--project", project.slug, "--as", members.editor.username, ...files, "--json"]);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.status)).toEqual(["imported", "imported", "error", "imported"]);
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(
        row.status === "error"
          ? ["claims", "documentId", "error", "file", "status", "title"]
          : ["claims", "documentId", "file", "status", "title"],
      );
    const again = await cli(["import", "--project", project.slug, files[2]!, "--json"]);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: "duplicate" });

    const claims = await cli(["claims", "--project", project.slug, "--status", "unverified", "--json"]);
    const list = JSON.parse(claims.stdout) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThan(0);
    expect(Object.keys(list[0]!).sort()).toEqual([
      "checkworthiness",
      "documentId",
      "documentTitle",
      "end",
      "id",
      "reasons",
      "speaker",
      "start",
      "status",
      "text",
      "version",
    ]);
    const withDismissed = JSON.parse(
      (await cli(["claims", "--project", project.slug, "--include-dismissed", "--json"])).stdout,
    ) as unknown[];
    expect(withDismissed.length).toBeGreaterThanOrEqual(list.length);
    expect((await cli(["claims", "--project", project.slug, "--status", "maybe"])).code).toBe(2);
  });
});

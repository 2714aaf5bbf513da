import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { resetConfigForTests } from "../../app/config.server";
import { getDb } from "../../app/db.server";
import { parseImportFile } from "../../app/lib/import/parse-file";
import { importArticle } from "../../app/models/document.server";
import { createImportJobs } from "../../app/models/import-jobs/create-import-jobs.server";
import { recordImportJobItem } from "../../app/models/import-jobs/import-job-progress.server";
import { leaseNextImportJob } from "../../app/models/import-jobs/lease-import-job.server";
import * as importEndpoint from "../../app/routes/project.documents.import";
import * as importJobs from "../../app/routes/project.documents.imports";
import { runImportJobsNow } from "../../app/services/import-runner.server";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

// Invented posts: a WordPress array of three, the shape of /wp-json/wp/v2/posts.
const posts = [
  ["Harbour dredging", "The port authority spent 4 million euros on dredging in 2025, its director said."],
  ["School meals", "Free school meals now reach 12,000 pupils, up from 9,500 a year ago, the council said."],
  ["Tram delays", "Trams ran late on 31 percent of days in October, according to the operator's figures."],
].map(([title, body], index) => ({
  id: index + 1,
  date_gmt: "2026-03-0" + (index + 1) + "T09:00:00",
  link: `https://harbourpost.example/${index + 1}/`,
  title: { rendered: title },
  content: { rendered: `<p>${body}</p>` },
}));
const batch = new TextEncoder().encode(JSON.stringify(posts));
const actor = { id: null, name: "test" };

const configuredWait = process.env.IMPORT_WAIT_SECONDS;
afterEach(() => {
  if (configuredWait === undefined) delete process.env.IMPORT_WAIT_SECONDS;
  else process.env.IMPORT_WAIT_SECONDS = configuredWait;
  resetConfigForTests();
});

// The first job starts the import thread, which loads the parsers and the language model.
describe("import jobs", { timeout: 180_000 }, () => {
  it("resumes a job whose process stopped after one article: the rest are stored once, none twice", async () => {
    // The worker's database is shared with the test files before this one: a job they left unfinished is older
    // than ours and would be leased first.
    await getDb().importJob.updateMany({
      where: { status: { in: ["queued", "running"] } },
      data: { status: "failed", error: "left by an earlier test" },
    });
    const { project } = await makeProjectWithTeam();
    const [jobId] = await createImportJobs({ project, inputs: [{ source: "file", fileName: "harbour.json", bytes: batch }], actor });
    // A process takes the job, stores the first post with its item, then dies (its lease is left to run out).
    const leased = await leaseNextImportJob({ owner: "gone:1", leaseMs: 60_000 });
    expect(leased?.id).toBe(jobId);
    const first = parseImportFile("harbour.json", batch, 1_000_000)[0]!;
    if (!first.ok) throw new Error(first.error);
    await importArticle(
      project.id,
      first.article,
      {
        fileName: "harbour.json",
        threshold: null,
        onStored: (tx, stored) => recordImportJobItem(tx, { jobId: jobId!, position: 0, result: { file: "harbour.json", ...stored } }),
      },
      actor,
    );
    // While the lease holds, no other process takes the job.
    expect(await leaseNextImportJob({ owner: "other:2", leaseMs: 60_000 })).toBeNull();
    await getDb().importJob.update({ where: { id: jobId }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });

    await runImportJobsNow();

    const job = await getDb().importJob.findUniqueOrThrow({ where: { id: jobId }, include: { items: { orderBy: { position: "asc" } } } });
    expect(job).toMatchObject({ status: "done", totalItems: 3, doneItems: 3, errorItems: 0 });
    expect(job.items.map((item) => [item.position, item.status])).toEqual([
      [0, "imported"],
      [1, "imported"],
      [2, "imported"],
    ]);
    expect(job.payload.byteLength).toBe(0);
    const documents = await getDb().document.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(documents.map((d) => d.title)).toEqual(["Harbour dredging", "School meals", "Tram delays"]);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "document.imported" } })).toBe(3);
  });

  it("answers 202 with the job when the import outlasts IMPORT_WAIT_SECONDS, and lists its progress", async () => {
    process.env.IMPORT_WAIT_SECONDS = "0";
    resetConfigForTests();
    const { project, members } = await makeProjectWithTeam();
    const form = new FormData();
    form.append("files", new Blob([batch]), "harbour.json");
    const request = new Request(`http://localhost/projects/${project.slug}/documents/import`, {
      method: "POST",
      body: form,
      headers: { Cookie: await cookieFor(members.editor.id) },
    });
    const outcome = await callRoute(importEndpoint.action, request, { slug: project.slug });
    expect(outcome.status).toBe(202);
    const [accepted] = (outcome.body as { jobs: Array<{ id: number; fileName: string; status: string }> }).jobs;
    expect(accepted).toMatchObject({ fileName: "harbour.json" });
    expect(["queued", "running"]).toContain(accepted!.status);

    await runImportJobsNow();
    const viewer = await cookieFor(members.viewer.id);
    const listed = await callRoute(importJobs.loader, buildRequest(`/projects/${project.slug}/documents/imports`, { cookie: viewer }), {
      slug: project.slug,
    });
    expect(listed.status).toBe(200);
    expect((listed.body as { jobs: unknown[] }).jobs).toEqual([
      expect.objectContaining({ id: accepted!.id, status: "done", totalItems: 3, doneItems: 3, errorItems: 0 }),
    ]);
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(3);

    let stdout = "";
    const code = await runCli(["imports", "--project", project.slug, "--json"], {
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
      readStdin: async () => "",
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ id: accepted!.id, fileName: "harbour.json", status: "done" })]);
  });

  it("records a file that cannot be read as one refused item, and a failed job reports why", async () => {
    const { project } = await makeProjectWithTeam();
    const [jobId] = await createImportJobs({
      project,
      inputs: [{ source: "file", fileName: "notes.pdf", bytes: new TextEncoder().encode("%PDF-1.4") }],
      actor,
    });
    await runImportJobsNow();
    const job = await getDb().importJob.findUniqueOrThrow({ where: { id: jobId }, include: { items: true } });
    expect(job).toMatchObject({ status: "done", totalItems: 1, doneItems: 0, errorItems: 1 });
    expect(JSON.parse(job.items[0]!.result)).toMatchObject({
      file: "notes.pdf",
      status: "error",
      error: expect.stringContaining("unsupported"),
    });
  });
});

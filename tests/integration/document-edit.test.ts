import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { importFile } from "../../app/models/import.server";
import { addPassageSource } from "../../app/models/source.server";
import * as documentPage from "../../app/routes/project.document";
import * as settingsPage from "../../app/routes/project.settings";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const HEADLINELESS =
  "As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said the ferry timetable would be cut by a third from March.\n\nThe mayor said 1,200 commuters use the morning boats.";
const OTHER = "Ferry cuts\n\nPort Alder's mayor said on Tuesday that 1,200 commuters use the morning boats every weekday.";

async function setup() {
  const team = await makeProjectWithTeam();
  const editor = { id: team.members.editor.id, name: team.members.editor.username };
  const [first] = await importFile(
    team.project.id,
    { name: "000_8ac80d81abd7ce2c.txt", bytes: new TextEncoder().encode(HEADLINELESS) },
    { maxBytes: 1_000_000, threshold: 0 },
    editor,
  );
  const [second] = await importFile(
    team.project.id,
    { name: "b.txt", bytes: new TextEncoder().encode(OTHER) },
    { maxBytes: 1_000_000, threshold: 0 },
    editor,
  );
  return { ...team, documentId: first!.documentId!, otherId: second!.documentId! };
}

function post(slug: string, documentId: number, cookie: string, form: Record<string, string>) {
  return callRoute(documentPage.action, buildRequest(`/projects/${slug}/documents/${documentId}`, { cookie, form }), {
    slug,
    documentId: String(documentId),
  });
}

describe("editing a document's details on its page", () => {
  it("invites a correction of a derived title, saves the editor's details with before and after, and passage sources follow", async () => {
    const { project, members, documentId, otherId } = await setup();
    const editorCookie = await cookieFor(members.editor.id);
    const page = await callRoute(
      documentPage.loader,
      buildRequest(`/projects/${project.slug}/documents/${documentId}`, { cookie: editorCookie }),
      { slug: project.slug, documentId: String(documentId) },
    );
    const loaded = page.body as Awaited<ReturnType<typeof documentPage.loader>>["data"];
    expect(loaded.document.titleDerived).toBe(true);
    expect(loaded.canEditDetails).toBe(true);
    expect(loaded.history.map((h) => h.line.did.join(""))).toEqual([
      "imported the article (from 000_8ac80d81abd7ce2c.txt, 2 claims proposed)",
    ]);

    // A claim of the other article cites a passage of this one: the source shows this article's details.
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: otherId } });
    await addPassageSource({
      projectId: project.id,
      claimId: claim.id,
      passage: { documentId, start: 0, end: 40, stance: "supports", note: null },
      actor: { id: members.reviewer.id, name: members.reviewer.username },
    });

    const saved = await post(project.slug, documentId, editorCookie, {
      intent: "edit-details",
      title: "Ferry timetable cut by a third",
      outlet: "Port Alder Courier",
      author: "",
      url: "https://courier.example/ferry",
      publishedAt: "2026-03-02",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ detailsSaved: true });
    const stored = await getDb().document.findUniqueOrThrow({ where: { id: documentId } });
    expect(stored).toMatchObject({
      title: "Ferry timetable cut by a third",
      titleDerived: false,
      outlet: "Port Alder Courier",
      author: null,
    });
    expect(stored.publishedAt?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    const source = await getDb().source.findFirstOrThrow({ where: { projectId: project.id, documentId } });
    expect(source).toMatchObject({ title: "Ferry timetable cut by a third", outlet: "Port Alder Courier" });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "document.details_edited", targetId: String(documentId) } });
    expect(JSON.parse(event.details).changes.title).toEqual({
      from: "As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said…",
      to: "Ferry timetable cut by a third",
    });

    // Saving the same day again keeps the stored time and records nothing.
    await getDb().document.update({ where: { id: documentId }, data: { publishedAt: new Date("2026-03-02T18:30:00Z") } });
    await post(project.slug, documentId, editorCookie, {
      intent: "edit-details",
      title: "Ferry timetable cut by a third",
      outlet: "Port Alder Courier",
      author: "",
      url: "https://courier.example/ferry",
      publishedAt: "2026-03-02",
    });
    expect((await getDb().document.findUniqueOrThrow({ where: { id: documentId } })).publishedAt?.toISOString()).toBe(
      "2026-03-02T18:30:00.000Z",
    );
    expect(await getDb().auditEvent.count({ where: { action: "document.details_edited", targetId: String(documentId) } })).toBe(1);
  });

  it("answers bad fields with field errors (400) and a reviewer with 403, changing nothing", async () => {
    const { project, members, documentId } = await setup();
    const bad = await post(project.slug, documentId, await cookieFor(members.editor.id), {
      intent: "edit-details",
      title: "",
      outlet: "",
      author: "",
      url: "ftp://files.example/x",
      publishedAt: "next tuesday",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      title: "Enter a title",
      url: expect.stringContaining("Only http and https"),
      publishedAt: expect.stringContaining("Use a date"),
    });
    const forbidden = await post(project.slug, documentId, await cookieFor(members.reviewer.id), {
      intent: "edit-details",
      title: "Mine",
      outlet: "",
      author: "",
      url: "",
      publishedAt: "",
    });
    expect(forbidden.status).toBe(403);
    expect(await getDb().auditEvent.count({ where: { action: "document.details_edited", projectId: project.id } })).toBe(0);
  });
});

describe("the project's time zone in settings", () => {
  it("saves an IANA name and refuses an unknown one with a field error", async () => {
    const { project, members } = await makeProjectWithTeam();
    const cookie = await cookieFor(members.owner.id);
    const save = (timeZone: string) =>
      callRoute(
        settingsPage.action,
        buildRequest(`/projects/${project.slug}/settings`, { cookie, form: { intent: "time-zone", timeZone } }),
        {
          slug: project.slug,
        },
      );
    const bad = await save("Atlantis/Capital");
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string> }).fieldErrors.timeZone).toContain("is not a time zone name");
    expect((await save("europe/lisbon")).status).toBe(200);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).timeZone).toBe("Europe/Lisbon");
    const editorTry = await callRoute(
      settingsPage.action,
      buildRequest(`/projects/${project.slug}/settings`, {
        cookie: await cookieFor(members.editor.id),
        form: { intent: "time-zone", timeZone: "UTC" },
      }),
      { slug: project.slug },
    );
    expect(editorTry.status).toBe(403);
  });
});

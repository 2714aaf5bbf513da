import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { importFile } from "../../app/models/import.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { makeProjectWithTeam } from "../support/factories";

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

/** A failure: one line on stderr naming the problem, nothing on stdout. */
async function expectFailure(argv: string[], code: number, fragment: string | RegExp) {
  const result = await cli(argv);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(fragment);
}

const HEADLINELESS =
  "As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said the ferry timetable would be cut by a third from March.\n\nThe mayor said 1,200 commuters use the morning boats.\n\nThe authority did not comment.";

describe("claimdesk project settings", () => {
  it("sets the publisher, time zone, evidence rule and threshold, audited, and prints them with --json", async () => {
    const { project, members } = await makeProjectWithTeam();
    const result = await cli([
      "project",
      "settings",
      "--project",
      project.slug,
      "--publisher-name",
      "Harbour Checks",
      "--publisher-url",
      "HTTPS://Checks.Example.org/",
      "--time-zone",
      "america/new_york",
      "--require-source",
      "off",
      "--threshold",
      "0.55",
      "--as",
      members.owner.username,
      "--json",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({
      project: project.slug,
      publisherName: "Harbour Checks",
      publisherUrl: "https://checks.example.org",
      timeZone: "America/New_York",
      requireSourceForVerdict: false,
      secondReview: false,
      claimThreshold: 0.55,
    });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "project.settings_changed" } });
    expect(event.actorName).toBe(members.owner.username);
    expect(JSON.parse(event.details)).toMatchObject({ timeZone: { from: "UTC", to: "America/New_York" } });
    // No setting named: the settings are printed, nothing is changed.
    const shown = await cli(["project", "settings", "--project", project.slug, "--json"]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ timeZone: "America/New_York", publisherName: "Harbour Checks" });
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "project.settings_changed" } })).toBe(1);
    const cleared = await cli([
      "project",
      "settings",
      "--project",
      project.slug,
      "--threshold",
      "default",
      "--publisher-url",
      "",
      "--json",
    ]);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ claimThreshold: null, publisherUrl: null });
  });

  it("refuses an unknown time zone, a bad address, a bad threshold and a role that may not change settings", async () => {
    const { project, members } = await makeProjectWithTeam();
    const base = ["project", "settings", "--project", project.slug];
    await expectFailure([...base, "--time-zone", "Mars/Olympus"], 2, /--time-zone: "Mars\/Olympus" is not a time zone name/);
    await expectFailure([...base, "--time-zone", "EST"], 2, /--time-zone/);
    await expectFailure([...base, "--publisher-url", "checks dot example"], 2, /--publisher-url: This is not a valid web address/);
    await expectFailure([...base, "--threshold", "2"], 2, /--threshold: Enter a number between 0 and 1/);
    await expectFailure([...base, "--require-source", "maybe"], 2, /--require-source: must be on or off/);
    await expectFailure([...base, "--time-zone", "UTC", "--as", members.editor.username], 4, /does not allow this/);
    await expectFailure([...base, "--time-zone", "UTC", "--as", "nobody-here"], 1, /no active user named "nobody-here"/);
    await expectFailure(["project", "settings", "--project", "no-such-project", "--time-zone", "UTC"], 1, /no project/);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).timeZone).toBe("UTC");
  });
});

describe("claimdesk assign", () => {
  it("assigns and unassigns with --json, audited as the --as user, and exits 3 on a stale version", async () => {
    const { project, members } = await makeProjectWithTeam();
    await seedLargeDemo({ projectId: project.id, count: 1, actor: { id: null, name: "test" } });
    const claim = await getDb().claim.findFirstOrThrow({ where: { projectId: project.id } });
    const assigned = await cli([
      "assign",
      "--claim",
      String(claim.id),
      "--to",
      members.reviewer.username,
      "--as",
      members.editor.username,
      "--expect-version",
      String(claim.version),
      "--json",
    ]);
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(JSON.parse(assigned.stdout)).toEqual({ id: claim.id, assignee: members.reviewer.username, version: claim.version + 1 });
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBe(members.reviewer.id);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "claim.assigned", targetId: String(claim.id) } });
    expect(event.actorId).toBe(members.editor.id);

    await expectFailure(
      ["assign", "--claim", String(claim.id), "--to", "none", "--as", members.editor.username, "--expect-version", String(claim.version)],
      3,
      /stale version/,
    );
    const none = await cli(["assign", "--claim", String(claim.id), "--to", "none", "--as", members.editor.username, "--json"]);
    expect(JSON.parse(none.stdout)).toMatchObject({ assignee: null });
  });

  it("refuses an unknown user, someone who cannot review, a role that may not assign and an unknown claim", async () => {
    const { project, members, outsider } = await makeProjectWithTeam();
    await seedLargeDemo({ projectId: project.id, count: 1, actor: { id: null, name: "test" } });
    const claim = await getDb().claim.findFirstOrThrow({ where: { projectId: project.id } });
    const as = ["--as", members.editor.username];
    await expectFailure(["assign", "--claim", String(claim.id), "--to", "ghost-user", ...as], 2, /no active user named "ghost-user"/);
    await expectFailure(["assign", "--claim", String(claim.id), "--to", members.viewer.username, ...as], 2, /only to active members/);
    await expectFailure(["assign", "--claim", String(claim.id), "--to", outsider.username, ...as], 2, /only to active members/);
    await expectFailure(
      ["assign", "--claim", String(claim.id), "--to", members.reviewer.username, "--as", members.reviewer.username],
      4,
      /does not allow this/,
    );
    await expectFailure(["assign", "--claim", "999999999", "--to", "none", ...as], 2, /no claim with id 999999999/);
    await expectFailure(["assign", "--claim", "abc", "--to", "none", ...as], 2, /--claim/);
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
  });
});

describe("claimdesk documents and document edit", () => {
  it("lists documents with paragraphs, claims and derived titles, and corrects a document's details, audited before and after", async () => {
    const { project, members } = await makeProjectWithTeam();
    await getDb().project.update({ where: { id: project.id }, data: { timeZone: "America/New_York" } });
    const editor = { id: members.editor.id, name: members.editor.username };
    await importFile(
      project.id,
      { name: "000_8ac80d81abd7ce2c.txt", bytes: new TextEncoder().encode(HEADLINELESS) },
      { maxBytes: 1_000_000, threshold: null },
      editor,
    );
    const listed = await cli(["documents", "--project", project.slug, "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const [document] = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    const claims = await getDb().claim.count({ where: { documentId: document!.id as number, dismissed: false } });
    expect(document).toEqual({
      id: expect.any(Number),
      title: "As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said…",
      titleDerived: true,
      outlet: null,
      author: null,
      url: null,
      publishedAt: null,
      paragraphs: 3,
      claims,
      file: "000_8ac80d81abd7ce2c.txt",
    });
    expect(claims).toBeGreaterThan(0);

    const edited = await cli([
      "document",
      "edit",
      "--document",
      String(document!.id),
      "--title",
      "Ferry timetable cut by a third",
      "--outlet",
      "Port Alder Courier",
      "--url",
      "https://courier.example/ferry?utm_source=feed",
      "--published-at",
      "2026-03-02",
      "--as",
      members.editor.username,
      "--json",
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      title: "Ferry timetable cut by a third",
      titleDerived: false,
      outlet: "Port Alder Courier",
      url: "https://courier.example/ferry",
      publishedAt: "2026-03-02T05:00:00.000Z",
      changed: ["title", "outlet", "url", "publishedAt"],
    });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "document.details_edited" } });
    expect(event).toMatchObject({ actorId: members.editor.id, targetType: "document", targetId: String(document!.id) });
    expect(JSON.parse(event.details)).toEqual({
      changes: {
        title: { from: document!.title, to: "Ferry timetable cut by a third" },
        outlet: { from: null, to: "Port Alder Courier" },
        url: { from: null, to: "https://courier.example/ferry" },
        publishedAt: { from: null, to: "2026-03-02T05:00:00.000Z" },
      },
    });
    const again = JSON.parse((await cli(["documents", "--project", project.slug, "--json"])).stdout) as Array<Record<string, unknown>>;
    expect(again[0]).toMatchObject({ title: "Ferry timetable cut by a third", titleDerived: false, outlet: "Port Alder Courier" });
    const clearOutlet = await cli([
      "document",
      "edit",
      "--document",
      String(document!.id),
      "--outlet",
      "",
      "--as",
      members.editor.username,
      "--json",
    ]);
    expect(JSON.parse(clearOutlet.stdout)).toMatchObject({ outlet: null, changed: ["outlet"] });
  });

  it("refuses bad input and roles that may not edit documents, changing nothing", async () => {
    const { project, members } = await makeProjectWithTeam();
    const [imported] = await importFile(
      project.id,
      { name: "ferry.txt", bytes: new TextEncoder().encode(HEADLINELESS) },
      { maxBytes: 1_000_000, threshold: null },
      { id: members.editor.id, name: members.editor.username },
    );
    const id = String(imported!.documentId);
    const as = ["--as", members.editor.username];
    await expectFailure(["document", "edit", "--document", id, "--url", "javascript:alert(1)", ...as], 2, /--url: Only http and https/);
    await expectFailure(["document", "edit", "--document", id, "--url", "not a url", ...as], 2, /--url: This is not a valid web address/);
    await expectFailure(["document", "edit", "--document", id, "--published-at", "02/03/2026", ...as], 2, /--published-at: Use a date/);
    await expectFailure(["document", "edit", "--document", id, "--title", "  ", ...as], 2, /--title: Enter a title/);
    await expectFailure(["document", "edit", "--document", id, ...as], 2, /name at least one of/);
    await expectFailure(
      ["document", "edit", "--document", id, "--title", "X", "--as", members.reviewer.username],
      4,
      /does not allow this/,
    );
    await expectFailure(["document", "edit", "--document", "999999999", "--title", "X", ...as], 1, /no document with id 999999999/);
    await expectFailure(["document", "frobnicate"], 2, /usage: claimdesk document edit/);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "document.details_edited" } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { hasUnsafeNameChars } from "../../app/lib/text-safety";
import { getDb } from "../../app/db.server";
import { importFile } from "../../app/models/import.server";
import * as adminUsers from "../../app/routes/admin.users";
import * as projects from "../../app/routes/projects";
import * as settings from "../../app/routes/project.settings";
import { cookieFor, makeProjectWithTeam, makeUser, uniqueName } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const options = { maxBytes: 1_048_576, threshold: null };
const actor = { id: null, name: "test" };
const HOSTILE = ["Eve\u202Egnp.exe", "Bell\u0007", "Esc\u001b[2J", "Nul\u0000name", "Two\nlines"];

async function cli(argv: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
  return { code, stdout, stderr };
}

const encode = (text: string) => new TextEncoder().encode(text);
const ESCAPE_TITLE = "\u001b]0;owned\u0007Ferry \u001b[31mfares\u001b[0m rise \u202Eby 12%";
const hostileHtml = `<html><head><meta property="og:title" content="${ESCAPE_TITLE}"><meta name="author" content="Mara\u001b[8m Quint"></head>
<body><article><p>Bluewater Ferries will raise fares by 12 percent from June 1, the company said on Friday.\u0000</p></article></body></html>`;

describe("names with control or text-direction characters", () => {
  it.each(HOSTILE)("are refused with a field error in the forms: %j", async (name) => {
    const { project, admin } = await makeProjectWithTeam();
    const cookie = await cookieFor(admin.id);
    const user = await callRoute(
      adminUsers.action,
      buildRequest("/admin/users", { cookie, form: { intent: "create", username: uniqueName("u"), displayName: name } }),
    );
    expect(user).toMatchObject({ status: 400, body: { fieldErrors: { displayName: expect.stringContaining("control") } } });
    const created = await callRoute(projects.action, buildRequest("/projects", { cookie, form: { slug: uniqueName("p"), name } }));
    expect(created).toMatchObject({ status: 400, body: { fieldErrors: { name: expect.stringContaining("control") } } });
    const renamed = await callRoute(
      settings.action,
      buildRequest(`/projects/${project.slug}/settings`, { cookie, form: { intent: "rename", name } }),
      { slug: project.slug },
    );
    expect(renamed).toMatchObject({ status: 400, body: { fieldErrors: { name: expect.stringContaining("control") } } });
    const publisher = await callRoute(
      settings.action,
      buildRequest(`/projects/${project.slug}/settings`, {
        cookie,
        form: { intent: "publisher", publisherName: name, publisherUrl: "https://checks.example" },
      }),
      { slug: project.slug },
    );
    expect(publisher.status).toBe(400);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("Test project");
  });

  it("are refused by the CLI with exit 2 and nothing written", async () => {
    const username = uniqueName("cli");
    const user = await cli(
      ["user", "create", "--username", username, "--display-name", "Eve\u001b[2J", "--password-stdin"],
      "river-stone-lamp",
    );
    expect(user).toMatchObject({ code: 2, stdout: "" });
    expect(user.stderr).toMatch(/^claimdesk: --display-name: Use no control or text-direction characters\n$/);
    const slug = uniqueName("cliproj");
    const project = await cli(["project", "create", "--slug", slug, "--name", "Desk\u202E"]);
    expect(project.code).toBe(2);
    expect(await getDb().user.count({ where: { username } })).toBe(0);
    expect(await getDb().project.count({ where: { slug } })).toBe(0);
  });

  it("plain names in any script still work", async () => {
    const owner = await makeUser();
    const slug = uniqueName("cliproj");
    const created = await cli(["project", "create", "--slug", slug, "--name", "مكتب التحقق · Zoë", "--owner", owner.username]);
    expect(created.code).toBe(0);
  });
});

describe("imported titles and file names", () => {
  it("strip control and direction characters from titles, authors and text, and refuse such a file name", async () => {
    const { project } = await makeProjectWithTeam();
    const [imported] = await importFile(project.id, { name: "ferry.html", bytes: encode(hostileHtml) }, options, actor);
    expect(imported).toMatchObject({ status: "imported", title: "]0;owned Ferry [31mfares [0m rise by 12%" });
    const document = await getDb().document.findUniqueOrThrow({ where: { id: imported!.documentId! } });
    expect(document.author).toBe("Mara [8m Quint");
    expect(hasUnsafeNameChars(document.text.replace(/\n/g, " "))).toBe(false);

    const [refused] = await importFile(project.id, { name: "cod\u202Etxt.exe.txt", bytes: encode("Some article text.") }, options, actor);
    expect(refused).toMatchObject({ status: "error", error: expect.stringContaining("file name") });
  });

  it("never reach the terminal from the CLI", async () => {
    const { project, members } = await makeProjectWithTeam();
    const dir = await import("node:fs/promises").then((fs) => fs.mkdtemp(`${process.env.TMPDIR ?? "/tmp"}/names-`));
    const fs = await import("node:fs/promises");
    await fs.writeFile(`${dir}/ferry.html`, hostileHtml);
    for (const json of [false, true]) {
      const result = await cli([
        "import",
        "--project",
        project.slug,
        "--as",
        members.editor.username,
        `${dir}/ferry.html`,
        ...(json ? ["--json"] : []),
      ]);
      expect(result.stdout).toContain("Ferry");
      expect(hasUnsafeNameChars((result.stdout + result.stderr).replace(/[\n\t]/g, " "))).toBe(false);
    }
    await fs.writeFile(`${dir}/bad\u001b[2J.txt`, "Some article text.");
    const badName = await cli(["import", "--project", project.slug, `${dir}/bad\u001b[2J.txt`]);
    expect(badName).toMatchObject({ code: 2, stdout: "" });
    expect(badName.stderr).toContain("file name");
    expect(badName.stderr).not.toContain("\u001b");
  });
});

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { type Capability, type ProjectRole, can } from "../../app/lib/roles";
import { setMemberRole } from "../../app/models/project.server";
import * as account from "../../app/routes/account";
import * as adminUsers from "../../app/routes/admin.users";
import * as project from "../../app/routes/project";
import * as members from "../../app/routes/project.members";
import * as settings from "../../app/routes/project.settings";
import * as claimsPage from "../../app/routes/project.claims";
import * as claimPage from "../../app/routes/project.claim";
import * as documentsPage from "../../app/routes/project.documents";
import * as readerPage from "../../app/routes/project.document";
import * as sourcesPage from "../../app/routes/project.sources";
import * as exportPage from "../../app/routes/project.export";
import * as discrepanciesPage from "../../app/routes/project.discrepancies";
import * as factsPage from "../../app/routes/project.facts";
import * as factPage from "../../app/routes/project.fact";
import * as documentOptions from "../../app/routes/project.document-options";
import * as agreementPage from "../../app/routes/project.agreement";
import * as commentsRoute from "../../app/routes/project.claim.comments";
import * as inboxPage from "../../app/routes/inbox";
import * as importJobs from "../../app/routes/project.documents.imports";
import { importFile } from "../../app/models/import.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { approveClaim } from "../../app/models/review/sign-off.server";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";
import * as projects from "../../app/routes/projects";
import { cookieFor, makeProjectWithTeam, makeUser, uniqueName } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

type Team = Awaited<ReturnType<typeof makeProjectWithTeam>>;
type ActorName = "outsider" | ProjectRole | "admin";
const ACTORS: ActorName[] = ["outsider", "viewer", "reviewer", "editor", "owner", "admin"];

interface MatrixCase {
  name: string;
  fn: (args: never) => unknown;
  method: "GET" | "POST";
  path: (slug: string) => string;
  /** A project capability, or "admin" for global administration, or "signed-in". */
  needs: Capability | "admin" | "signed-in";
  form?: (team: Team) => Promise<Record<string, string>> | Record<string, string>;
}

const CASES: MatrixCase[] = [
  { name: "projects list", fn: projects.loader, method: "GET", path: () => "/projects", needs: "signed-in" },
  {
    name: "create project",
    fn: projects.action,
    method: "POST",
    path: () => "/projects",
    needs: "admin",
    form: () => ({ slug: uniqueName("p"), name: "New" }),
  },
  { name: "account page", fn: account.loader, method: "GET", path: () => "/account", needs: "signed-in" },
  {
    name: "email settings",
    fn: account.action,
    method: "POST",
    path: () => "/account",
    needs: "signed-in",
    form: () => ({ intent: "email-settings", email: "", mode: "off" }),
  },
  { name: "inbox page", fn: inboxPage.loader, method: "GET", path: () => "/inbox", needs: "signed-in" },
  {
    name: "mark all read",
    fn: inboxPage.action,
    method: "POST",
    path: () => "/inbox",
    needs: "signed-in",
    form: () => ({ intent: "read-all" }),
  },
  { name: "users page", fn: adminUsers.loader, method: "GET", path: () => "/admin/users", needs: "admin" },
  {
    name: "create user",
    fn: adminUsers.action,
    method: "POST",
    path: () => "/admin/users",
    needs: "admin",
    form: () => ({ intent: "create", username: uniqueName("n"), displayName: "N" }),
  },
  {
    name: "disable user",
    fn: adminUsers.action,
    method: "POST",
    path: () => "/admin/users",
    needs: "admin",
    form: async () => ({ intent: "disable", userId: String((await makeUser()).id) }),
  },
  {
    name: "enable user",
    fn: adminUsers.action,
    method: "POST",
    path: () => "/admin/users",
    needs: "admin",
    form: async () => ({ intent: "enable", userId: String((await makeUser()).id) }),
  },
  {
    name: "reset password",
    fn: adminUsers.action,
    method: "POST",
    path: () => "/admin/users",
    needs: "admin",
    form: async () => ({ intent: "reset-password", userId: String((await makeUser()).id) }),
  },
  { name: "project page", fn: project.loader, method: "GET", path: (s) => `/projects/${s}`, needs: "read" },
  { name: "members page", fn: members.loader, method: "GET", path: (s) => `/projects/${s}/members`, needs: "manageMembers" },
  {
    name: "add member",
    fn: members.action,
    method: "POST",
    path: (s) => `/projects/${s}/members`,
    needs: "manageMembers",
    form: async () => ({ intent: "set-role", username: (await makeUser()).username, role: "viewer" }),
  },
  {
    name: "remove member",
    fn: members.action,
    method: "POST",
    path: (s) => `/projects/${s}/members`,
    needs: "manageMembers",
    form: async (team) => {
      const extra = await makeUser();
      await setMemberRole({ projectId: team.project.id, username: extra.username, role: "reviewer", actor: { id: null, name: "test" } });
      return { intent: "remove", userId: String(extra.id) };
    },
  },
  { name: "documents page", fn: documentsPage.loader, method: "GET", path: (s) => `/projects/${s}/documents`, needs: "read" },
  {
    name: "import pasted text",
    fn: documentsPage.action,
    method: "POST",
    path: (s) => `/projects/${s}/documents`,
    needs: "importDocuments",
    form: () => ({ text: `The port handled ${Math.random()} tonnes in March, officials said.`, title: "Pasted" }),
  },
  { name: "import jobs", fn: importJobs.loader, method: "GET", path: (s) => `/projects/${s}/documents/imports`, needs: "read" },
  { name: "claims page", fn: claimsPage.loader, method: "GET", path: (s) => `/projects/${s}/claims`, needs: "read" },
  { name: "agreement page", fn: agreementPage.loader, method: "GET", path: (s) => `/projects/${s}/agreement`, needs: "read" },
  { name: "discrepancies page", fn: discrepanciesPage.loader, method: "GET", path: (s) => `/projects/${s}/discrepancies`, needs: "read" },
  { name: "facts page", fn: factsPage.loader, method: "GET", path: (s) => `/projects/${s}/facts`, needs: "read" },
  {
    name: "document filter options",
    fn: documentOptions.loader,
    method: "GET",
    path: (s) => `/projects/${s}/document-options`,
    needs: "read",
  },
  { name: "sources page", fn: sourcesPage.loader, method: "GET", path: (s) => `/projects/${s}/sources`, needs: "read" },
  { name: "export page", fn: exportPage.loader, method: "GET", path: (s) => `/projects/${s}/export`, needs: "export" },
  {
    name: "publisher setting",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "manageSettings",
    form: () => ({ intent: "publisher", publisherName: "Checks", publisherUrl: "https://checks.example.org" }),
  },
  {
    name: "second review setting",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "manageSettings",
    form: () => ({ intent: "second-review", enabled: "on" }),
  },
  {
    name: "bulk approval preview",
    fn: claimsPage.action,
    method: "POST",
    path: (s) => `/projects/${s}/claims`,
    needs: "approve",
    form: () => ({ intent: "approve-preview", scope: "filter", search: "" }),
  },
  {
    name: "bulk approval",
    fn: claimsPage.action,
    method: "POST",
    path: (s) => `/projects/${s}/claims`,
    needs: "approve",
    form: () => ({ intent: "approve-apply", scope: "filter", search: "status=confirmed" }),
  },
  {
    name: "threshold setting",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "manageSettings",
    form: () => ({ intent: "threshold", threshold: "0.5" }),
  },
  // Editors open settings for re-extraction only; each of the owner's forms is refused to them (cases above and below).
  { name: "settings page", fn: settings.loader, method: "GET", path: (s) => `/projects/${s}/settings`, needs: "reextractClaims" },
  {
    name: "re-extract claims",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "reextractClaims",
    form: () => ({ intent: "re-extract" }),
  },
  {
    name: "rename project",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "manageSettings",
    form: () => ({ intent: "rename", name: "Renamed" }),
  },
  {
    name: "unarchive project",
    fn: settings.action,
    method: "POST",
    path: (s) => `/projects/${s}/settings`,
    needs: "manageSettings",
    form: () => ({ intent: "unarchive" }),
  },
];

function allowed(needs: MatrixCase["needs"], actor: ActorName): boolean {
  if (actor === "admin") return true;
  if (needs === "signed-in") return true;
  if (needs === "admin" || actor === "outsider") return false;
  return can(actor, needs);
}

function userOf(team: Team, actor: ActorName) {
  if (actor === "outsider") return team.outsider;
  if (actor === "admin") return team.admin;
  return team.members[actor];
}

describe.each(CASES)("$name", (matrixCase) => {
  let team: Team;
  const cookies = new Map<ActorName, string>();
  beforeAll(async () => {
    team = await makeProjectWithTeam();
    for (const actor of ACTORS) cookies.set(actor, await cookieFor(userOf(team, actor).id));
  });

  it.each(ACTORS)("as %s", async (actor) => {
    const form = matrixCase.form ? await matrixCase.form(team) : undefined;
    const request = buildRequest(matrixCase.path(team.project.slug), { method: matrixCase.method, cookie: cookies.get(actor), form });
    const outcome = await callRoute(matrixCase.fn, request, { slug: team.project.slug });
    if (allowed(matrixCase.needs, actor)) {
      expect(outcome.status, JSON.stringify(outcome.body)).toBeLessThan(400);
    } else {
      expect([403, 404], JSON.stringify(outcome.body)).toContain(outcome.status);
    }
  });

  it("sends anonymous visitors to sign in", async () => {
    const form = matrixCase.form ? await matrixCase.form(team) : undefined;
    const outcome = await callRoute(matrixCase.fn, buildRequest(matrixCase.path(team.project.slug), { method: matrixCase.method, form }), {
      slug: team.project.slug,
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/login/);
  });
});

/** Routes keyed by an article or claim id: every role, plus ids that belong to another project. */
describe("article and claim routes", () => {
  let team: Team;
  let other: Team;
  let documentId: number;
  let claimId: number;
  let otherDocumentId: number;
  let otherClaimId: number;
  beforeAll(async () => {
    team = await makeProjectWithTeam();
    other = await makeProjectWithTeam();
    const text = new TextEncoder().encode(
      "Ferry fares rise\n\nThe ferry company said fares will rise 12 percent in June. Passengers fell by 9 percent last year, officials said.",
    );
    const options = { maxBytes: 1_000_000, threshold: null };
    documentId = (await importFile(team.project.id, { name: "a.txt", bytes: text }, options, { id: null, name: "t" }))[0]!.documentId!;
    otherDocumentId = (await importFile(other.project.id, { name: "b.txt", bytes: text }, options, { id: null, name: "t" }))[0]!
      .documentId!;
    claimId = (await getDb().claim.findFirstOrThrow({ where: { documentId } })).id;
    otherClaimId = (await getDb().claim.findFirstOrThrow({ where: { documentId: otherDocumentId } })).id;
  });

  const cases: Array<{
    name: string;
    fn: MatrixCase["fn"];
    needs: MatrixCase["needs"];
    form?: () => Record<string, string>;
    params: () => Record<string, string>;
  }> = [
    { name: "reader", fn: readerPage.loader, needs: "read", params: () => ({ documentId: String(documentId) }) },
    { name: "claim page", fn: claimPage.loader, needs: "read", params: () => ({ claimId: String(claimId) }) },
    { name: "claim discussion", fn: commentsRoute.loader, needs: "read", params: () => ({ claimId: String(claimId) }) },
    {
      name: "add comment",
      fn: commentsRoute.action,
      needs: "comment",
      form: () => ({ intent: "add", text: "Which figure is this?" }),
      params: () => ({ claimId: String(claimId) }),
    },
    {
      name: "add claim",
      fn: readerPage.action,
      needs: "addClaim",
      form: () => ({ intent: "add-claim-by-quote", quote: "fares will rise" }),
      params: () => ({ documentId: String(documentId) }),
    },
  ];

  for (const routeCase of cases) {
    it.each(ACTORS)(`${routeCase.name} as %s`, async (actor) => {
      const cookie = await cookieFor(userOf(team, actor).id);
      const request = buildRequest(`/projects/${team.project.slug}/x`, {
        method: routeCase.form ? "POST" : "GET",
        cookie,
        form: routeCase.form?.(),
      });
      const outcome = await callRoute(routeCase.fn, request, { slug: team.project.slug, ...routeCase.params() });
      if (allowed(routeCase.needs, actor)) expect(outcome.status, JSON.stringify(outcome.body)).toBeLessThan(400);
      else expect([403, 404]).toContain(outcome.status);
      await getDb().claim.deleteMany({ where: { documentId, origin: "manual" } });
    });
  }

  it("an article or claim of another project is 404 through this project, for its owner too", async () => {
    const cookie = await cookieFor(team.members.owner.id);
    const slug = team.project.slug;
    const get = (fn: MatrixCase["fn"], params: Record<string, string>) =>
      callRoute(fn, buildRequest(`/projects/${slug}/x`, { cookie }), { slug, ...params });
    expect((await get(readerPage.loader, { documentId: String(otherDocumentId) })).status).toBe(404);
    expect((await get(claimPage.loader, { claimId: String(otherClaimId) })).status).toBe(404);
    const otherProjectId = (await getDb().claim.findUniqueOrThrow({ where: { id: otherClaimId } })).projectId;
    const otherFact = await getDb().fact.create({ data: { projectId: otherProjectId, labelClaimId: otherClaimId } });
    expect((await get(factPage.loader, { factId: String(otherFact.id) })).status).toBe(404);
    const forms: Array<Record<string, string>> = [
      { intent: "add-claim", start: "0", end: "10" },
      { intent: "dismiss", claimId: String(otherClaimId), version: "1" },
    ];
    for (const form of forms) {
      const outcome = await callRoute(readerPage.action, buildRequest(`/projects/${slug}/x`, { cookie, form }), {
        slug,
        documentId: String(otherDocumentId),
      });
      expect(outcome.status).toBe(404);
    }
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: otherClaimId } })).dismissed).toBe(false);
  });
});

/** The editorial review's steps on the claim route: each allowed actor acts on a claim in the state the step needs. */
describe("editorial review actions by role", () => {
  let team: ReviewTeam;
  let next = 0;
  beforeAll(async () => {
    team = await makeReviewTeam({ claims: ACTORS.length * 4 + 2 });
  });
  const fresh = () => team.claims[next++]!.id;
  const verdict = async (claimId: number, who: "reviewer" | "second", status: "disputed" | "confirmed") =>
    reviewClaim({
      projectId: team.project.id,
      claimId,
      verdict: { status, rationale: `${who} says ${status}`, expectedVersion: null },
      actor: team.actor(who),
      role: "reviewer",
    });
  const reviewed = async (secondStatus: "disputed" | "confirmed") => {
    const id = fresh();
    await verdict(id, "reviewer", "disputed");
    await verdict(id, "second", secondStatus);
    return id;
  };
  const version = async (id: number) => String((await getDb().claim.findUniqueOrThrow({ where: { id } })).version);
  const cases: Array<{ name: string; needs: Capability; prepare: () => Promise<{ claimId: number; form: Record<string, string> }> }> = [
    {
      name: "adjudicate",
      needs: "adjudicate",
      prepare: async () => {
        const claimId = await reviewed("confirmed");
        return { claimId, form: { intent: "adjudicate", version: await version(claimId), status: "confirmed", rationale: "Final" } };
      },
    },
    {
      name: "approve",
      needs: "approve",
      prepare: async () => {
        const claimId = await reviewed("disputed");
        return { claimId, form: { intent: "approve", version: await version(claimId) } };
      },
    },
    {
      name: "reopen",
      needs: "approve",
      prepare: async () => {
        const claimId = await reviewed("disputed");
        await approveClaim({ projectId: team.project.id, claimId, expectedVersion: null, actor: team.actor("editor") });
        return { claimId, form: { intent: "reopen", version: await version(claimId), reason: "New figures" } };
      },
    },
    {
      name: "name the second reviewer",
      needs: "assignClaims",
      prepare: async () => {
        const claimId = fresh();
        return { claimId, form: { intent: "second-reviewer", version: await version(claimId), reviewerId: String(team.people.third.id) } };
      },
    },
  ];
  it("refuses a tag on an approved claim with 409 and a message, for every role that may tag", async () => {
    const claimId = await reviewed("disputed");
    await approveClaim({ projectId: team.project.id, claimId, expectedVersion: null, actor: team.actor("editor") });
    for (const actor of ["reviewer", "editor", "owner"] as const) {
      const form = { intent: "tag", version: await version(claimId), status: "confirmed", rationale: "Again" };
      const request = buildRequest(`/projects/${team.project.slug}/claims/${claimId}`, {
        cookie: await cookieFor(userOf(team, actor).id),
        form,
      });
      const outcome = await callRoute(claimPage.action, request, { slug: team.project.slug, claimId: String(claimId) });
      expect(outcome).toMatchObject({
        status: 409,
        body: { ok: false, code: "locked", error: expect.stringContaining("approved and locked") },
      });
    }
  });
  for (const reviewCase of cases) {
    it.each(ACTORS)(`${reviewCase.name} as %s`, async (actor) => {
      const { claimId, form } = await reviewCase.prepare();
      const before = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } });
      const cookie = await cookieFor(userOf(team, actor).id);
      const request = buildRequest(`/projects/${team.project.slug}/claims/${claimId}`, { cookie, form });
      const outcome = await callRoute(claimPage.action, request, { slug: team.project.slug, claimId: String(claimId) });
      const after = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } });
      if (allowed(reviewCase.needs, actor)) {
        expect(outcome.status, JSON.stringify(outcome.body)).toBeLessThan(400);
        expect(after.version).toBe(before.version + 1);
      } else {
        expect([403, 404], JSON.stringify(outcome.body)).toContain(outcome.status);
        expect(after.version).toBe(before.version);
      }
    });
  }
});

describe("ids from another project", () => {
  it("an owner cannot open or change another project, nor remove its members through their own", async () => {
    const a = await makeProjectWithTeam();
    const b = await makeProjectWithTeam();
    const ownerA = await cookieFor(a.members.owner.id);
    for (const fn of [project.loader, members.loader, settings.loader]) {
      expect((await callRoute(fn, buildRequest(`/projects/${b.project.slug}`, { cookie: ownerA }), { slug: b.project.slug })).status).toBe(
        404,
      );
    }
    const renamed = await callRoute(
      settings.action,
      buildRequest(`/projects/${b.project.slug}/settings`, { cookie: ownerA, form: { intent: "rename", name: "Hijacked" } }),
      {
        slug: b.project.slug,
      },
    );
    expect(renamed.status).toBe(404);
    // B's reviewer id, sent to A's members page: scoped by project, it removes nothing.
    const removal = await callRoute(
      members.action,
      buildRequest(`/projects/${a.project.slug}/members`, {
        cookie: ownerA,
        form: { intent: "remove", userId: String(b.members.reviewer.id) },
      }),
      { slug: a.project.slug },
    );
    expect(removal.status).toBe(404);
    expect(await getDb().membership.count({ where: { projectId: b.project.id, userId: b.members.reviewer.id } })).toBe(1);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: b.project.id } })).name).toBe("Test project");
  });

  it("an unknown project is 404 for everyone, admins included", async () => {
    const team = await makeProjectWithTeam();
    for (const user of [team.admin, team.members.owner]) {
      const outcome = await callRoute(project.loader, buildRequest("/projects/nope", { cookie: await cookieFor(user.id) }), {
        slug: "does-not-exist",
      });
      expect(outcome.status).toBe(404);
    }
  });
});

describe("membership rules", () => {
  it("keep the last owner and record every change in the project's audit trail", async () => {
    const team = await makeProjectWithTeam();
    const cookie = await cookieFor(team.members.owner.id);
    const path = `/projects/${team.project.slug}/members`;
    const demote = await callRoute(
      members.action,
      buildRequest(path, { cookie, form: { intent: "set-role", username: team.members.owner.username, role: "editor" } }),
      { slug: team.project.slug },
    );
    expect(demote.status).toBe(409);
    const unknown = await callRoute(
      members.action,
      buildRequest(path, { cookie, form: { intent: "set-role", username: "no-such-person", role: "editor" } }),
      { slug: team.project.slug },
    );
    expect(unknown).toMatchObject({ status: 400, body: { fieldErrors: { username: expect.stringContaining("No user") } } });
    const badRole = await callRoute(
      members.action,
      buildRequest(path, { cookie, form: { intent: "set-role", username: team.members.viewer.username, role: "boss" } }),
      { slug: team.project.slug },
    );
    expect(badRole.status).toBe(400);
    await callRoute(
      members.action,
      buildRequest(path, { cookie, form: { intent: "set-role", username: team.members.viewer.username, role: "editor" } }),
      { slug: team.project.slug },
    );
    const events = await getDb().auditEvent.findMany({ where: { projectId: team.project.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "project.created",
      "membership.added",
      "membership.added",
      "membership.added",
      "membership.added",
      "membership.role_changed",
    ]);
    expect(JSON.parse(events.at(-1)!.details)).toEqual({ username: team.members.viewer.username, role: "editor", previousRole: "viewer" });
  });
});

describe("coverage of this matrix", () => {
  it("every route module is exercised by an integration test, so a new route cannot skip its permission checks", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const routeFiles = [...fs.readFileSync(path.join(root, "app/routes.ts"), "utf8").matchAll(/"routes\/([\w.-]+)\.tsx?"/g)].map(
      (m) => m[1]!,
    );
    const tests = fs
      .readdirSync(path.join(root, "tests/integration"))
      .map((file) => fs.readFileSync(path.join(root, "tests/integration", file), "utf8"))
      .join("\n");
    // Public by design: the health and readiness checks (tested over a real server) and the home page's redirect.
    const publicRoutes = new Set(["healthz", "readyz", "home"]);
    const untested = routeFiles.filter((file) => !publicRoutes.has(file) && !tests.includes(`app/routes/${file}"`));
    expect(routeFiles.length).toBeGreaterThan(20);
    expect(untested).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { type Capability, type ProjectRole, can } from "../../app/lib/roles";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { closeEventListener } from "../../app/models/events.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import * as claimPage from "../../app/routes/project.claim";
import * as presence from "../../app/routes/project.claim.presence";
import * as claimsTable from "../../app/routes/project.claims";
import * as events from "../../app/routes/project.events";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

type Team = Awaited<ReturnType<typeof makeProjectWithTeam>>;
type ActorName = "outsider" | ProjectRole | "admin";
const ACTORS: ActorName[] = ["outsider", "viewer", "reviewer", "editor", "owner", "admin"];
const userOf = (team: Team, actor: ActorName) =>
  actor === "outsider" ? team.outsider : actor === "admin" ? team.admin : team.members[actor];
const allowed = (needs: Capability, actor: ActorName) => actor === "admin" || (actor !== "outsider" && can(actor, needs));

async function teamWithClaims(count = 6) {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: count, actor: { id: null, name: "test" } });
  await getDb().project.update({ where: { id: team.project.id }, data: { requireSourceForVerdict: false } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  return { team, claims };
}

/** Status and headers of the event stream; the body never ends, so it is cancelled rather than read. */
async function openEventStream(slug: string, cookie: string) {
  const controller = new AbortController();
  const request = new Request(`http://localhost/projects/${slug}/events`, { headers: { Cookie: cookie }, signal: controller.signal });
  try {
    const response = (await events.loader({ request, params: { slug }, context: { cspNonce: "", clientIp: null } } as never)) as Response;
    await response.body?.cancel();
    return { status: response.status, headers: response.headers };
  } catch (thrown) {
    const status = thrown instanceof Response ? thrown.status : ((thrown as { init?: { status?: number } }).init?.status ?? 500);
    return { status, headers: new Headers() };
  } finally {
    controller.abort();
  }
}

describe("review actions by role", () => {
  let team: Team;
  let claims: Array<{ id: number }>;
  beforeAll(async () => {
    ({ team, claims } = await teamWithClaims(8));
  });
  const version = async (id: number) => String((await getDb().claim.findUniqueOrThrow({ where: { id } })).version);

  // Each form posts to the route that owns it: the claim's page (verdict, assignee, sources),
  // the table (bulk change, saved view) or the presence heartbeat.
  type Target = { route: "claim" | "presence"; claim: () => number } | { route: "table" };
  const cases: Array<{ name: string; needs: Capability; to: Target; form: () => Promise<Record<string, string | string[]>> }> = [
    {
      name: "tag",
      needs: "tagClaim",
      to: { route: "claim", claim: () => claims[0]!.id },
      form: async () => ({
        intent: "tag",
        version: await version(claims[0]!.id),
        status: "disputed",
        rationale: `r${Math.random()}`,
      }),
    },
    {
      name: "assign",
      needs: "assignClaims",
      to: { route: "claim", claim: () => claims[1]!.id },
      form: async () => ({
        intent: "assign",
        version: await version(claims[1]!.id),
        assigneeId: String(team.members.reviewer.id),
      }),
    },
    {
      name: "bulk preview",
      needs: "bulkEdit",
      to: { route: "table" },
      form: async () => ({ intent: "bulk-preview", scope: "filter", search: "", status: "confirmed", rationale: "x" }),
    },
    {
      name: "bulk apply",
      needs: "bulkEdit",
      to: { route: "table" },
      form: async () => ({
        intent: "bulk-apply",
        scope: "selected",
        ids: [String(claims[2]!.id), String(claims[3]!.id)],
        status: "confirmed",
        rationale: `bulk ${Math.random()}`,
      }),
    },
    {
      name: "add source",
      needs: "addSource",
      to: { route: "claim", claim: () => claims[6]!.id },
      form: async () => ({
        intent: "add-source",
        url: `https://example.org/${Math.random()}`,
        stance: "supports",
      }),
    },
    {
      name: "preferences",
      needs: "read",
      to: { route: "table" },
      form: async () => ({ intent: "preferences", hidden: ["sources"], density: "compact" }),
    },
    { name: "presence", needs: "read", to: { route: "presence", claim: () => claims[4]!.id }, form: async () => ({}) },
  ];
  for (const routeCase of cases) {
    it.each(ACTORS)(`${routeCase.name} as %s`, async (actor) => {
      const cookie = await cookieFor(userOf(team, actor).id);
      const slug = team.project.slug;
      const form = await routeCase.form();
      const to = routeCase.to;
      const outcome =
        to.route === "table"
          ? await callRoute(claimsTable.action, buildRequest(`/projects/${slug}/claims`, { cookie, form }), { slug })
          : await callRoute(
              to.route === "claim" ? claimPage.action : presence.action,
              buildRequest(`/projects/${slug}/claims/${to.claim()}${to.route === "presence" ? "/presence" : ""}`, {
                cookie,
                form,
                method: "POST",
              }),
              { slug, claimId: String(to.claim()) },
            );
      if (allowed(routeCase.needs, actor)) expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
      else expect([403, 404]).toContain(outcome.status);
    });
  }

  it("a viewer is refused tagging with 403 and nothing changes", async () => {
    const before = await getDb().claim.findUniqueOrThrow({ where: { id: claims[5]!.id } });
    const outcome = await callRoute(
      claimPage.action,
      buildRequest(`/projects/${team.project.slug}/claims/${before.id}`, {
        cookie: await cookieFor(team.members.viewer.id),
        form: { intent: "tag", claimId: String(before.id), version: String(before.version), status: "confirmed", rationale: "no" },
      }),
      { slug: team.project.slug, claimId: String(before.id) },
    );
    expect(outcome.status).toBe(403);
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({
      status: before.status,
      version: before.version,
    });
  });

  it("table and events are readable by every member and no one else", async () => {
    for (const actor of ACTORS) {
      const cookie = await cookieFor(userOf(team, actor).id);
      const table = await callRoute(
        claimsTable.loader,
        buildRequest(`/projects/${team.project.slug}/claims?status=unverified&sort=checkworthiness&dir=desc`, { cookie }),
        { slug: team.project.slug },
      );
      const stream = await openEventStream(team.project.slug, cookie);
      if (actor === "outsider") {
        expect([table.status, stream.status]).toEqual([404, 404]);
      } else {
        expect(table.status).toBe(200);
        expect(stream.status).toBe(200);
        expect(stream.headers.get("Content-Type")).toContain("text/event-stream");
      }
    }
  });
});

describe("ids from another project", () => {
  it("tag, assign, presence and bulk ids of another project's claims are refused or ignored", async () => {
    const a = await teamWithClaims(2);
    const b = await teamWithClaims(2);
    const foreign = b.claims[0]!;
    const cookie = await cookieFor(a.team.members.owner.id);
    const slug = a.team.project.slug;
    const post = (form: Record<string, string | string[]>) =>
      callRoute(claimsTable.action, buildRequest(`/projects/${slug}/claims`, { cookie, form }), { slug });
    const postToClaim = (form: Record<string, string | string[]>) =>
      callRoute(claimPage.action, buildRequest(`/projects/${slug}/claims/${foreign.id}`, { cookie, form }), {
        slug,
        claimId: String(foreign.id),
      });
    expect((await postToClaim({ intent: "tag", version: "1", status: "confirmed", rationale: "x" })).status).toBe(404);
    expect((await postToClaim({ intent: "assign", version: "1", assigneeId: String(a.team.members.reviewer.id) })).status).toBe(404);
    const bulk = await post({ intent: "bulk-apply", scope: "selected", ids: [String(foreign.id)], status: "confirmed", rationale: "x" });
    expect((bulk.body as { bulk: { changed: number } }).bulk.changed).toBe(0);
    const heartbeat = await callRoute(
      presence.action,
      buildRequest(`/projects/${slug}/claims/${foreign.id}/presence`, { cookie, method: "POST" }),
      { slug, claimId: String(foreign.id) },
    );
    expect(heartbeat.status).toBe(404);
    const page = await callRoute(claimPage.loader, buildRequest(`/projects/${slug}/claims/${foreign.id}`, { cookie }), {
      slug,
      claimId: String(foreign.id),
    });
    expect(page.status).toBe(404);
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ version: 1, assigneeId: null });
    expect(await getDb().claimPresence.count({ where: { claimId: foreign.id } })).toBe(0);
  });
});

describe("concurrent edits through the route", () => {
  it("refuses a stale verdict with 409 and says what the other reviewer did", async () => {
    const { team, claims } = await teamWithClaims(1);
    const claim = claims[0]!;
    await tagClaim({
      projectId: team.project.id,
      claimId: claim.id,
      status: "disputed",
      rationale: "Photo is from 2019",
      expectedVersion: 1,
      actor: { id: team.members.editor.id, name: team.members.editor.username },
    });
    const outcome = await callRoute(
      claimPage.action,
      buildRequest(`/projects/${team.project.slug}/claims/${claim.id}`, {
        cookie: await cookieFor(team.members.reviewer.id),
        form: { intent: "tag", version: "1", status: "confirmed", rationale: "Looks right" },
      }),
      { slug: team.project.slug, claimId: String(claim.id) },
    );
    expect(outcome.status).toBe(409);
    const body = outcome.body as { error: string; current: { version: number; status: string } };
    expect(body.current).toMatchObject({ version: 2, status: "disputed" });
    expect(body.error).toContain(team.members.editor.displayName);
    expect(body.error).toContain("Photo is from 2019");
    expect(await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "disputed",
      rationale: "Photo is from 2019",
    });
  });

  it("pushes a change to an open event stream", async () => {
    const { team, claims } = await teamWithClaims(1);
    const controller = new AbortController();
    const request = new Request(`http://localhost/projects/${team.project.slug}/events`, {
      headers: { Cookie: await cookieFor(team.members.viewer.id) },
      signal: controller.signal,
    });
    const response = (await events.loader({
      request,
      params: { slug: team.project.slug },
      context: { cspNonce: "", clientIp: null },
    } as never)) as Response;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const arrived = (async () => {
      while (!received.includes("claims-changed")) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await tagClaim({
      projectId: team.project.id,
      claimId: claims[0]!.id,
      status: "confirmed",
      rationale: "live",
      expectedVersion: 1,
      actor: { id: team.members.reviewer.id, name: team.members.reviewer.username },
    });
    await Promise.race([
      arrived,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no event within 2 s; got: ${received}`)), 2000)),
    ]);
    controller.abort();
    expect(received).toContain(`"claimIds":[${claims[0]!.id}]`);
    await closeEventListener();
  });
});

import { describe, expect, it } from "vitest";
import { resetConfigForTests } from "../../app/config.server";
import { getDb } from "../../app/db.server";
import { INVALID_CREDENTIALS, signIn, throttlePolicy } from "../../app/auth/sign-in.server";
import { MAX_WAITING_PER_COUNTER, recordEndedBlocks } from "../../app/models/login-throttle.server";
import * as claimsPage from "../../app/routes/project.claims";
import * as claimPage from "../../app/routes/project.claim";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { importPastedText } from "../../app/models/import.server";
import { updateProjectSettings } from "../../app/models/project.server";
import { createSession, validateSessionToken } from "../../app/models/session.server";
import { getAuthenticated } from "../../app/auth/guards.server";
import { runInRequest } from "../../app/observability/request-context.server";
import { setPassword, setUserDisabled } from "../../app/models/user.server";
import * as account from "../../app/routes/account";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import * as changePassword from "../../app/routes/account.password";
import { TEST_PASSWORD, cookieFor, makeProjectWithTeam, makeUser, uniqueName } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const policy = { idleMs: 60 * 60_000, maxAgeMs: 24 * 60 * 60_000 };
const meta = { ip: "198.51.100.1", userAgent: "vitest" };

function tokenFrom(setCookie: string | null): string {
  const match = /claimdesk_session=([^;]*)/.exec(setCookie ?? "");
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return match[1]!;
}

describe("sessions", () => {
  it("stores only the SHA-256 of the secret", async () => {
    const user = await makeUser();
    const { token, sessionId } = await createSession(user.id, meta);
    const row = await getDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    const secret = token.split(".")[1]!;
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("end after the inactivity timeout and after the absolute lifetime", async () => {
    const user = await makeUser();
    const { token, createdAt } = await createSession(user.id, meta);
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    expect(await validateSessionToken(token, policy, at(59 * 60_000))).not.toBeNull();
    // Activity at 59 minutes moved lastActiveAt, so 1h58m is still within the idle window...
    expect(await validateSessionToken(token, policy, at(118 * 60_000))).not.toBeNull();
    // ...but idleness of more than an hour ends it, and the row is deleted.
    expect(await validateSessionToken(token, policy, at(180 * 60_000))).toBeNull();
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);

    const second = await createSession(user.id, meta);
    // Active every 59 minutes, it lives until the absolute lifetime and not a minute longer.
    let now = second.createdAt.getTime();
    let validChecks = 0;
    while (now + 59 * 60_000 - second.createdAt.getTime() < policy.maxAgeMs) {
      now += 59 * 60_000;
      expect(await validateSessionToken(second.token, policy, new Date(now))).not.toBeNull();
      validChecks += 1;
    }
    expect(validChecks).toBe(24);
    expect(await validateSessionToken(second.token, policy, new Date(second.createdAt.getTime() + policy.maxAgeMs))).toBeNull();
  });

  it("refuse a token whose secret was altered", async () => {
    const user = await makeUser();
    const { token } = await createSession(user.id, meta);
    const [id, secret] = token.split(".") as [string, string];
    const altered = `${id}.${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    expect(await validateSessionToken(altered, policy)).toBeNull();
    expect(await validateSessionToken(token, policy)).not.toBeNull();
  });

  it("end when the user is disabled or changes password", async () => {
    const user = await makeUser();
    const a = await createSession(user.id, meta);
    const b = await createSession(user.id, meta);
    await setPassword(
      user.id,
      "a-brand-new-passphrase",
      { mustChangePassword: false, action: "user.password_changed" },
      { id: user.id, name: user.username },
    );
    expect(await validateSessionToken(a.token, policy)).toBeNull();
    expect(await validateSessionToken(b.token, policy)).toBeNull();

    const c = await createSession(user.id, meta);
    await setUserDisabled(user.id, true, { id: null, name: "test" });
    expect(await validateSessionToken(c.token, policy)).toBeNull();
  });
});

describe("who is signed in, once per request", () => {
  it("is looked up once for all the loaders of one page, though each gets a Request of its own", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const state = { requestId: "shared", userId: null, note: null };
    const [root, page] = await runInRequest(state, () => {
      const rootLoader = getAuthenticated(buildRequest("/projects/x/claims", { cookie }));
      const pageLoader = getAuthenticated(buildRequest("/projects/x/claims", { cookie }));
      expect(pageLoader).toBe(rootLoader);
      return Promise.all([rootLoader, pageLoader]);
    });
    expect(root?.user.id).toBe(user.id);
    expect(page).toBe(root);
  });

  it("is looked up again for a form post and for another request", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const state = { requestId: "post", userId: null, note: null };
    await runInRequest(state, () => {
      const action = getAuthenticated(buildRequest("/account", { cookie, form: { intent: "x" } }));
      // React Router's loaders after an action get GET requests of their own.
      const after = getAuthenticated(buildRequest("/account", { cookie }));
      expect(after).not.toBe(action);
      return Promise.all([action, after]);
    });
    const first = runInRequest({ requestId: "a", userId: null, note: null }, () => getAuthenticated(buildRequest("/", { cookie })));
    const second = runInRequest({ requestId: "b", userId: null, note: null }, () => getAuthenticated(buildRequest("/", { cookie })));
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
  });
});

describe("signing in through the login route", () => {
  it("sets an HttpOnly, SameSite=Lax, Path=/ cookie with a new session every time", async () => {
    const user = await makeUser();
    const form = { username: user.username.toUpperCase(), password: TEST_PASSWORD };
    const first = await callRoute(login.action, buildRequest("/login", { form }));
    const second = await callRoute(
      login.action,
      buildRequest("/login", { form, cookie: `claimdesk_session=${"x".repeat(24)}.${"y".repeat(24)}` }),
    );
    expect(first.status).toBe(302);
    const cookie = first.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(tokenFrom(cookie)).not.toBe(tokenFrom(second.headers.get("Set-Cookie")));
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(2);
    const events = await getDb().auditEvent.findMany({ where: { actorId: user.id, action: "auth.signed_in" } });
    expect(events).toHaveLength(2);
    expect(events[0]!.ip).toBe("203.0.113.7");
  });

  it("uses the __Host- prefix and Secure over HTTPS", async () => {
    const user = await makeUser();
    const request = new Request("https://claimdesk.example/login", {
      method: "POST",
      body: new URLSearchParams({ username: user.username, password: TEST_PASSWORD }),
    });
    const result = await callRoute(login.action, request);
    expect(result.headers.get("Set-Cookie")).toMatch(
      /^__Host-claimdesk_session=[^;]+; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+; Secure$/,
    );
  });

  it("answers an unknown user and a wrong password identically, and audits both", async () => {
    const user = await makeUser();
    const ghost = uniqueName("ghost");
    const wrong = await callRoute(
      login.action,
      buildRequest("/login", { form: { username: user.username, password: "not-the-password" } }),
    );
    const unknown = await callRoute(login.action, buildRequest("/login", { form: { username: ghost, password: "not-the-password" } }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ formError: INVALID_CREDENTIALS });
    const failures = await getDb().auditEvent.findMany({
      where: { action: "auth.sign_in_failed", actorName: { in: [user.username, ghost] } },
    });
    expect(failures.map((e) => JSON.parse(e.details).reason).sort()).toEqual(["unknown_user", "wrong_password"]);
  });

  it("gives field errors for empty fields", async () => {
    const result = await callRoute(login.action, buildRequest("/login", { form: { username: "", password: "" } }));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ fieldErrors: { username: "Enter your username", password: "Enter your password" } });
  });

  it("refuses a disabled account even with the right password", async () => {
    const user = await makeUser();
    await setUserDisabled(user.id, true, { id: null, name: "test" });
    const result = await callRoute(login.action, buildRequest("/login", { form: { username: user.username, password: TEST_PASSWORD } }));
    expect(result.status).toBe(403);
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sends a user with a temporary password to change it first", async () => {
    const user = await makeUser({ mustChangePassword: true });
    const signedIn = await callRoute(
      login.action,
      buildRequest("/login", { form: { username: user.username, password: TEST_PASSWORD, redirectTo: "/projects" } }),
    );
    expect(signedIn.location).toBe("/account/password");
    const cookie = `claimdesk_session=${tokenFrom(signedIn.headers.get("Set-Cookie"))}`;
    const elsewhere = await callRoute(account.loader, buildRequest("/account", { cookie }));
    expect(elsewhere.location).toBe("/account/password");
    const changed = await callRoute(
      changePassword.action,
      buildRequest("/account/password", {
        cookie,
        form: { currentPassword: TEST_PASSWORD, newPassword: "my-own-passphrase", confirmPassword: "my-own-passphrase" },
      }),
    );
    expect(changed.status).toBe(302);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
    // The old session ended with the password change; the new cookie works.
    expect((await callRoute(account.loader, buildRequest("/account", { cookie }))).location).toMatch(/^\/login/);
    const fresh = `claimdesk_session=${tokenFrom(changed.headers.get("Set-Cookie"))}`;
    expect((await callRoute(account.loader, buildRequest("/account", { cookie: fresh }))).status).toBe(200);
  });

  it.each(["/%09/evil.example/", "/%0a/evil.example/", "/%0d%0aSet-Cookie:x=1", "/%E3%80%80/evil.example/", "%09//evil.example"])(
    "never redirects off site or answers 500 for redirectTo=%s",
    async (redirectTo) => {
      const user = await makeUser();
      const cookie = await cookieFor(user.id);
      const signedIn = await callRoute(login.loader, buildRequest(`/login?redirectTo=${redirectTo}`, { cookie }));
      const form = { username: user.username, password: TEST_PASSWORD, redirectTo: decodeURIComponent(redirectTo) };
      const fresh = await callRoute(login.action, buildRequest("/login", { form }));
      for (const outcome of [signedIn, fresh]) {
        expect(outcome.status).toBe(302);
        const target = new URL(outcome.location!, "http://localhost");
        expect(target.origin).toBe("http://localhost");
        expect(outcome.location).toMatch(/^\/[^/\\]/);
      }
    },
  );

  it("rejects a weak or mismatched new password with field errors", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const weak = await callRoute(
      changePassword.action,
      buildRequest("/account/password", {
        cookie,
        form: { currentPassword: TEST_PASSWORD, newPassword: "password1", confirmPassword: "password1" },
      }),
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ fieldErrors: { newPassword: expect.stringContaining("too common") } });
    const wrongCurrent = await callRoute(
      changePassword.action,
      buildRequest("/account/password", {
        cookie,
        form: { currentPassword: "nope-nope-nope", newPassword: "fine-passphrase", confirmPassword: "fine-passphrase" },
      }),
    );
    expect(wrongCurrent.body).toMatchObject({ fieldErrors: { currentPassword: expect.any(String) } });
    const mismatch = await callRoute(
      changePassword.action,
      buildRequest("/account/password", {
        cookie,
        form: { currentPassword: TEST_PASSWORD, newPassword: "fine-passphrase", confirmPassword: "fine-passphrasf" },
      }),
    );
    expect(mismatch.body).toMatchObject({ fieldErrors: { confirmPassword: "The two new passwords differ" } });
  });
});

describe("signing out", () => {
  it("deletes the session on the server", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const result = await callRoute(logout.action, buildRequest("/logout", { method: "POST", cookie }));
    expect(result.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await callRoute(account.loader, buildRequest("/account", { cookie }))).location).toMatch(/^\/login/);
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "auth.signed_out" } })).toBe(1);
  });

  it("everywhere ends every session of the user and no one else's", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const cookie = await cookieFor(user.id);
    await cookieFor(user.id);
    await cookieFor(other.id);
    await callRoute(account.action, buildRequest("/account", { cookie, form: { intent: "sign-out-everywhere" } }));
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().session.count({ where: { userId: other.id } })).toBe(1);
  });

  it("is never done by a GET", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    await callRoute(logout.loader, buildRequest("/logout", { cookie }));
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("throttling", () => {
  it("blocks an account after the allowed failures with 429 and Retry-After, whatever the password", async () => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "3";
    resetConfigForTests();
    try {
      const user = await makeUser();
      for (let i = 0; i < 3; i += 1) {
        const failed = await callRoute(
          login.action,
          buildRequest("/login", { form: { username: user.username, password: `wrong-${i}-password` } }),
        );
        expect(failed.status).toBe(401);
      }
      const blocked = await callRoute(login.action, buildRequest("/login", { form: { username: user.username, password: TEST_PASSWORD } }));
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);

      // The same limit applies to a name that does not exist, so blocking reveals nothing.
      const ghost = uniqueName("ghost");
      for (let i = 0; i < 3; i += 1) await signIn({ username: ghost, password: "whatever-it-is", ip: null, userAgent: null });
      expect((await signIn({ username: ghost, password: "whatever-it-is", ip: null, userAgent: null })).ok).toBe(false);
      expect(await signIn({ username: ghost, password: "x", ip: null, userAgent: null })).toMatchObject({ status: 429 });
    } finally {
      delete process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
      resetConfigForTests();
    }
  });

  it("blocks an address that tries many accounts", async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = "4";
    resetConfigForTests();
    try {
      const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
      for (let i = 0; i < 4; i += 1) await signIn({ username: uniqueName("spray"), password: "guess-guess", ip, userAgent: null });
      const user = await makeUser();
      const result = await signIn({ username: user.username, password: TEST_PASSWORD, ip, userAgent: null });
      expect(result).toMatchObject({ ok: false, status: 429 });
      expect((await signIn({ username: user.username, password: TEST_PASSWORD, ip: "192.0.2.250", userAgent: null })).ok).toBe(true);
    } finally {
      delete process.env.LOGIN_MAX_FAILURES_PER_IP;
      resetConfigForTests();
    }
  });

  it("locks a known reviewer out only from the guessing address, never from everywhere", async () => {
    const user = await makeUser();
    const attacker = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    for (let i = 0; i < 5; i += 1) await signIn({ username: user.username, password: `wrong-${i}-guess`, ip: attacker, userAgent: null });
    expect(await signIn({ username: user.username, password: TEST_PASSWORD, ip: attacker, userAgent: null })).toMatchObject({
      status: 429,
    });
    const owner = await signIn({ username: user.username, password: TEST_PASSWORD, ip: "203.0.113.200", userAgent: null });
    expect(owner.ok).toBe(true);
  });

  it("slows an account guessed from many addresses but lets the owner in from an address they used before", async () => {
    const user = await makeUser();
    const home = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const start = Date.now();
    const at = (seconds: number) => new Date(start + seconds * 1000);
    const attempt = (password: string, ip: string, seconds: number) =>
      signIn({ username: user.username, password, ip, userAgent: null, now: at(seconds) });
    expect((await attempt(TEST_PASSWORD, home, 0)).ok).toBe(true);
    // Guesses from sixteen addresses, 31 seconds apart: each is let through (the delay is capped at 30 s)...
    for (let i = 0; i < 16; i += 1) expect(await attempt(`wrong-${i}-guess`, `10.11.${i}.1`, 1 + i * 31)).toMatchObject({ status: 401 });
    // ...but one right after another waits, with a capped Retry-After, even with the right password...
    const delayed = await attempt(TEST_PASSWORD, "10.99.0.1", 1 + 15 * 31 + 1);
    expect(delayed).toMatchObject({ ok: false, status: 429 });
    expect(delayed.ok ? 0 : delayed.retryAfterSeconds).toBeLessThanOrEqual(30);
    // ...while the owner, from the address they signed in from before, is not held up at all.
    expect((await attempt(TEST_PASSWORD, home, 1 + 15 * 31 + 2)).ok).toBe(true);
  });

  it("records one event per block with its start, end and count, not one per refused attempt", async () => {
    const user = await makeUser();
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const form = { username: user.username, password: "not-the-password" };
    const context = { ip, userAgent: null };
    for (let i = 0; i < 5; i += 1) await signIn({ ...form, ...context });
    const before = await getDb().auditEvent.count({ where: { chain: "global" } });
    for (let i = 0; i < 50; i += 1) expect(await signIn({ ...form, ...context })).toMatchObject({ status: 429 });
    expect(
      await getDb().auditEvent.count({ where: { chain: "global", actorName: user.username, action: { not: "auth.sign_in_failed" } } }),
    ).toBe(0);
    expect(await getDb().auditEvent.count({ where: { chain: "global", ip, createdAt: { gt: new Date(Date.now() - 60_000) } } })).toBe(5);
    expect(await getDb().auditEvent.count({ where: { chain: "global" } })).toBeLessThanOrEqual(before + 1);

    const afterTheBlock = new Date(Date.now() + 16 * 60_000);
    await recordEndedBlocks(throttlePolicy(), afterTheBlock);
    await recordEndedBlocks(throttlePolicy(), afterTheBlock);
    const blocks = await getDb().auditEvent.findMany({ where: { action: "auth.sign_in_blocked", actorName: user.username, ip } });
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!.details)).toMatchObject({ scope: "account_address", failures: 5, refused: 50 });
    const { startedAt, endedAt } = JSON.parse(blocks[0]!.details) as { startedAt: string; endedAt: string };
    expect(Date.parse(endedAt) - Date.parse(startedAt)).toBe(15 * 60_000);
  });

  it("reserves each attempt before hashing: 100 concurrent guesses get no more than the limit checked", async () => {
    const user = await makeUser();
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn({ username: user.username, password: `guess-${i}-wrong`, ip, userAgent: null })),
    );
    expect(outcomes.filter((o) => !o.ok && o.status === 401)).toHaveLength(5);
    expect(await getDb().auditEvent.count({ where: { action: "auth.sign_in_failed", actorName: user.username } })).toBe(5);
  });

  it("answers a burst of sign-ins from one address with successes and short 429s, never an error, counting nothing refused", async () => {
    const users = await Promise.all(Array.from({ length: 30 }, () => makeUser({ prefix: "burst" })));
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const outcomes = await Promise.all(
      users.map((user) => signIn({ username: user.username, password: TEST_PASSWORD, ip, userAgent: null })),
    );
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({ status: 429, retryAfterSeconds: 5 });
      expect(outcome.ok ? "" : outcome.message).toMatch(/at once from this address/);
    }
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(MAX_WAITING_PER_COUNTER);
    const address = await getDb().loginThrottle.findMany({ where: { ip, scope: "address" } });
    expect(address.map((row) => row.failures)).toEqual([0]);
    const retried = await signIn({ username: refused.length ? users[0]!.username : "", password: TEST_PASSWORD, ip, userAgent: null });
    expect(retried.ok).toBe(true);
  });

  it("throttles and audits the current-password check like sign-in", async () => {
    const user = await makeUser();
    const cookie = await cookieFor(user.id);
    const change = (currentPassword: string) =>
      callRoute(
        changePassword.action,
        buildRequest("/account/password", {
          cookie,
          form: { currentPassword, newPassword: "fresh-passphrase-9", confirmPassword: "fresh-passphrase-9" },
        }),
      );
    for (let i = 0; i < 5; i += 1) expect((await change(`wrong-${i}-current`)).status).toBe(400);
    const throttled = await change(TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(throttled.body).toMatchObject({ fieldErrors: { currentPassword: expect.stringContaining("Too many failed attempts") } });
    expect(await getDb().auditEvent.count({ where: { action: "user.password_check_failed", actorId: user.id } })).toBe(5);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1);
    expect(stored.passwordHash).toBe((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash);
  });
});

describe("what viewers see of other members", () => {
  it("is their display names, never their usernames", async () => {
    const { project, members } = await makeProjectWithTeam();
    const page = await callRoute(
      claimsPage.loader,
      buildRequest(`/projects/${project.slug}/claims`, { cookie: await cookieFor(members.viewer.id) }),
      {
        slug: project.slug,
      },
    );
    expect(page.status).toBe(200);
    const listed = (page.body as { members: Array<Record<string, unknown>> }).members;
    expect(listed.map((m) => m.displayName)).toContain(members.reviewer.displayName);
    for (const member of listed) expect(Object.keys(member).sort()).toEqual(["displayName", "id"]);

    const [imported] = [
      await importPastedText(
        project.id,
        { text: "The council spent $4 million on the bridge in 2025, the mayor said." },
        { threshold: 0 },
        { id: null, name: "test" },
      ),
    ];
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: imported!.documentId! } });
    await updateProjectSettings({ projectId: project.id, change: { requireSourceForVerdict: false }, actor: { id: null, name: "test" } });
    await tagClaim({
      projectId: project.id,
      claimId: claim.id,
      status: "disputed",
      rationale: "Minutes say $3 million",
      expectedVersion: 1,
      actor: {
        id: members.reviewer.id,
        name: members.reviewer.username,
      },
    });
    const claimView = await callRoute(
      claimPage.loader,
      buildRequest(`/projects/${project.slug}/claims/${claim.id}`, { cookie: await cookieFor(members.viewer.id) }),
      { slug: project.slug, claimId: String(claim.id) },
    );
    const history = (claimView.body as { history: Array<{ line: { actor: string } }> }).history;
    expect(history.map((h) => h.line.actor)).toContain(members.reviewer.displayName);
    // Display names here embed the username ("Test <username>"): look for it outside them.
    expect(JSON.stringify(history).replaceAll(members.reviewer.displayName, "")).not.toContain(members.reviewer.username);
  });
});

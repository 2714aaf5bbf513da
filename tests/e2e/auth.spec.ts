import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { signIn, signInAndExpectProjects } from "./support/session";

test("a reviewer signs in and sees their project", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.reviewer.username);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: E2E_PROJECT.name, exact: true }) });
  await expect(card.getByText("Your role: Reviewer")).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "claimdesk_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, E2E_USERS.reviewer.username, "not-my-password");
  await expect(page.getByRole("alert")).toHaveText("Incorrect username or password.");
  await expect(page.getByLabel("Username")).toBeVisible();
  await signIn(page, "nobody-by-this-name", "not-my-password");
  await expect(page.getByRole("alert")).toHaveText("Incorrect username or password.");
});

test("repeated failures throttle the account from that address, even for the right password", async ({ page }) => {
  for (let i = 0; i < 3; i += 1) {
    await signIn(page, E2E_USERS.throttled.username, `wrong-guess-${i}`);
    await expect(page.getByRole("alert")).toHaveText("Incorrect username or password.");
  }
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login"));
  await signIn(page, E2E_USERS.throttled.username, E2E_PASSWORD);
  expect((await response).status()).toBe(429);
  expect(Number((await response).headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("alert")).toContainText("Too many failed attempts");
});

test("signing out ends the session", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.signout.username);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have been signed out.");
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprojects/);
});

test("a user with a temporary password must change it first", async ({ page }) => {
  await signIn(page, E2E_USERS.newcomer.username);
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("Current password").fill(E2E_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("password1");
  await page.getByLabel("Repeat new password").fill("password1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is too common; choose another")).toBeVisible();
  await page.getByLabel("Current password").fill(E2E_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("my-very-own-phrase");
  await page.getByLabel("Repeat new password").fill("my-very-own-phrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Your password has been changed.");
});

test("a viewer is refused an owner's page and the server refuses the action too", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await page.getByRole("link", { name: E2E_PROJECT.name }).click();
  await expect(page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  const refused = await page.goto(`/projects/${E2E_PROJECT.slug}/members`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const post = await page.request.post(`/projects/${E2E_PROJECT.slug}/members`, {
    form: { intent: "set-role", username: E2E_USERS.viewer.username, role: "owner" },
    headers: { Origin: origin },
  });
  expect(post.status()).toBe(403);
});

test("a request from another origin is refused", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  const post = await page.request.post("/account", {
    form: { intent: "sign-out-everywhere" },
    headers: { Origin: "https://evil.example" },
  });
  expect(post.status()).toBe(403);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

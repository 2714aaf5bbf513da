import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

test("an editor re-extracts a project's claims from settings", async ({ page }) => {
  // Sign-in (argon2), the run and an axe scan: on a loaded two-core machine this can pass 30 s.
  test.slow();
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}`);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Settings" }).click();
  const card = page.getByRole("form", { name: "Re-extract claims" });
  await expect(card).toContainText("never changed or removed");
  // The owner's settings are not offered to an editor (the server refuses them anyway).
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);

  await card.getByRole("button", { name: "Re-extract claims" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /^Re-extracted \d+ articles: \d+ claims added, \d+ updated, \d+ removed; \d+ reviewed claims kept/,
  );
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a reviewer is not offered project settings and cannot open them", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.reviewer.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}`);
  await expect(page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.goto(`/projects/${E2E_PROJECT.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

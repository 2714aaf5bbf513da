import { type Page, expect, test } from "@playwright/test";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

// State that follows the URL and the server (issue 14, part 2): each test here failed before its fix.

const TABLE = `/projects/${E2E_REVIEW_PROJECT.slug}/claims`;

async function openTable(page: Page, username: string, search = "") {
  await signInAndExpectProjects(page, username);
  await page.goto(`${TABLE}${search}`);
  await expect(page.getByRole("table", { name: "Claims" })).toBeVisible();
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
}

test("filter controls follow the URL after client-side navigation, and applying one keeps the others", async ({ page }) => {
  await openTable(page, E2E_USERS.viewer.username);
  const filters = page.getByRole("form", { name: "Filter claims" });
  await expect(filters.getByLabel("Assignee")).toHaveValue("");
  await page.getByRole("link", { name: "My queue" }).click();
  await expect(page).toHaveURL(/\?assignee=me$/);
  await expect(filters.getByLabel("Assignee")).toHaveValue("me");

  await filters.getByRole("group", { name: "Status" }).getByLabel("unverified").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?status=unverified&assignee=me$/);

  // A status link from the counts replaces the status and keeps the assignee; the checkboxes follow.
  await page
    .getByRole("list", { name: "Claims by status" })
    .getByRole("link", { name: /disputed/ })
    .click();
  await expect(page).toHaveURL(/\?status=disputed&assignee=me$/);
  await expect(filters.getByRole("group", { name: "Status" }).getByLabel("disputed")).toBeChecked();
  await expect(filters.getByRole("group", { name: "Status" }).getByLabel("unverified")).not.toBeChecked();

  await page.goBack();
  await expect(page).toHaveURL(/\?status=unverified&assignee=me$/);
  await expect(filters.getByRole("group", { name: "Status" }).getByLabel("unverified")).toBeChecked();
  await page.goBack();
  await page.goBack();
  await expect(filters.getByLabel("Assignee")).toHaveValue("");
});

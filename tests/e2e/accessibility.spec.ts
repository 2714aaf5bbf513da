import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

// One walk over every page: axe-core finds no serious or critical violation (WCAG 2.2 A and AA
// rules) at 1440x900, and at 390x844 nothing scrolls sideways.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const REVIEW = `/projects/${E2E_REVIEW_PROJECT.slug}`;

async function expectAccessible(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect.soft(serious, `${name}: serious or critical axe violations`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${name}: page width at 390 px`).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
}

async function visit(page: Page, name: string, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, name);
  await expectNoSidewaysScroll(page, name);
}

test("every page has no serious accessibility violation and fits a phone", async ({ page }) => {
  // Twenty axe runs: about a minute on a quiet machine, several under load.
  test.setTimeout(300_000);
  await page.setViewportSize(DESKTOP);
  await visit(page, "login", "/login");
  await signInAndExpectProjects(page, E2E_USERS.admin.username);
  await visit(page, "projects", "/projects");
  await visit(page, "project", REVIEW);
  await visit(page, "documents", `${REVIEW}/documents`);
  const reader = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  await visit(page, "reader", reader!);
  await visit(page, "sources", `${REVIEW}/sources`);
  await visit(page, "discrepancies", `${REVIEW}/discrepancies`);
  await visit(page, "agreement", `${REVIEW}/agreement`);
  await visit(page, "inbox", "/inbox");
  await visit(page, "facts", `${REVIEW}/facts`);
  await visit(page, "export", `${REVIEW}/export`);
  await visit(page, "settings", `${REVIEW}/settings`);
  await visit(page, "members", `${REVIEW}/members`);
  await visit(page, "admin", "/admin/users");
  await visit(page, "account", "/account");

  await page.goto(`${REVIEW}/claims`);
  await page.waitForFunction(() => document.querySelector('tr[tabindex="0"]') !== null);
  const status = page.getByLabel(/^Status of claim \d+$/).first();
  const claimId = (await status.getAttribute("aria-label"))!.replace("Status of claim ", "");
  await visit(page, "claim", `${REVIEW}/claims/${claimId}`);
  // The discussion loads after the page: check it with the rest, the mention box included.
  await expect(page.getByRole("heading", { name: /^Discussion \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page, "claim with its discussion");

  await page.goto(`${REVIEW}/claims`);
  await page.waitForFunction(() => document.querySelector('tr[tabindex="0"]') !== null);
  await expectNoSidewaysScroll(page, "claims");
  await page.setViewportSize(PHONE);
  const box = await status.boundingBox();
  expect.soft(box && box.x >= 0 && box.x + box.width <= PHONE.width, "claims: the first status control is on screen at 390 px").toBe(true);
  await page.setViewportSize(DESKTOP);
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Claim details" });
  await expect(panel.getByRole("heading", { name: `Claim ${claimId}` })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: /^Discussion \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page, "claims with the panel open");
  await expectNoSidewaysScroll(page, "claims with the panel open");
});

test("an empty project says what to do next on every page", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAndExpectProjects(page, E2E_USERS.admin.username);
  const slug = `empty-${Date.now().toString(36)}`;
  await page.getByLabel("Project name").fill("Empty desk");
  await page.getByLabel("Address name").fill(slug);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "No articles yet" })).toBeVisible();

  await page.goto(`/projects/${slug}/claims`);
  await expect(page.getByRole("heading", { name: "No claims yet" })).toBeVisible();
  await page.getByRole("link", { name: "Import your first articles" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}/documents#import$`));
  await expect(page.getByRole("heading", { name: "No articles yet" })).toBeVisible();
  await expectAccessible(page, "empty documents");
  for (const [view, heading, next] of [
    ["sources", "No sources yet", "Open the claims"],
    ["discrepancies", "No disagreements found", "Import other outlets' articles on the same story"],
    ["facts", "No facts yet", "Import other outlets' articles on the same story"],
  ] as const) {
    await page.goto(`/projects/${slug}/${view}`);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByRole("link", { name: next })).toBeVisible();
  }
});

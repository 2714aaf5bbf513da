import AxeBuilder from "@axe-core/playwright";
import { type Locator, type Page, expect, test } from "@playwright/test";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

// The review workspace at a laptop's size (issue 14): how many claims a reviewer sees, with
// and without the claim panel, and that the selected row never leaves the view.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TABLE = `/projects/${E2E_REVIEW_PROJECT.slug}/claims`;

async function openTable(page: Page, username: string) {
  await page.setViewportSize(DESKTOP);
  await signInAndExpectProjects(page, username);
  await page.goto(TABLE);
  await expect(page.getByRole("table", { name: "Claims" })).toBeVisible();
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
}

/** Claim rows wholly on screen: inside the window and the table's own scroll box, below its sticky header. */
async function visibleRows(table: Locator): Promise<number> {
  return table.evaluate((element) => {
    const box = element.parentElement!.getBoundingClientRect();
    const header = element.querySelector("thead")!.getBoundingClientRect();
    const top = Math.max(0, box.top, header.bottom) - 1;
    const bottom = Math.min(window.innerHeight, box.bottom) + 1;
    return [...element.querySelectorAll("tbody tr[aria-rowindex]")].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.height > 0 && r.top >= top && r.bottom <= bottom;
    }).length;
  });
}

async function isWhollyInView(table: Locator, row: Locator): Promise<boolean> {
  const [boxOf, rowBox] = await Promise.all([table.evaluate((t) => t.parentElement!.getBoundingClientRect().toJSON()), row.boundingBox()]);
  const box = boxOf as DOMRect;
  return !!rowBox && rowBox.y >= box.top && rowBox.y + rowBox.height <= Math.min(box.bottom, DESKTOP.height) + 1;
}

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
}

async function setViewOption(page: Page, change: () => Promise<unknown>) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(TABLE));
  await change();
  await saved;
}

test("at 1440x900 the table shows 15 claims, more when compact, and 10 beside the panel with the selected row in view", async ({
  page,
}) => {
  // Many key presses and an axe run: about a minute on a quiet machine, more under load.
  test.setTimeout(240_000);
  // An editor: the bulk bar takes its line above the table too.
  await openTable(page, E2E_USERS.editor.username);
  const table = page.getByRole("table", { name: "Claims" });
  const comfortable = await visibleRows(table);
  expect(comfortable, "claim rows in view, default density").toBeGreaterThanOrEqual(15);
  await expect(table.locator('tbody tr[aria-selected="true"]')).toHaveCount(1);

  await page.getByText("View options").click();
  await setViewOption(page, () => page.getByLabel("Density").selectOption("compact"));
  await expect(table).toHaveClass(/compact/);
  expect(await visibleRows(table), "claim rows in view, compact").toBeGreaterThan(comfortable);
  await setViewOption(page, () => page.getByLabel("Density").selectOption("comfortable"));
  await expect(table).not.toHaveClass(/compact/);
  await page.getByText("View options").click();

  await table.locator('tbody tr[aria-selected="true"]').focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Claim details" });
  await expect(panel.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(panel.getByRole("figure", { name: "The claim in its article" }).locator("mark")).toBeVisible();
  for (let i = 0; i < 16; i += 1) await page.keyboard.press("j");
  const selected = table.locator('tbody tr[aria-selected="true"]');
  await expect(selected).toHaveAttribute("aria-rowindex", "18");
  const selectedId = (await selected.getByLabel(/^Status of claim \d+$/).getAttribute("aria-label"))!.replace("Status of claim ", "");
  // The panel follows the selection.
  await expect(panel.getByRole("heading", { name: `Claim ${selectedId}` })).toBeVisible();
  await expect.poll(() => isWhollyInView(table, selected), { message: "the selected row is wholly in view" }).toBe(true);
  expect(await visibleRows(table), "claim rows in view beside the panel").toBeGreaterThanOrEqual(10);
  // Not cut off on the right: the table fits its box, the box fits the window.
  const fit = await table.evaluate((t) => ({
    inner: t.parentElement!.scrollWidth,
    outer: t.parentElement!.clientWidth,
    page: document.documentElement.scrollWidth,
  }));
  expect(fit.inner).toBeLessThanOrEqual(fit.outer);
  expect(fit.page).toBeLessThanOrEqual(DESKTOP.width);
  // Moving back up past the sticky header keeps the row below it.
  for (let i = 0; i < 16; i += 1) await page.keyboard.press("k");
  await expect(selected).toHaveAttribute("aria-rowindex", "2");
  await expect.poll(() => isWhollyInView(table, selected)).toBe(true);
  await expectNoSeriousViolations(page);

  await page.keyboard.press("Escape");
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "page width at 390 px").toBeLessThanOrEqual(PHONE.width);
});

test("with the setting on, a verdict from the panel moves to the next unreviewed claim", async ({ page }) => {
  test.setTimeout(120_000);
  await openTable(page, E2E_USERS.reviewer.username);
  const table = page.getByRole("table", { name: "Claims" });
  await page.getByText("View options").click();
  const setting = page.getByLabel("After a verdict, move to the next unreviewed claim");
  await setViewOption(page, () => setting.check());
  await page.getByText("View options").click();

  const rows = table.locator("tbody tr[aria-rowindex]");
  const idOf = async (row: Locator) =>
    (await row.getByLabel(/^Status of claim \d+$/).getAttribute("aria-label"))!.replace("Status of claim ", "");
  // Two claims nobody has decided, one after the other (the seed leaves most undecided).
  const undecided = rows.filter({ hasText: "not decided" });
  const first = await idOf(undecided.nth(0));
  const second = await idOf(undecided.nth(1));
  await undecided.nth(0).click();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Claim details" });
  await expect(panel.getByRole("heading", { name: `Claim ${first}` })).toBeVisible();
  const verdict = panel.getByRole("form", { name: "Set verdict" });
  await verdict.getByLabel("disputed").check();
  await verdict.getByLabel("Rationale").fill("The panel's verdict, for the move-on setting.");
  await verdict.getByRole("button", { name: "Save verdict" }).click();

  // Saved, the rows and the panel reloaded, then the move: several round trips on a busy machine.
  await expect(panel.getByRole("heading", { name: `Claim ${second}` })).toBeVisible({ timeout: 20_000 });
  await expect(table.locator('tbody tr[aria-selected="true"]').getByLabel(`Status of claim ${second}`, { exact: true })).toBeVisible();
  await expect(page.getByLabel(`Status of claim ${first}`, { exact: true })).toHaveText("disputed");

  // Off again: the same account's other journeys expect the table to stay put.
  await page.keyboard.press("Escape");
  await page.getByText("View options").click();
  await setViewOption(page, () => setting.uncheck());
});

import { type Page, expect, test } from "@playwright/test";
import { E2E_USERS } from "./support/accounts";
import { firstRowClaimId, openTable } from "./support/claims-table";

function statusOf(page: Page, claimId: number | string) {
  return page.getByLabel(`Status of claim ${claimId}`, { exact: true });
}

test("a reviewer tags claims from the keyboard", async ({ page }) => {
  await openTable(page, E2E_USERS.reviewer.username, "?q=temporary+housing");
  const first = await firstRowClaimId(page);
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: `Mark claim ${first} confirmed` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Rationale").fill("Housing office figures match.");
  await page.keyboard.press("Enter");
  await expect(statusOf(page, first)).toHaveValue("confirmed");

  const second = await firstRowClaimId(page, 1);
  await page.keyboard.press("j");
  await page.keyboard.press("2");
  await page
    .getByRole("dialog", { name: `Mark claim ${second} disputed` })
    .getByLabel("Rationale")
    .fill("Numbers differ from the council's.");
  await page.keyboard.press("Enter");
  await expect(statusOf(page, second)).toHaveValue("disputed");
  await page.keyboard.press("u");
  await expect(statusOf(page, second)).toHaveValue("unverified");

  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Claim details" });
  await expect(panel.getByRole("heading", { name: `Claim ${second}` })).toBeVisible();
  await expect(panel.getByRole("listitem").filter({ hasText: "marked the claim disputed" })).toBeVisible();
  await expect(panel.getByRole("listitem").filter({ hasText: "marked the claim unverified" })).toBeVisible();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search claims")).toBeFocused();
});

test("keys pressed in quick succession act on the row the keyboard moved to", async ({ page }) => {
  await openTable(page, E2E_USERS.reviewer.username, "?q=bridge+carries");
  const first = await firstRowClaimId(page);
  const second = await firstRowClaimId(page, 1);
  const firstStatus = await statusOf(page, first).inputValue();
  // "j" and then "2" as a fast typist sends them: separate key presses, within one frame.
  await page.evaluate(async () => {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "j", bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", bubbles: true }));
  });
  const dialog = page.getByRole("dialog", { name: `Mark claim ${second} disputed` });
  await dialog.getByLabel("Rationale").fill("Traffic count is from another bridge.");
  await page.keyboard.press("Enter");
  await expect(statusOf(page, second)).toHaveValue("disputed");
  // The selection stayed on the second row: "u" undoes that verdict, not the first row's.
  await page.keyboard.press("u");
  await expect(statusOf(page, second)).toHaveValue("unverified");
  await expect(statusOf(page, first)).toHaveValue(firstStatus);
});

test("filters and sorting live in the URL and the back button restores them", async ({ page }) => {
  await openTable(page, E2E_USERS.viewer.username);
  await expect(page.getByLabel(/^Status of claim/)).toHaveCount(0);
  await page.getByRole("group", { name: "Status" }).getByLabel("disputed").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?status=disputed$/);
  const rows = page.getByRole("table", { name: "Claims" }).locator("tbody tr[data-index]");
  await expect(rows).toHaveCount(3);
  for (const status of await rows.locator(".status-badge").allTextContents()) expect(status).toBe("disputed");
  await page.getByRole("link", { name: /Check-worthiness/ }).click();
  await expect(page).toHaveURL(/sort=checkworthiness&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Check-worthiness/ })).toHaveAttribute("aria-sort", "descending");
  await page.goBack();
  await expect(page).toHaveURL(/\?status=disputed$/);
  await expect(rows).toHaveCount(3);
});

test("an editor changes claims in bulk and undoes it", async ({ page }) => {
  await openTable(page, E2E_USERS.editor.username, "?q=roads");
  const a = await firstRowClaimId(page, 0);
  const b = await firstRowClaimId(page, 1);
  await page.getByLabel(`Select claim ${a}`, { exact: true }).check();
  await page.getByLabel(`Select claim ${b}`, { exact: true }).check();
  const bulk = page.getByRole("region", { name: "Bulk change" });
  await bulk.getByLabel("Set status").selectOption("confirmed");
  await bulk.getByLabel("Bulk rationale").fill("Road budget verified against the ledger.");
  await bulk.getByRole("button", { name: "Preview change" }).click();
  await expect(bulk.getByText("This will change 2 of 2 claims.")).toBeVisible();
  await bulk.getByRole("button", { name: "Apply change" }).click();
  await expect(bulk.getByText("Changed 2 claims.")).toBeVisible();
  await expect(statusOf(page, a)).toHaveValue("confirmed");
  await expect(statusOf(page, b)).toHaveValue("confirmed");
  await bulk.getByRole("button", { name: /Undo \(\d+ s\)/ }).click();
  await expect(bulk.getByText("Undone: 2 claims restored.")).toBeVisible();
  await expect(statusOf(page, a)).toHaveValue("unverified");
  await expect(statusOf(page, b)).toHaveValue("unverified");
});

test("a change by one reviewer appears for another without reloading, with presence", async ({ browser }) => {
  // Two browsers and two sign-ins: on a loaded machine that alone takes most of the default 30 s.
  test.slow();
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await openTable(pageA, E2E_USERS.reviewer.username, "?q=turnout");
  await openTable(pageB, E2E_USERS.reviewer2.username, "?q=turnout");
  const claimId = await firstRowClaimId(pageA);

  // Both open the same claim: each sees the other.
  await pageA.keyboard.press("Enter");
  await pageB.keyboard.press("Enter");
  await expect(
    pageA.getByRole("complementary", { name: "Claim details" }).getByText(`Also viewing: ${E2E_USERS.reviewer2.displayName}`),
  ).toBeVisible({ timeout: 5000 });

  await statusOf(pageB, claimId).selectOption("disputed");
  await pageB.getByRole("dialog").getByLabel("Rationale").fill("Turnout figure is from the wrong year.");
  await pageB.keyboard.press("Enter");
  await expect(statusOf(pageB, claimId)).toHaveValue("disputed");
  // Within 2 seconds, on the other reviewer's screen, without a reload.
  await expect(statusOf(pageA, claimId)).toHaveValue("disputed", { timeout: 2000 });
  await expect(
    pageA
      .getByRole("complementary", { name: "Claim details" })
      .getByRole("definition")
      .filter({ hasText: "Turnout figure is from the wrong year." }),
  ).toBeVisible({ timeout: 3000 });
  await first.close();
  await second.close();
});

import { type Page, expect, test } from "@playwright/test";
import { E2E_USERS } from "./support/accounts";
import { chooseRowStatus, firstRowClaimId, openTable } from "./support/claims-table";

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
  await expect(statusOf(page, first)).toHaveText("confirmed");

  const second = await firstRowClaimId(page, 1);
  await page.keyboard.press("j");
  await page.keyboard.press("2");
  await page
    .getByRole("dialog", { name: `Mark claim ${second} disputed` })
    .getByLabel("Rationale")
    .fill("Numbers differ from the council's.");
  await page.keyboard.press("Enter");
  await expect(statusOf(page, second)).toHaveText("disputed");
  await page.keyboard.press("u");
  await expect(statusOf(page, second)).toHaveText("unverified");

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

test("a row's status control opens the table's status list and chooses from the keyboard", async ({ page }) => {
  await openTable(page, E2E_USERS.reviewer.username, "?q=temporary+housing");
  const claimId = await firstRowClaimId(page, 2);
  const control = page.getByRole("combobox", { name: `Status of claim ${claimId}`, exact: true });
  const before = (await control.textContent())!.trim();
  const list = page.getByRole("listbox", { name: `Status of claim ${claimId}`, exact: true });
  await control.focus();
  // Focusing the control selects its row, and focus stays on the control.
  await expect(page.locator('tbody tr[aria-selected="true"]').getByRole("combobox")).toHaveAccessibleName(`Status of claim ${claimId}`);
  await expect(control).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(list).toBeVisible();
  await expect(control).toHaveAttribute("aria-expanded", "true");
  await expect(list.getByRole("option", { name: before, exact: true })).toHaveAttribute("aria-selected", "true");
  const highlighted = () => control.getAttribute("aria-activedescendant");
  expect(await highlighted()).toBe(`claim-status-option-${before}`);
  await page.keyboard.press("End");
  expect(await highlighted()).toBe("claim-status-option-disputed");
  await page.keyboard.press("Home");
  expect(await highlighted()).toBe("claim-status-option-unverified");
  await page.keyboard.press("ArrowDown");
  expect(await highlighted()).toBe("claim-status-option-confirmed");
  // Escape closes the list, not the page's panel; focus is still on the control.
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(control).toHaveAttribute("aria-expanded", "false");
  await expect(control).toBeFocused();
  // Focus leaving the control (Tab, a shortcut) closes the list: it never stays open for a control without focus.
  await page.keyboard.press("Enter");
  await expect(list).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(list).toBeHidden();
  await expect(control).toHaveAttribute("aria-expanded", "false");
  await control.focus();

  const next = before === "disputed" ? "confirmed" : "disputed";
  await page.keyboard.press(" ");
  await expect(list).toBeVisible();
  await page.keyboard.press(next === "disputed" ? "d" : "c");
  await expect(list).toBeHidden();
  const dialog = page.getByRole("dialog", { name: `Mark claim ${claimId} ${next}` });
  await dialog.getByLabel("Rationale").fill("Chosen from the row's status list.");
  await page.keyboard.press("Enter");
  await expect(control).toHaveText(next);
  // The dialog gave focus back to the control.
  await expect(control).toBeFocused();

  // With the mouse: the list closes on a click elsewhere.
  await control.click();
  await expect(list).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(list).toBeHidden();

  // Back as it was, for the tests after this one that count claims by status.
  await chooseRowStatus(page, claimId, before);
  if (before !== "unverified") {
    await page
      .getByRole("dialog", { name: `Mark claim ${claimId} ${before}` })
      .getByLabel("Rationale")
      .fill("Restored.");
    await page.keyboard.press("Enter");
  }
  await expect(control).toHaveText(before);
});

test("keys pressed in quick succession act on the row the keyboard moved to", async ({ page }) => {
  await openTable(page, E2E_USERS.reviewer.username, "?q=bridge+carries");
  const first = await firstRowClaimId(page);
  const second = await firstRowClaimId(page, 1);
  const firstStatus = (await statusOf(page, first).textContent())!.trim();
  // "j" and then "2" as a fast typist sends them: separate key presses, within one frame.
  await page.evaluate(async () => {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "j", bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", bubbles: true }));
  });
  const dialog = page.getByRole("dialog", { name: `Mark claim ${second} disputed` });
  await dialog.getByLabel("Rationale").fill("Traffic count is from another bridge.");
  await page.keyboard.press("Enter");
  await expect(statusOf(page, second)).toHaveText("disputed");
  // The selection stayed on the second row: "u" undoes that verdict, not the first row's.
  await page.keyboard.press("u");
  await expect(statusOf(page, second)).toHaveText("unverified");
  await expect(statusOf(page, first)).toHaveText(firstStatus);
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
  await expect(statusOf(page, a)).toHaveText("confirmed");
  await expect(statusOf(page, b)).toHaveText("confirmed");
  await bulk.getByRole("button", { name: /Undo \(\d+ s\)/ }).click();
  await expect(bulk.getByText("Undone: 2 claims restored.")).toBeVisible();
  await expect(statusOf(page, a)).toHaveText("unverified");
  await expect(statusOf(page, b)).toHaveText("unverified");
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

  await chooseRowStatus(pageB, claimId, "disputed");
  await pageB.getByRole("dialog").getByLabel("Rationale").fill("Turnout figure is from the wrong year.");
  await pageB.keyboard.press("Enter");
  await expect(statusOf(pageB, claimId)).toHaveText("disputed");
  // Within 2 seconds, on the other reviewer's screen, without a reload.
  await expect(statusOf(pageA, claimId)).toHaveText("disputed", { timeout: 2000 });
  await expect(
    pageA
      .getByRole("complementary", { name: "Claim details" })
      .getByRole("definition")
      .filter({ hasText: "Turnout figure is from the wrong year." }),
  ).toBeVisible({ timeout: 3000 });
  await first.close();
  await second.close();
});

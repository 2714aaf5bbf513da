import { type Browser, type Locator, type Page, expect, test } from "@playwright/test";
import { E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { TABLE, firstRowClaimId, openTable } from "./support/claims-table";
import { signInAndExpectProjects } from "./support/session";

// State that follows the URL and the server (issue 14, part 2): each test here failed before its fix.

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

/** Two reviewers signed in side by side; `liveB: false` cuts the second one's live events, so only a 409 can update it. */
async function twoReviewers(browser: Browser, options: { liveB: boolean }) {
  const a = await browser.newContext();
  const b = await browser.newContext();
  if (!options.liveB) await b.route("**/events", (route) => route.abort());
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signInAndExpectProjects(pageA, E2E_USERS.reviewer.username);
  await signInAndExpectProjects(pageB, E2E_USERS.reviewer2.username);
  return { pageA, pageB, close: async () => Promise.all([a.close(), b.close()]) };
}

/** The claim page, once hydrated (its live updates connect from the browser). */
async function openClaimPage(page: Page, claimId: string, live = true) {
  const connected = live ? page.waitForRequest((request) => request.url().endsWith("/events")) : null;
  await page.goto(`${TABLE}/${claimId}`);
  await expect(page.getByRole("heading", { name: `Claim ${claimId}`, level: 1 })).toBeVisible();
  await connected;
}

async function saveVerdict(scope: Page | Locator, status: string, rationale: string) {
  const form = scope.getByRole("form", { name: "Set verdict" });
  await form.getByRole("radio", { name: status, exact: true }).check();
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Save verdict" }).click();
}

test("after a stale verdict the claim page shows the other change, with the message and the typed rationale beside the form", async ({
  browser,
}) => {
  test.slow();
  const { pageA, pageB, close } = await twoReviewers(browser, { liveB: false });
  await pageA.goto(`${TABLE}?q=new+cases`);
  const claimId = await firstRowClaimId(pageA);
  await openClaimPage(pageA, claimId);
  // B's page hears nothing live: what it shows after saving comes from the 409 alone.
  await openClaimPage(pageB, claimId, false);
  const versionBefore = Number((await pageB.getByText(/\(version \d+\)/).textContent())!.match(/version (\d+)/)![1]);

  await saveVerdict(pageA, "confirmed", "Matches the health bulletin.");
  await expect(pageA.getByRole("definition").filter({ hasText: "Matches the health bulletin." })).toBeVisible();

  await saveVerdict(pageB, "disputed", "The count is for April, not March.");
  const formB = pageB.getByRole("form", { name: "Set verdict" });
  await expect(formB.getByRole("alert")).toContainText("changed this claim");
  await expect(formB.getByLabel("Rationale")).toHaveValue("The count is for April, not March.");
  await expect(formB.getByRole("radio", { name: "disputed", exact: true })).toBeChecked();
  await expect(pageB.getByRole("definition").filter({ hasText: "Matches the health bulletin." })).toBeVisible();
  await expect(pageB.getByText(`(version ${versionBefore + 1})`)).toBeVisible();
  await expect(pageB.getByRole("listitem").filter({ hasText: "marked the claim confirmed" })).toBeVisible();

  // Having seen the other change, B saves again: the form now answers the current version.
  await formB.getByRole("button", { name: "Save verdict" }).click();
  await expect(pageB.getByRole("definition").filter({ hasText: "The count is for April, not March." })).toBeVisible();
  await expect(pageB.getByText(`(version ${versionBefore + 2})`)).toBeVisible();
  await close();
});

test("the claim page follows live changes and leaves a rationale being typed alone", async ({ browser }) => {
  test.slow();
  const { pageA, pageB, close } = await twoReviewers(browser, { liveB: true });
  await pageA.goto(`${TABLE}?q=new+cases`);
  const claimId = await firstRowClaimId(pageA, 1);
  await openClaimPage(pageA, claimId);
  await openClaimPage(pageB, claimId);
  const formB = pageB.getByRole("form", { name: "Set verdict" });
  await formB.getByLabel("Rationale").fill("Half-written note");

  await saveVerdict(pageA, "confirmed", "Bulletin figure checked.");
  await expect(pageB.getByRole("definition").filter({ hasText: "Bulletin figure checked." })).toBeVisible({ timeout: 5000 });
  await expect(pageB.getByRole("listitem").filter({ hasText: "marked the claim confirmed" })).toBeVisible();
  await expect(formB.getByLabel("Rationale")).toHaveValue("Half-written note");
  await close();
});

test("after a stale verdict from the panel, the panel and the row show the other change and the message sits in the panel's form", async ({
  browser,
}) => {
  test.slow();
  const { pageA, pageB, close } = await twoReviewers(browser, { liveB: false });
  await pageB.goto(`${TABLE}?q=new+cases`);
  await expect(pageB.getByRole("table", { name: "Claims" })).toBeVisible();
  await pageB.locator("[data-hydrated]").waitFor({ state: "attached" });
  const claimId = await firstRowClaimId(pageB, 2);
  const row = pageB.getByRole("row").filter({ has: pageB.getByLabel(`Status of claim ${claimId}`, { exact: true }) });
  // A double click on the row (away from its link and controls) opens the claim beside the table.
  await row.getByRole("cell").nth(2).dblclick();
  const panel = pageB.getByRole("complementary", { name: "Claim details" });
  await expect(panel.getByRole("form", { name: "Set verdict" })).toBeVisible();

  await openClaimPage(pageA, claimId);
  await saveVerdict(pageA, "confirmed", "Checked against the register.");
  await expect(pageA.getByRole("definition").filter({ hasText: "Checked against the register." })).toBeVisible();

  await saveVerdict(panel, "disputed", "Register is a year old.");
  const formB = panel.getByRole("form", { name: "Set verdict" });
  await expect(formB.getByRole("alert")).toContainText("changed this claim");
  await expect(formB.getByLabel("Rationale")).toHaveValue("Register is a year old.");
  await expect(panel.getByRole("definition").filter({ hasText: "Checked against the register." })).toBeVisible();
  await expect(panel.getByRole("listitem").filter({ hasText: "marked the claim confirmed" })).toBeVisible();
  await expect(pageB.getByLabel(`Status of claim ${claimId}`, { exact: true })).toHaveText("confirmed");
  await close();
});

test("a notice about a row is gone after a new search", async ({ page }) => {
  // A project that requires a source for a verdict, with an article of its own (invented).
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByLabel("Choose files to import").setInputFiles({
    name: "library-hours.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(
      "Library hours cut\n\nThe Marlow library will cut its opening hours by 12 hours a week from June, the council said on Monday.\n",
    ),
  });
  await expect(
    page.getByRole("table", { name: "Import results" }).getByRole("row", { name: /library-hours\.txt.*Imported/ }),
  ).toBeVisible();
  await page.goto(`/projects/${E2E_PROJECT.slug}/claims?q=opening+hours`);
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
  await page.keyboard.press("c");
  const notice = page.getByRole("alert").filter({ hasText: "has no source yet" });
  await expect(notice).toBeVisible();

  const search = page.getByLabel("Search claims");
  await search.fill("tolls");
  await search.press("Enter");
  await expect(page).toHaveURL(/\?q=tolls$/);
  await expect(notice).toBeHidden();
});

test("a bulk preview is gone once the change is applied, and once it is undone", async ({ page }) => {
  await openTable(page, E2E_USERS.editor.username, "?q=Dunmore");
  const bulk = page.getByRole("region", { name: "Bulk change" });
  const selectFirstThree = async () => {
    for (const offset of [0, 1, 2]) await page.getByLabel(`Select claim ${await firstRowClaimId(page, offset)}`, { exact: true }).check();
  };
  await selectFirstThree();
  await bulk.getByLabel("Set assignee").selectOption({ label: E2E_USERS.editor.displayName });
  await bulk.getByRole("button", { name: "Preview change" }).click();
  const preview = bulk.getByText(/This will change \d+ of 3 claims\./);
  await expect(preview).toBeVisible();
  await bulk.getByRole("button", { name: "Apply change" }).click();
  await expect(bulk.getByText(/Changed \d+ claims\./)).toBeVisible();
  await expect(preview).toBeHidden();

  // A new preview, then the undo of the change before it: the preview no longer says what will happen.
  await selectFirstThree();
  await bulk.getByLabel("Set assignee").selectOption("none");
  await bulk.getByRole("button", { name: "Preview change" }).click();
  await expect(preview).toBeVisible();
  await bulk.getByRole("button", { name: /Undo \(\d+ s\)/ }).click();
  await expect(bulk.getByText(/Undone: \d+ claims restored/)).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(bulk.getByRole("button", { name: /Undo/ })).toHaveCount(0);
});

test("the header names the default order, and the shortcuts listed are the ones the role can use", async ({ page }) => {
  await openTable(page, E2E_USERS.reviewer.username);
  await expect(page.getByRole("columnheader", { name: /Claim \(article order\)/ })).toHaveAttribute("aria-sort", "ascending");
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByRole("rowheader", { name: "c or 1" })).toBeVisible();
  // A reviewer has no selection for bulk changes: "x" does nothing for them, so it is not offered.
  await expect(shortcuts.getByRole("rowheader", { name: "x", exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await page.context().clearCookies();
  await openTable(page, E2E_USERS.editor.username);
  await page.keyboard.press("?");
  await expect(shortcuts.getByRole("rowheader", { name: "x", exact: true })).toBeVisible();
});

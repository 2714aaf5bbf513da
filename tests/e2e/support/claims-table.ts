import { type Page, expect } from "@playwright/test";
import { E2E_REVIEW_PROJECT } from "./accounts";
import { signInAndExpectProjects } from "./session";

export const TABLE = `/projects/${E2E_REVIEW_PROJECT.slug}/claims`;

export async function openTable(page: Page, username: string, search = "") {
  await signInAndExpectProjects(page, username);
  await page.goto(`${TABLE}${search}`);
  await expect(page.getByRole("table", { name: "Claims" })).toBeVisible();
  // Keyboard shortcuts start working once the page has hydrated (the server renders the rows alone).
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
}

export async function firstRowClaimId(page: Page, offset = 0): Promise<string> {
  const label = await page
    .getByLabel(/^Status of claim \d+$/)
    .nth(offset)
    .getAttribute("aria-label");
  return label!.replace("Status of claim ", "");
}

/**
 * Sets a claim's status from its row: the row's status control (a button, role combobox)
 * opens the table's one status list, and the option is clicked.
 */
export async function chooseRowStatus(page: Page, claimId: number | string, status: string) {
  await page.getByRole("combobox", { name: `Status of claim ${claimId}`, exact: true }).click();
  await page
    .getByRole("listbox", { name: `Status of claim ${claimId}`, exact: true })
    .getByRole("option", { name: status, exact: true })
    .click();
}

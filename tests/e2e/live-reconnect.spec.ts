import { type Page, type Route, expect, test } from "@playwright/test";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { chooseRowStatus } from "./support/claims-table";
import { signInAndExpectProjects } from "./support/session";

const TABLE = `/projects/${E2E_REVIEW_PROJECT.slug}/claims?q=turnout`;

async function openTable(page: Page, username: string) {
  await signInAndExpectProjects(page, username);
  await page.goto(TABLE);
  await expect(page.getByRole("table", { name: "Claims" })).toBeVisible();
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
}

const statusOf = (page: Page, claimId: string) => page.getByLabel(`Status of claim ${claimId}`, { exact: true });

async function claimIdAt(page: Page, offset: number): Promise<string> {
  const label = await page
    .getByLabel(/^Status of claim \d+$/)
    .nth(offset)
    .getAttribute("aria-label");
  return label!.replace("Status of claim ", "");
}

/** Sets a claim to a status it does not have yet, on `page`, and returns that status. */
async function changeStatus(page: Page, claimId: string): Promise<string> {
  const next = (await statusOf(page, claimId).textContent())?.trim() === "confirmed" ? "disputed" : "confirmed";
  await chooseRowStatus(page, claimId, next);
  await page.getByRole("dialog").getByLabel("Rationale").fill(`Changed while the other screen was offline (${next}).`);
  await page.keyboard.press("Enter");
  await expect(statusOf(page, claimId)).toHaveText(next);
  return next;
}

test("a change made while the live connection was down shows once it reconnects, however it went down", async ({ browser }) => {
  // Two sign-ins and two reconnections (the page backs off up to a few seconds) on a shared machine.
  test.setTimeout(90_000);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  // How reviewer A's event stream fails while "down": a refused connection (the browser retries
  // by itself) or a 503 as a proxy answers during a restart (the browser gives up; the page retries).
  let down: "refused" | "unavailable" | null = "refused";
  await pageA.route(`**/projects/${E2E_REVIEW_PROJECT.slug}/events`, (route: Route) => {
    if (down === "refused") return route.abort("connectionrefused");
    if (down === "unavailable") return route.fulfill({ status: 503, contentType: "text/plain", body: "restarting" });
    return route.continue();
  });
  await openTable(pageA, E2E_USERS.reviewer.username);
  await openTable(pageB, E2E_USERS.reviewer2.username);

  // Playwright cannot cut a stream it let through, so each case loads A's table with the stream
  // down: either way the page must reconnect, and only reloading on reconnection shows the change.
  for (const [offset, failure] of [
    [3, "refused"],
    [4, "unavailable"],
  ] as const) {
    down = failure;
    await pageA.goto(TABLE);
    await expect(pageA.getByRole("table", { name: "Claims" })).toBeVisible();
    const claimId = await claimIdAt(pageA, offset);
    const before = (await statusOf(pageA, claimId).textContent())!.trim();
    const after = await changeStatus(pageB, claimId);
    // No event reaches A while it is disconnected...
    await pageA.waitForTimeout(1500);
    await expect(statusOf(pageA, claimId)).toHaveText(before);
    // ...and the table catches up as soon as the stream is back, with no event about that change.
    down = null;
    await expect(statusOf(pageA, claimId)).toHaveText(after, { timeout: 10_000 });
  }
  await first.close();
  await second.close();
});

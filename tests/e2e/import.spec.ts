import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/import");

// The reader tests read the article the first test imports.
test.describe.configure({ mode: "serial" });

test("an editor imports files in the browser and reads an article with its claims", async ({ page }) => {
  // The first upload may wait for the server's import thread to load the parsers and the language model.
  test.slow();
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByLabel("Choose files to import").setInputFiles([path.join(fixtures, "ferry-v1.html"), path.join(fixtures, "scan.pdf")]);
  const results = page.getByRole("table", { name: "Import results" });
  await expect(results.getByRole("row", { name: /ferry-v1\.html.*Imported/ })).toBeVisible({ timeout: 60_000 });
  await expect(results.getByRole("row", { name: /scan\.pdf.*Error: unsupported file type/ })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Upload of ferry-v1.html" })).toBeVisible();
  // Each upload ran as an import job; the list says how each ended, in words.
  const jobs = page.getByRole("region", { name: "Recent imports" });
  await expect(jobs.getByRole("listitem").filter({ hasText: "ferry-v1.html" }).first()).toContainText("done: 1 article imported");
  await expect(jobs.getByRole("listitem").filter({ hasText: "scan.pdf" }).first()).toContainText("done: 0 articles imported, 1 refused");

  await results.getByRole("link", { name: "Ferry operator raises fares by 12 percent" }).click();
  await expect(page.getByRole("heading", { name: "Ferry operator raises fares by 12 percent", level: 1 })).toBeVisible();
  await expect(page.getByText("Coastline Daily · by Mara Quint")).toBeVisible();
  const claim = page.getByRole("link", { name: /^Claim \d+, unverified: Harbourmaster Leon Abara said/ });
  await claim.click();
  const panel = page.getByRole("complementary", { name: "Selected claim" });
  await expect(panel.getByRole("definition").filter({ hasText: /^Leon Abara$/ })).toBeVisible();
  await expect(panel.getByText(/For: a percentage/)).toBeVisible();

  await page.getByText("Original formatting").click();
  await expect(page.locator(".original-html").getByText("A return ticket to Gull Island will cost $38, up from $34.")).toBeVisible();
});

test("a reviewer adds a claim by selecting text, and opens claims from the keyboard", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.reviewer.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByRole("link", { name: "Ferry operator raises fares by 12 percent" }).click();
  await expect(page.getByRole("heading", { name: "Ferry operator raises fares by 12 percent", level: 1 })).toBeVisible();
  const claims = page.locator(".claim-mark");
  const before = await claims.count();

  // Select the unhighlighted sentence about the islanders, as a mouse drag would.
  await page.evaluate(() => {
    const span = [...document.querySelectorAll<HTMLElement>("[data-start]")].find((el) => el.textContent?.includes("Islanders gathered"))!;
    const text = span.firstChild!;
    const range = document.createRange();
    range.setStart(text, span.textContent!.indexOf("Islanders"));
    range.setEnd(text, span.textContent!.indexOf("pier") + "pier".length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.getByRole("button", { name: "Add claim" }).first().click();
  await expect(claims).toHaveCount(before + 1);
  await expect(page.getByRole("link", { name: /unverified: Islanders gathered at the pier$/ })).toBeVisible();

  // Keyboard: focus a highlight and press Enter to open it in the panel.
  await page.getByRole("link", { name: /^Claim \d+, unverified: Bluewater Ferries will raise fares/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Selected claim" }).getByRole("blockquote")).toContainText(
    "Bluewater Ferries will raise fares",
  );
});

test("a viewer sees no import controls and the server refuses an import", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await expect(page.getByRole("heading", { name: /documents/ })).toBeVisible();
  await expect(page.getByLabel("Choose files to import")).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/projects/${E2E_PROJECT.slug}/documents/import`, {
    headers: { Origin: origin },
    multipart: {
      files: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("Title\n\nThe port moved 4 tonnes, officials said.") },
    },
  });
  expect(response.status()).toBe(403);
});

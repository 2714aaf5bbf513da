import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/import");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

// The reader tests read the article the first test imports.
test.describe.configure({ mode: "serial" });

test("an editor imports files in the browser and reads an article with its claims", async ({ page }) => {
  // The first upload may wait for the server's import thread to load the parsers and the language model.
  test.slow();
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByLabel("Choose files to import").setInputFiles([path.join(fixtures, "ferry-v1.html"), path.join(fixtures, "scan.pdf")]);
  const results = page.getByRole("table", { name: "Import results" });
  // Run again (--repeat-each), the same file is recognised and skipped; the article is the one imported first.
  const outcome = test.info().repeatEachIndex === 0 ? "Imported" : "Duplicate, skipped";
  await expect(results.getByRole("row", { name: new RegExp(`ferry-v1\\.html.*${outcome}`) })).toBeVisible({ timeout: 60_000 });
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

test("a reviewer adds a claim by selecting text, and opens claims from the keyboard", async ({ page, browser }) => {
  await signInAndExpectProjects(page, E2E_USERS.reviewer.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByRole("link", { name: "Ferry operator raises fares by 12 percent" }).click();
  await expect(page.getByRole("heading", { name: "Ferry operator raises fares by 12 percent", level: 1 })).toBeVisible();
  const article = page.getByLabel("Article text");
  const marks = article.getByRole("link", { name: /^Claim \d+, / });
  const before = await marks.count();

  // Select the unhighlighted sentence about the islanders, as a mouse drag would. The bar appears once the
  // page listens for selections (after hydration), so the selection is made again until it does.
  const bar = page.getByRole("form", { name: "Selected text" });
  await expect(async () => {
    await page.evaluate(() => {
      const span = [...document.querySelectorAll<HTMLElement>("span[data-start]")].find((el) =>
        el.textContent?.includes("Islanders gathered"),
      )!;
      const text = span.firstChild!;
      const range = document.createRange();
      range.setStart(text, span.textContent!.indexOf("Islanders"));
      range.setEnd(text, span.textContent!.indexOf("pier") + "pier".length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await expect(bar).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(bar).toContainText("Islanders gathered at the pier");
  await bar.getByRole("button", { name: "Add claim" }).click();

  // The server redirects to the reader with the new claim selected; that visit says so and focuses it.
  await expect(page.getByRole("status").filter({ hasText: "Claim added" })).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Selected claim" });
  const heading = panel.getByRole("heading", { level: 2, name: /^Claim \d+$/ });
  await expect(heading).toBeFocused();
  const claimId = (await heading.textContent())!.replace(/\D/g, "");
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}$`));
  await expect(panel.getByRole("blockquote")).toHaveText("Islanders gathered at the pier");
  // Counted only now that the page shows the claim added.
  await expect(marks).toHaveCount(before + 1);
  const added = article.getByRole("link", { name: `Claim ${claimId}, unverified: Islanders gathered at the pier` });
  await expect(added).toHaveAttribute("aria-current", "true");
  await expect(bar).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // The notice belongs to that one visit: reloading the same address shows the claim without it.
  await page.reload();
  await expect(heading).toHaveText(`Claim ${claimId}`);
  await expect(page.getByRole("status").filter({ hasText: "Claim added" })).toHaveCount(0);
  await expect(heading).not.toBeFocused();

  // Keyboard: focus a highlight and press Enter to open it in the panel.
  await page.getByRole("link", { name: /^Claim \d+, unverified: Bluewater Ferries will raise fares/ }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("blockquote")).toContainText("Bluewater Ferries will raise fares");
  await expect(page.getByRole("status").filter({ hasText: "Claim added" })).toHaveCount(0);

  // An editor dismisses the new claim from the reader's panel, which leaves the passage free for the next run
  // (adding it again restores the dismissed candidate).
  const editorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const editor = await editorContext.newPage();
  await signInAndExpectProjects(editor, E2E_USERS.editor.username);
  await editor.goto(new URL(page.url()).pathname + `?claim=${claimId}`);
  await editor.getByRole("complementary", { name: "Selected claim" }).getByRole("button", { name: "Dismiss claim" }).click();
  await expect(editor.getByLabel("Article text").getByRole("link", { name: /Islanders gathered/ })).toHaveCount(0);
  await editorContext.close();
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

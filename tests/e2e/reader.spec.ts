import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

const REVIEW = `/projects/${E2E_REVIEW_PROJECT.slug}`;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function openFirstArticle(page: Page) {
  await page.goto(`${REVIEW}/documents`);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Some words of the article that occur exactly once in it (the seeded articles are all highlights, so inside one). */
async function uniqueQuote(page: Page): Promise<string> {
  const quote = await page.getByLabel("Article text").evaluate((article) => {
    const text = article.textContent ?? "";
    for (const span of Array.from(article.querySelectorAll("[data-start]"))) {
      const words = (span.textContent ?? "").trim();
      for (let from = 5; from + 30 <= words.length; from += 10) {
        const candidate = words.slice(from, from + 30).trim();
        if (text.indexOf(candidate) === text.lastIndexOf(candidate)) return candidate;
      }
    }
    return null;
  });
  expect(quote, "a passage that occurs once").not.toBeNull();
  return quote!;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("a reviewer adds a claim by quote, lands on it and tags it from the reader panel", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAndExpectProjects(page, E2E_USERS.reviewer.username);
  await openFirstArticle(page);
  const quote = await uniqueQuote(page);

  await page.getByLabel("Add a claim by quoting the article").fill(quote);
  await page.getByRole("button", { name: "Add claim" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Claim added" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]claim=\d+/);
  const panel = page.getByRole("complementary", { name: "Selected claim" });
  const heading = panel.getByRole("heading", { level: 2, name: /^Claim \d+$/ });
  await expect(heading).toBeFocused();
  const claimId = (await heading.textContent())!.replace(/\D/g, "");
  await expect(page).toHaveURL(new RegExp(`claim=${claimId}`));
  await expect(panel.getByRole("blockquote")).toContainText(quote);
  await expect(page.getByRole("link", { name: new RegExp(`^Claim ${claimId}, unverified`) })).toHaveAttribute("aria-current", "true");

  // A bad quote is refused beside the quote field.
  await page.getByLabel("Add a claim by quoting the article").fill("words that are surely not in this article at all");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByText("That text does not appear in the article exactly as pasted.")).toBeVisible();

  await page.goto(page.url().replace(/[?&]claim=\d+/, "") + `?claim=${claimId}`);
  const form = panel.getByRole("form", { name: "Set verdict" });
  await form.getByRole("radio", { name: "confirmed" }).check();
  await form.getByLabel("Rationale").fill("Checked against the article");
  await form.getByRole("button", { name: "Save verdict" }).click();
  await expect(panel.getByText("confirmed", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Claim ${claimId}, confirmed`) })).toHaveClass(/status-confirmed/);

  await page.getByText("What the highlights mean").click();
  await expect(page.getByText("Disputed: the claim does not hold up.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a viewer sees the reader panel without a verdict form", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await openFirstArticle(page);
  await page.getByLabel("Article text").getByRole("link").first().click();
  const panel = page.getByRole("complementary", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { level: 2, name: /^Claim \d+$/ })).toBeVisible();
  await expect(panel.getByRole("form", { name: "Set verdict" })).toHaveCount(0);
  await expect(page.getByLabel("Add a claim by quoting the article")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

import fs from "node:fs";
import path from "node:path";
import { type Page, expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..", "..");
const out = path.join(root, "docs", "screenshots");
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const CLAIMS = "/projects/harbour-desk/claims";

function demoPassword(username: string): string {
  const file = fs.readFileSync(path.join(root, "tests", ".tmp", "screenshots", "data", "demo-credentials.txt"), "utf8");
  const line = file.split("\n").find((l) => l.startsWith(`${username}\t`));
  if (!line) throw new Error(`no demo account ${username}`);
  return line.split("\t")[1]!;
}

async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword(username));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
}

async function shoot(page: Page, name: string, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  // Let the virtualized table measure its rows at the new width.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}-${size.width}x${size.height}.png`) });
}

async function openClaims(page: Page) {
  await page.goto(CLAIMS);
  await page.waitForFunction(() => document.querySelector('tr[tabindex="0"]') !== null);
}

test("the claims workspace, as the demo editor", async ({ page }) => {
  fs.mkdirSync(out, { recursive: true });
  await signIn(page, "editor");
  await openClaims(page);
  await shoot(page, "claims", DESKTOP);
  await shoot(page, "claims", PHONE);
  await page.setViewportSize(DESKTOP);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Claim details" }).getByRole("heading", { name: "History" })).toBeVisible();
  await shoot(page, "claims-panel", DESKTOP);
  await page.keyboard.press("Escape");
  await page.getByText("View options").click();
  await page.getByLabel("Density").selectOption("compact");
  await expect(page.getByRole("table", { name: "Claims" })).toHaveClass(/compact/);
  await page.getByText("View options").click();
  await shoot(page, "claims-compact", DESKTOP);
});

test("a reviewer's queue, and an empty project's next step", async ({ page }) => {
  await signIn(page, "rivera");
  await page.goto(`${CLAIMS}?assignee=me`);
  await page.waitForFunction(() => document.querySelector('tr[tabindex="0"]') !== null);
  await shoot(page, "my-queue", PHONE);

  await page.context().clearCookies();
  await signIn(page, "admin");
  await page.getByLabel("Project name").fill("Election desk");
  await page.getByLabel("Address name").fill("election-desk");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.goto("/projects/election-desk/claims");
  await expect(page.getByRole("heading", { name: "No claims yet" })).toBeVisible();
  await shoot(page, "empty-project-claims", DESKTOP);
  await shoot(page, "empty-project-claims", PHONE);
});

test("the Export view with its filters, as the demo editor", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/projects/harbour-desk/export?review=approved");
  await expect(page.getByRole("group", { name: "Review state" })).toBeVisible();
  await shoot(page, "export", DESKTOP);
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(out, `export-${PHONE.width}x${PHONE.height}.png`), fullPage: true });
});

test("the reader with a claim selected: its verdict form and the legend, as the demo editor", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/projects/harbour-desk/documents/1");
  await page.locator(".claim-mark").first().click();
  const panel = page.getByRole("complementary", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { level: 2 }).first()).toHaveText(/^Claim \d+$/);
  await panel.getByText("What the highlights mean").click();
  await shoot(page, "reader", DESKTOP);
  await page.setViewportSize(PHONE);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, `reader-${PHONE.width}x${PHONE.height}.png`) });
});

test("the reader just after adding a claim from a selection, as the demo editor", async ({ page }) => {
  await signIn(page, "editor");
  await page.setViewportSize(DESKTOP);
  await page.goto("/projects/harbour-desk/documents/1");
  const bar = page.getByRole("form", { name: "Selected text" });
  // Select the first words outside any highlight, as a mouse drag would (again until the page listens for it).
  await expect(async () => {
    const found = await page.evaluate(() => {
      const span = [...document.querySelectorAll<HTMLElement>(".article-text span[data-start]")].find(
        (el) => (el.textContent ?? "").trim().length >= 30,
      );
      if (!span?.firstChild) return false;
      const text = span.textContent!;
      const from = text.search(/\S/);
      const to = text.lastIndexOf(" ", from + 60) > from + 20 ? text.lastIndexOf(" ", from + 60) : text.trimEnd().length;
      const range = document.createRange();
      range.setStart(span.firstChild, from);
      range.setEnd(span.firstChild, to);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return true;
    });
    expect(found, "an unhighlighted passage in the article").toBe(true);
    await expect(bar).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await bar.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim added" })).toBeVisible();
  const heading = page.getByRole("complementary", { name: "Selected claim" }).getByRole("heading", { level: 2 }).first();
  await expect(heading).toBeFocused();
  await page.screenshot({ path: path.join(out, `reader-added-${DESKTOP.width}x${DESKTOP.height}.png`) });
  await page.setViewportSize(PHONE);
  await page.getByRole("status").filter({ hasText: "Claim added" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, `reader-added-${PHONE.width}x${PHONE.height}.png`) });
  await heading.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, `reader-added-panel-${PHONE.width}x${PHONE.height}.png`) });
});

import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { FERRY_STORY } from "../fixtures/facts/ferry-story";
import { E2E_FACTS_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("three outlets' articles form one fact with a highlighted difference; one verdict confirms the matching claims", async ({ page }) => {
  // Three imports, two axe scans and a verdict: more than the default 30 s on a loaded machine.
  test.setTimeout(120_000);
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_FACTS_PROJECT.slug}/documents`);
  await page
    .getByLabel("Choose files to import")
    .setInputFiles(Object.entries(FERRY_STORY).map(([name, text]) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text) })));
  const results = page.getByRole("table", { name: "Import results" });
  for (const name of Object.keys(FERRY_STORY))
    await expect(results.getByRole("row", { name: new RegExp(`${name.replace(".", "\\.")}.*Imported`) })).toBeVisible();

  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Facts" }).click();
  await expect(page.getByRole("heading", { name: `${E2E_FACTS_PROJECT.name}: facts`, level: 1 })).toBeVisible();
  const facts = page.getByRole("table", { name: "Facts of this project" });
  const deadline = facts.getByRole("row").filter({ hasText: "time: 5:01 p.m. (2), 5 p.m. (1)" });
  await expect(deadline).toHaveCount(1);
  await expect(deadline.getByRole("cell").nth(1)).toHaveText("3");
  await expectNoAxeViolations(page);

  // Keyboard first: j moves to the next fact, Enter opens it.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(facts.locator("a.fact-link").first()).toBeFocused();
  await deadline.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const versions = page.getByRole("list", { name: "Versions of this fact" });
  await expect(versions.getByRole("listitem")).toHaveCount(3);
  const coast = versions.getByRole("listitem").filter({ hasText: "5 p.m. on Friday" });
  await expect(coast.locator("mark")).toHaveText("5 p.m.");
  await expect(coast.getByRole("checkbox")).not.toBeChecked();
  await expect(versions.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expectNoAxeViolations(page);

  const verdict = page.getByRole("group", { name: "Verdict for the ticked claims" });
  await verdict.getByLabel("Verdict").selectOption("confirmed");
  await verdict.getByLabel("Rationale").fill("The port authority's notice gives 5:01 p.m.");
  await verdict.getByRole("button", { name: "Give the verdict" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 claims marked" })).toBeVisible();
  await expect(versions.getByRole("listitem").filter({ hasText: "5:01" }).locator(".status-badge")).toHaveText(["confirmed", "confirmed"]);
  await expect(coast.locator(".status-badge")).toHaveText("unverified");
  await expect(page.getByText("verdict mixed")).toBeVisible();

  // Discrepancies: one entry for the fact, each value once with the claims that state it and their verdicts.
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Discrepancies" }).click();
  const disagreements = page.getByRole("list", { name: "Facts the outlets disagree on" });
  await expect(disagreements.getByRole("listitem").filter({ has: page.locator("mark") })).toHaveCount(1);
  const values = disagreements.locator("dd");
  await expect(values).toHaveCount(2);
  await expect(values.filter({ hasText: "5:01 p.m." }).locator(".status-badge")).toHaveText(["confirmed", "confirmed"]);
  await expect(values.filter({ hasText: /^5 p\.m\./ }).locator(".status-badge")).toHaveText("unverified");
  await expectNoAxeViolations(page);
  await page.goBack();

  // The claim itself names the fact in its history.
  await versions
    .getByRole("listitem")
    .filter({ hasText: "5:01" })
    .first()
    .getByRole("link", { name: /^Claim \d+$/ })
    .click();
  await expect(page.getByRole("listitem").filter({ hasText: /marked the claim confirmed for fact \d+/ })).toBeVisible();
});

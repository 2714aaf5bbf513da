import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/import");

test("an editor links an external source and a passage of another article, then confirms the claim", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.editor.username);
  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByLabel("Choose files to import").setInputFiles([path.join(fixtures, "tolls-a.txt"), path.join(fixtures, "tolls-b.txt")]);
  const results = page.getByRole("table", { name: "Import results" });
  await expect(results.getByRole("row", { name: /tolls-b\.txt.*Imported/ })).toBeVisible();

  // In the table, a verdict without a source is stopped before any rationale is typed.
  await page.goto(`/projects/${E2E_PROJECT.slug}/claims?q=${encodeURIComponent("will raise tolls")}`);
  await page.locator("[data-hydrated]").waitFor({ state: "attached" });
  await page.keyboard.press("c");
  await expect(page.getByRole("alert")).toContainText("has no source yet: link one in its details before marking it confirmed");
  await expect(page.getByRole("dialog", { name: /Mark claim \d+ confirmed/ })).toBeHidden();
  await expect(page.getByRole("complementary", { name: "Claim details" }).getByRole("heading", { name: /^Claim \d+$/ })).toBeVisible();

  await page.goto(`/projects/${E2E_PROJECT.slug}/documents`);
  await page.getByRole("link", { name: "Bridge tolls to rise" }).click();
  await page.getByRole("link", { name: /^Claim \d+, unverified: The Gull Bay Bridge authority will raise tolls/ }).click();
  await page.getByRole("complementary", { name: "Selected claim" }).getByRole("link", { name: "Open claim" }).click();
  await expect(page.getByRole("heading", { name: /^Claim \d+$/, level: 1 })).toBeVisible();

  // Without a source the verdict is refused (the project's default rule).
  await page.getByRole("group", { name: "Verdict" }).getByLabel("confirmed").check();
  await page.getByLabel("Rationale").fill("Board minutes and a second outlet agree.");
  await page.getByRole("button", { name: "Save verdict" }).click();
  await expect(page.getByRole("alert")).toContainText("Link at least one source");

  // An external source.
  const form = page.getByRole("form", { name: "Link a source" });
  await form.getByLabel("Source address").fill("https://gullbay.example/board/minutes?utm_source=mail");
  await form.getByLabel("Title").fill("Board minutes, February meeting");
  await form.getByLabel("Quoted excerpt").fill("Car toll set at $4.50 effective March 1.");
  await form.getByLabel("Stance").selectOption("supports");
  await form.getByRole("button", { name: "Link source" }).click();
  await expect(page.getByRole("link", { name: "Board minutes, February meeting" })).toBeVisible();

  // A passage of the other article, found by the app.
  await page.getByRole("button", { name: "Find in other articles" }).click();
  const passages = page.getByRole("list", { name: "Passages in other articles" });
  const first = passages.getByRole("listitem").first();
  await expect(first).toContainText("Drivers crossing the Gull Bay Bridge will pay $4.50 from March 1");
  await expect(first).toContainText("corroborates");
  await first.getByRole("button", { name: "Link as source" }).click();
  await expect(page.getByRole("link", { name: "Tolls go up in March" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sources (2)" })).toBeVisible();

  await page.getByRole("group", { name: "Verdict" }).getByLabel("confirmed").check();
  await page.getByLabel("Rationale").fill("Board minutes and a second outlet agree.");
  await page.getByRole("button", { name: "Save verdict" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("confirmed");
  await expect(page.getByRole("listitem").filter({ hasText: "marked the claim confirmed" })).toBeVisible();

  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("row", { name: /Board minutes, February meeting/ })).toBeVisible();
});

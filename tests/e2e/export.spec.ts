import fs from "node:fs";
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { pdfPages } from "../support/pdf-text";
import { E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

test("a viewer downloads reports from the Export view", async ({ page }) => {
  // Two downloads and the PDF read back with pdf.js: 36 s on a shared machine at load 22, over the default 30 s.
  test.slow();
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await page.goto(`/projects/${E2E_REVIEW_PROJECT.slug}/export?status=disputed`);
  await expect(page.getByText(/\d+ claims match the current filters/)).toBeVisible();
  const form = page.getByRole("form", { name: "Download a report" });
  await expect(form.getByRole("radio", { name: /ClaimReview/ })).toBeDisabled();

  await form.getByRole("radio", { name: /^CSV/ }).check();
  const [csv] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download report" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^e2e-review-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe(
    "claim_id,document_title,document_url,claim_text,speaker,status,rationale,decided_by,decided_by_name,decided_at,source_count,source_urls,version," +
      "review_state,proposed_status,proposed_by,proposed_at,second_review_status,second_review_by,second_review_at," +
      "adjudicated_status,adjudicated_by,adjudicated_at,approved_by,approved_at,fact_id",
  );
  for (const line of lines.slice(1)) expect(line).toContain(",disputed,");

  await form.getByRole("radio", { name: /^PDF/ }).check();
  await form.getByRole("checkbox", { name: "Include each claim's discussion (PDF, HTML and JSON)" }).check();
  const [pdf] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download report" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^e2e-review-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pages = await pdfPages(fs.readFileSync((await pdf.path())!));
  const all = pages.join(" ");
  // The cover: the kicker is letter-spaced, so pdf.js splits it; the project and the footer read whole.
  expect(pages[0]).toContain("Generated");
  expect(pages[0]).toContain(E2E_REVIEW_PROJECT.name);
  expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  expect(pages[0]).toContain("Includes Each claim's discussion");
  expect(pages[1]).toContain("Contents");
  // The claims the CSV listed are in the PDF, quoted once, with the verdict and who set it.
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  const decided = rows.find((row) => row.decided_by_name && !row.claim_text!.includes('"'));
  expect(decided, "a disputed claim whose verdict someone set").toBeDefined();
  expect(all).toContain(`“${decided!.claim_text!.replace(/\s+/g, " ")}”`);
  expect(all).toContain(`Verdict: Disputed. Set by ${decided!.decided_by_name} on`);
  expect(all).not.toContain("““");
});

test("the claims table hands its filters to the Export view, which keeps them when the status changes", async ({ page }) => {
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await page.goto(`/projects/${E2E_REVIEW_PROJECT.slug}/claims?q=housing`);
  const shown = Number((await page.getByText(/^\d+ claims · page/).textContent())!.match(/^(\d+)/)![1]);
  await page.getByRole("link", { name: "Export these claims" }).click();
  await expect(page).toHaveURL(/\/export\?q=housing$/);
  await expect(page.getByText(`${shown} claims match the current filters`)).toBeVisible();
  await page.getByRole("form", { name: "Claims to export" }).getByLabel("unverified").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=housing/);
  await expect(page).toHaveURL(/status=unverified/);

  // Review state is a filter of its own: it joins the others and stays chosen, and the download carries it.
  const filters = page.getByRole("form", { name: "Claims to export" });
  // Second review is off in this project: only the states its claims can be in are offered.
  const reviewStates = filters.getByRole("group", { name: "Review state" });
  await expect(reviewStates.getByRole("checkbox")).toHaveCount(2);
  await expect(reviewStates.getByLabel("Approved")).toBeVisible();
  await expect(reviewStates.getByLabel("Awaiting second review")).toHaveCount(0);
  await filters.getByRole("group", { name: "Review state" }).getByLabel("Not in review").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/review=none/);
  await expect(page).toHaveURL(/status=unverified/);
  await expect(page).toHaveURL(/q=housing/);
  await expect(filters.getByRole("group", { name: "Review state" }).getByLabel("Not in review")).toBeChecked();
  await expect(page.getByRole("form", { name: "Download a report" }).locator('input[type="hidden"][name="review"]')).toHaveValue("none");
});

test("a viewer groups the HTML report by fact from the keyboard", async ({ page }) => {
  test.slow();
  await signInAndExpectProjects(page, E2E_USERS.viewer.username);
  await page.goto(`/projects/${E2E_REVIEW_PROJECT.slug}/export?status=disputed`);
  const shown = Number((await page.getByText(/\d+ claims match the current filters/).textContent())!.match(/(\d+) claims/)![1]);
  const form = page.getByRole("form", { name: "Download a report" });
  await form.getByRole("radio", { name: /^HTML/ }).check();
  // The option follows the discussion's checkbox in the tab order and is described by its hint.
  await form.getByRole("checkbox", { name: "Include each claim's discussion (PDF, HTML and JSON)" }).focus();
  await page.keyboard.press("Tab");
  const group = form.getByRole("checkbox", { name: "Group claims by fact" });
  await expect(group).toBeFocused();
  await expect(group).toHaveAccessibleDescription(/one section per fact/);
  await page.keyboard.press("Space");
  await expect(group).toBeChecked();
  const { violations } = await new AxeBuilder({ page })
    .include("form[aria-label='Download a report']")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  const [html] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download report" }).click()]);
  const text = fs.readFileSync((await html.path())!, "utf8");
  expect(text).toContain('<section class="fact-groups" id="facts"');
  expect(text).not.toContain('id="verdict-disputed"');
  // Every disputed claim once, as one outlet's version of its fact.
  expect(text.match(/<li id="claim-\d+"/g)).toHaveLength(shown);
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { E2E_USERS } from "./support/accounts";
import { signInAndExpectProjects } from "./support/session";

// The whole editorial review in the browser (issue 15): two reviewers and an editor, each in
// their own browser context, with second review on. It runs in a project of its own, created
// through the CLI, so that the shared e2e-review project (whose claims other specs tag, count
// and approve) is never in second review and none of its claims change; second review is
// switched off again at the end all the same. The two tests do not depend on each other: each
// turns second review on and works on claims of its own.

const SLUG = `e2e-editorial-${Date.now().toString(36)}`;
const PROJECT_NAME = "E2E editorial desk";
const PROJECT = `/projects/${SLUG}`;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// Written for this test: each sentence states a checkable figure, none uses the words other specs search for.
const ARTICLE = [
  "Reservoir levels fall before winter",
  "",
  "The Marlow reservoir held 41 percent of its capacity on 3 October, the water board said.",
  "",
  "The city library lent 18,000 books in September, up from 15,500 a year earlier.",
  "",
  "Engineer Priya Naidoo said the board spent $2.4 million on new pumps in 2025.",
  "",
].join("\n");
const LOCKED = /^Claim \d+ is approved and locked: an editor must reopen it, with a reason, before its verdict can change\.$/;

function cli(args: string[]): string {
  const result = spawnSync(process.execPath, ["bin/claimdesk.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e/claimdesk.db" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `${name}: serious or critical axe violations`).toEqual([]);
}

async function signedInPage(browser: Browser, contexts: BrowserContext[], username: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInAndExpectProjects(page, username);
  return page;
}

async function openClaim(page: Page, claimId: number) {
  await page.goto(`${PROJECT}/claims/${claimId}`);
  await expect(page.getByRole("heading", { name: `Claim ${claimId}`, level: 1 })).toBeVisible();
  // The discussion loads from the browser once the page has hydrated: its forms then post through fetchers.
  await expect(page.getByRole("heading", { name: /^Discussion \(\d+\)$/ })).toBeVisible();
}

/** The claim page's review state, as the review section's heading reads it ("Review Agreed"). */
async function expectReviewState(page: Page, label: string) {
  await expect(page.getByRole("region", { name: /^Review / }).getByRole("heading", { level: 2 })).toHaveAccessibleName(`Review ${label}`);
}

/** The header's link to the inbox, and the unread count it shows. */
function inboxLink(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });
}

async function unreadCount(page: Page): Promise<number> {
  return Number(((await inboxLink(page).textContent()) ?? "").match(/(\d+)/)?.[1] ?? 0);
}

/** Collects the main frame's navigations from now on: a live update must not reload the page. */
function recordNavigations(page: Page): string[] {
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  return navigations;
}

async function tag(page: Page, options: { status: string; rationale: string }) {
  const form = page.getByRole("form", { name: "Set verdict" });
  await form.getByLabel(options.status, { exact: true }).check();
  await form.getByLabel("Rationale").fill(options.rationale);
  await form.getByRole("button", { name: "Save verdict" }).click();
}

let claimA = 0;
let claimB = 0;
let claimC = 0;
let claimAText = "";
let claimBText = "";

test.beforeAll(() => {
  cli(["project", "create", "--slug", SLUG, "--name", PROJECT_NAME, "--owner", E2E_USERS.admin.username]);
  for (const user of [E2E_USERS.editor, E2E_USERS.reviewer, E2E_USERS.reviewer2]) {
    cli(["project", "add-member", "--project", SLUG, "--username", user.username, "--role", user.role]);
  }
  // Verdicts without a source, like the review project.
  cli(["project", "settings", "--project", SLUG, "--require-source", "off", "--as", E2E_USERS.admin.username]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-editorial-"));
  const file = path.join(dir, "reservoir.txt");
  fs.writeFileSync(file, ARTICLE);
  try {
    cli(["import", "--project", SLUG, "--as", E2E_USERS.editor.username, file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const claims = JSON.parse(cli(["claims", "--project", SLUG, "--json"])) as Array<{ id: number; text: string }>;
  const find = (words: string) => {
    const claim = claims.find((c) => c.text.includes(words));
    if (!claim) throw new Error(`no claim with "${words}" in ${JSON.stringify(claims.map((c) => c.text))}`);
    return claim;
  };
  ({ id: claimA, text: claimAText } = find("Marlow reservoir held 41 percent"));
  ({ id: claimB, text: claimBText } = find("library lent 18,000 books"));
  ({ id: claimC } = find("spent $2.4 million on new pumps"));
});

test.afterAll(() => {
  // Whatever happened above, the project leaves second review off (as every other project is).
  cli(["project", "settings", "--project", SLUG, "--second-review", "off", "--as", E2E_USERS.admin.username]);
});

test("two reviewers and an editor take claims through second review, adjudication, sign-off and discussion", async ({ browser }) => {
  // Four sign-ins, some thirty round trips and two axe runs: minutes on a loaded two-core machine.
  test.setTimeout(300_000);
  const contexts: BrowserContext[] = [];
  try {
    const owner = await signedInPage(browser, contexts, E2E_USERS.admin.username);
    const reviewer = await signedInPage(browser, contexts, E2E_USERS.reviewer.username);
    const second = await signedInPage(browser, contexts, E2E_USERS.reviewer2.username);
    const editor = await signedInPage(browser, contexts, E2E_USERS.editor.username);

    await test.step("the owner turns second review on in the project settings", async () => {
      await owner.goto(`${PROJECT}/settings`);
      const form = owner.getByRole("form", { name: "Second review" });
      await form.getByLabel("Every verdict needs an independent second review").check();
      await form.getByRole("button", { name: "Save review rule" }).click();
      await expect(owner.getByText(/^Second review is on: a verdict is a proposal/)).toBeVisible();
      await owner.reload();
      await expect(
        owner.getByRole("form", { name: "Second review" }).getByLabel("Every verdict needs an independent second review"),
      ).toBeChecked();
    });

    const rationaleA1 = "The water board's weekly bulletin gives 41 percent on 3 October.";
    await test.step("reviewer 1 proposes confirmed for claim A", async () => {
      await openClaim(reviewer, claimA);
      await expect(reviewer.getByText("Your verdict will be a proposal: a second reviewer gives theirs without seeing it.")).toBeVisible();
      await tag(reviewer, { status: "confirmed", rationale: rationaleA1 });
      await expectReviewState(reviewer, "Awaiting second review");
      await expect(reviewer.getByText(/^You proposed this verdict; tagging again revises your proposal\./)).toBeVisible();
    });

    await test.step("reviewer 2 does not see the proposal, gives the same verdict: agreed", async () => {
      await openClaim(second, claimA);
      await expect(
        second.getByText(
          `${E2E_USERS.reviewer.displayName} proposed a verdict. It stays hidden from you until the second review is given.`,
        ),
      ).toBeVisible();
      await expectReviewState(second, "Awaiting second review");
      // Neither the proposed status nor its rationale, anywhere on the page (history included).
      await expect(second.getByText(rationaleA1)).toHaveCount(0);
      await expect(second.locator(".claim-details .facts .status-badge")).toHaveText("unverified");
      await expect(second.getByRole("heading", { name: "First review" })).toHaveCount(0);
      await expect(second.getByText(/^Your verdict is the second review/)).toBeVisible();
      await tag(second, { status: "confirmed", rationale: "Matches the board's published level." });
      await expectReviewState(second, "Agreed");
      // Once given, both verdicts show side by side.
      await expect(second.getByRole("heading", { name: "First review" })).toBeVisible();
      await expect(second.locator(".verdict-card").filter({ hasText: "First review" })).toContainText(rationaleA1);
      await expect(second.locator(".claim-details .facts .status-badge")).toHaveText("confirmed");
    });

    const rationaleB1 = "The library's annual statement reports 18,000 loans in September.";
    const rationaleB2 = "The statement counts renewals: new loans were 15,900.";
    await test.step("claim B: reviewer 1 confirmed, reviewer 2 disputed: disagreed", async () => {
      await openClaim(reviewer, claimB);
      await tag(reviewer, { status: "confirmed", rationale: rationaleB1 });
      await expectReviewState(reviewer, "Awaiting second review");
      await openClaim(second, claimB);
      await expect(second.getByText(rationaleB1)).toHaveCount(0);
      await tag(second, { status: "disputed", rationale: rationaleB2 });
      await expectReviewState(second, "Awaiting adjudication");
      await expect(second.getByText("The reviewers disagree: an editor adjudicates this claim.")).toBeVisible();
    });

    await test.step("the editor finds claim B in the adjudication queue, with both verdicts side by side", async () => {
      await editor.goto(`${PROJECT}/claims?review=disagreed`);
      const table = editor.getByRole("table", { name: "Claims" });
      await expect(table).toBeVisible();
      await expect(table.locator("tbody tr[data-index]")).toHaveCount(1);
      await expect(table.locator("tbody tr[data-index]")).toContainText(claimBText);
      await expect(table.getByText(claimAText)).toHaveCount(0);
      await expectNoSeriousViolations(editor, "adjudication queue");

      await openClaim(editor, claimB);
      const first = editor.locator(".verdict-card").filter({ has: editor.getByRole("heading", { name: "First review" }) });
      const secondCard = editor.locator(".verdict-card").filter({ has: editor.getByRole("heading", { name: "Second review" }) });
      await expect(first).toContainText(`confirmed by ${E2E_USERS.reviewer.displayName}`);
      await expect(first).toContainText(rationaleB1);
      await expect(secondCard).toContainText(`disputed by ${E2E_USERS.reviewer2.displayName}`);
      await expect(secondCard).toContainText(rationaleB2);
      await expectNoSeriousViolations(editor, "claim waiting for adjudication");
    });

    await test.step("the editor adjudicates claim B", async () => {
      const form = editor.getByRole("form", { name: "Adjudicate" });
      await form.getByRole("group", { name: "Final verdict" }).getByLabel("disputed", { exact: true }).check();
      await form.getByLabel("Rationale").fill("Renewals are not new loans; the statement's own table says 15,900.");
      await form.getByRole("button", { name: "Adjudicate" }).click();
      await expectReviewState(editor, "Adjudicated");
      await expect(editor.locator(".claim-details .facts .status-badge")).toHaveText("disputed");
      await expect(editor.getByRole("form", { name: "Adjudicate" })).toHaveCount(0);
      await editor.goto(`${PROJECT}/claims?review=disagreed`);
      await expect(editor.getByText("No claims match these filters.")).toBeVisible();
    });

    await test.step("the editor approves claim A; reviewer 1 cannot tag it while it is locked", async () => {
      await openClaim(editor, claimA);
      await editor.getByRole("button", { name: "Approve verdict" }).click();
      await expectReviewState(editor, "Approved");
      await expect(editor.getByText(`Approved by ${E2E_USERS.editor.displayName} on`)).toBeVisible();

      await openClaim(reviewer, claimA);
      await expectReviewState(reviewer, "Approved");
      await expect(reviewer.getByText("The verdict is approved and locked; an editor can reopen it with a reason.")).toBeVisible();
      await tag(reviewer, { status: "disputed", rationale: "A later bulletin revised the level." });
      await expect(reviewer.getByRole("alert").filter({ hasText: LOCKED })).toBeVisible();
      await expectReviewState(reviewer, "Approved");
    });

    await test.step("the editor reopens claim A with a reason; reviewer 1 can tag it again", async () => {
      await openClaim(editor, claimA);
      await editor.getByLabel("Reason for reopening").fill("The board published a corrected bulletin.");
      await editor.getByRole("button", { name: "Reopen" }).click();
      await expectReviewState(editor, "Agreed");
      await expect(editor.getByLabel("Reason for reopening")).toHaveCount(0);

      await openClaim(reviewer, claimA);
      await expectReviewState(reviewer, "Agreed");
      await tag(reviewer, { status: "disputed", rationale: "The corrected bulletin gives 38 percent." });
      await expectReviewState(reviewer, "Awaiting second review");
      await expect(reviewer.getByRole("alert").filter({ hasText: LOCKED })).toHaveCount(0);
    });

    await test.step("a mention reaches reviewer 2's inbox live, without a reload", async () => {
      await openClaim(second, claimB);
      const inbox = inboxLink(second);
      const before = await unreadCount(second);
      // The event stream is open once the page is interactive; nothing reloads the page from here on.
      const navigations = recordNavigations(second);

      await openClaim(reviewer, claimA);
      const box = reviewer.getByRole("combobox", { name: "Add a comment" });
      await box.fill("@e2e-rev");
      await reviewer
        .getByRole("listbox", { name: "People to mention" })
        .getByRole("option", { name: /@e2e-reviewer2$/ })
        .click();
      await expect(box).toHaveValue("@e2e-reviewer2 ");
      await box.press("End");
      await box.pressSequentially("can you check the corrected bulletin?");
      await reviewer.getByRole("button", { name: "Comment", exact: true }).click();
      await expect(reviewer.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();

      await expect(inbox).toHaveAccessibleName(`Inbox ${before + 1} unread`, { timeout: 10_000 });
      expect(navigations, "reviewer 2's page was not reloaded").toEqual([]);

      await inbox.click();
      await expect(second.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
      const mention = second.getByRole("link", {
        name: `${E2E_USERS.reviewer.username} mentioned you on claim ${claimA} in ${PROJECT_NAME}`,
      });
      await expect(mention).toBeVisible();
      await expectNoSeriousViolations(second, "inbox");
      await second
        .getByRole("button", { name: `Mark read: ${E2E_USERS.reviewer.username} mentioned you on claim ${claimA} in ${PROJECT_NAME}` })
        .click();
      await expect(inbox).toHaveAccessibleName(before === 0 ? "Inbox" : `Inbox ${before} unread`);
      await mention.click();
      await expect(second.getByRole("heading", { name: `Claim ${claimA}`, level: 1 })).toBeVisible();
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("a claim the second reviewer disagrees on reaches the editor's open inbox live, without a reload", async ({ browser }) => {
  // Two sign-ins and a live update on a loaded two-core machine.
  test.setTimeout(120_000);
  // Independent of the test above: second review on and the proposal made through the CLI.
  cli(["project", "settings", "--project", SLUG, "--second-review", "on", "--as", E2E_USERS.admin.username]);
  const rationale1 = "The board's procurement notice lists $2.4 million for pumps.";
  cli(["tag", "--claim", String(claimC), "--status", "confirmed", "--rationale", rationale1, "--as", E2E_USERS.reviewer.username]);
  const contexts: BrowserContext[] = [];
  try {
    const editor = await signedInPage(browser, contexts, E2E_USERS.editor.username);
    const second = await signedInPage(browser, contexts, E2E_USERS.reviewer2.username);
    const waiting = editor.getByRole("link", {
      name: `The reviewers of claim ${claimC} in ${PROJECT_NAME} disagree: it waits for your adjudication`,
    });

    await editor.goto("/inbox");
    await expect(editor.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
    await expect(waiting).toHaveCount(0);
    const before = await unreadCount(editor);
    const navigations = recordNavigations(editor);

    await openClaim(second, claimC);
    await expect(second.getByText(rationale1)).toHaveCount(0);
    await tag(second, { status: "disputed", rationale: "The notice was cancelled; the board's accounts show $1.9 million." });
    await expectReviewState(second, "Awaiting adjudication");

    // The editor's open inbox lists it and the header counts it, with no reload.
    await expect(waiting).toBeVisible({ timeout: 15_000 });
    await expect(inboxLink(editor)).toHaveAccessibleName(`Inbox ${before + 1} unread`);
    await expect(editor.getByRole("status").filter({ hasText: `${before + 1} unread.` })).toBeVisible();
    expect(navigations, "the editor's inbox was not reloaded").toEqual([]);
    await expectNoSeriousViolations(editor, "inbox with a disagreement to adjudicate");

    await waiting.click();
    await expect(editor.getByRole("heading", { name: `Claim ${claimC}`, level: 1 })).toBeVisible();
    await expectReviewState(editor, "Awaiting adjudication");
    await expect(editor.getByRole("form", { name: "Adjudicate" })).toBeVisible();
  } finally {
    for (const context of contexts) await context.close();
  }
});

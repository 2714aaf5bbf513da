import fs from "node:fs";
import path from "node:path";
import { generateTemporaryPassword } from "../lib/random-password";
import { type ProjectRole } from "../lib/roles";
import { countUsers, createUser, type Actor } from "./user.server";
import { createProject, setMemberRole } from "./project.server";
import { DEMO_ARTICLES } from "../demo/articles";
import { importFile } from "./import.server";
import { assignClaim } from "./claim-assignment.server";
import { getDb } from "../db.server";

export const DEMO_PROJECT_SLUG = "harbour-desk";

const DEMO_PEOPLE: Array<{ username: string; displayName: string; isAdmin: boolean; role: ProjectRole }> = [
  { username: "admin", displayName: "Desk Admin", isAdmin: true, role: "owner" },
  { username: "editor", displayName: "Ama Mensah", isAdmin: false, role: "editor" },
  { username: "rivera", displayName: "Lucía Rivera", isAdmin: false, role: "reviewer" },
  { username: "okafor", displayName: "Chidi Okafor", isAdmin: false, role: "reviewer" },
  { username: "viewer", displayName: "Guest Viewer", isAdmin: false, role: "viewer" },
];

const SEED_ACTOR: Actor = { id: null, name: "demo-seed" };

/** How many claims each demo reviewer finds in "My queue" on first sign-in. */
export const DEMO_QUEUE_SIZE = 3;

export interface DemoCredentials {
  username: string;
  password: string;
  role: string;
}

/**
 * Creates the demo project and its people into an empty database. Passwords are
 * random per install; the caller prints them once and they are written to a file
 * readable only by the owner.
 */
export async function seedDemoData(options: { credentialsFile: string }): Promise<DemoCredentials[] | null> {
  if ((await countUsers()) > 0) return null;
  const credentials: DemoCredentials[] = [];
  for (const person of DEMO_PEOPLE) {
    const password = generateTemporaryPassword();
    await createUser({ username: person.username, displayName: person.displayName, password, isAdmin: person.isAdmin }, SEED_ACTOR);
    credentials.push({ username: person.username, password, role: person.isAdmin ? "admin, project owner" : person.role });
  }
  const project = await createProject(
    {
      slug: DEMO_PROJECT_SLUG,
      name: "Harbour desk (demo)",
      description: "Demo project: invented articles about a city bridge contract and a clinic.",
      ownerUsername: "admin",
    },
    SEED_ACTOR,
  );
  for (const person of DEMO_PEOPLE.filter((p) => p.role !== "owner")) {
    await setMemberRole({ projectId: project.id, username: person.username, role: person.role, actor: SEED_ACTOR });
  }
  const editor: Actor = { id: null, name: "demo-seed" };
  for (const article of DEMO_ARTICLES) {
    await importFile(
      project.id,
      { name: article.fileName, bytes: new TextEncoder().encode(article.content) },
      { maxBytes: 1_000_000, threshold: null },
      editor,
    );
  }
  await fillReviewerQueues(project.id);
  writeCredentialsFile(options.credentialsFile, credentials);
  return credentials;
}

/** Assigns the first claims of the demo articles to the reviewers in turn, as the editor would. */
async function fillReviewerQueues(projectId: number) {
  const db = getDb();
  const reviewers = await db.user.findMany({
    where: { username: { in: DEMO_PEOPLE.filter((p) => p.role === "reviewer").map((p) => p.username) } },
    orderBy: { username: "desc" },
  });
  const editor = await db.user.findUniqueOrThrow({ where: { username: "editor" } });
  const claims = await db.claim.findMany({
    where: { projectId, dismissed: false },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    take: reviewers.length * DEMO_QUEUE_SIZE,
    select: { id: true },
  });
  const assigner: Actor = { id: editor.id, name: editor.displayName };
  for (const [index, claim] of claims.entries()) {
    const reviewer = reviewers[index % reviewers.length]!;
    await assignClaim({ projectId, claimId: claim.id, assigneeId: reviewer.id, expectedVersion: null, actor: assigner });
  }
}

function writeCredentialsFile(file: string, credentials: DemoCredentials[]) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [
    "# Claimdesk demo accounts, generated at first start. Delete this file once noted.",
    ...credentials.map((c) => `${c.username}\t${c.password}\t${c.role}`),
    "",
  ];
  fs.writeFileSync(file, lines.join("\n"), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

import path from "node:path";
import { z } from "zod";
import { projectSlugSchema } from "../../lib/project-schema";
import { DEMO_PROJECT_SLUG, seedDemoData } from "../../models/demo.server";
import { seedLargeDemo } from "../../models/large-demo.server";
import { resolveProjectAndActor } from "../project-context";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

export const DEMO_CREDENTIALS_FILE = path.resolve("data", "demo-credentials.txt");

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "seed-large") {
    const { values, json } = parseOptions(
      rest,
      { project: { type: "string" }, claims: { type: "string" }, history: { type: "boolean" }, as: { type: "string" } },
      z.object({
        project: projectSlugSchema,
        claims: z.coerce.number({ error: "must be a number" }).int().min(1).max(5_000_000),
        history: z.boolean().optional(),
        as: z.string().optional(),
      }),
    );
    // --as names who the seeded history's decisions are by (the dashboard counts them per reviewer).
    const { project, actor } = await resolveProjectAndActor(values.project, values.as, "read");
    const started = Date.now();
    const result = await seedLargeDemo({ projectId: project.id, count: values.claims, actor, history: values.history });
    printResult(
      io,
      json,
      { project: project.slug, ...result },
      `Created ${result.claims} synthetic claims in ${result.documents} documents of ${project.slug} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  }
  if (sub !== "seed")
    throw new AppError("usage", "usage: claimdesk demo seed [--json] | demo seed-large --project S --claims N [--history] [--as U]");
  const { json } = parseOptions(rest, {}, z.object({}).passthrough());
  const credentials = await seedDemoData({ credentialsFile: DEMO_CREDENTIALS_FILE });
  if (!credentials) {
    printResult(io, json, { seeded: false }, "Database already has users; demo data not added.");
    return 0;
  }
  const table = credentials.map((c) => `  ${c.username.padEnd(8)} ${c.password}   (${c.role})`).join("\n");
  printResult(
    io,
    json,
    { seeded: true, project: DEMO_PROJECT_SLUG, credentialsFile: DEMO_CREDENTIALS_FILE, accounts: credentials },
    `Demo project "${DEMO_PROJECT_SLUG}" created. Accounts (shown once; also in ${path.relative(process.cwd(), DEMO_CREDENTIALS_FILE)}, mode 600):\n${table}`,
  );
  return 0;
}

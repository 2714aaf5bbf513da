import path from "node:path";
import { z } from "zod";
import { DEMO_PROJECT_SLUG, seedDemoData } from "../../models/demo.server";
import { parseOptions } from "../args";
import { type CliIo, UsageError, printResult } from "../io";

export const DEMO_CREDENTIALS_FILE = path.resolve("data", "demo-credentials.txt");

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "seed") throw new UsageError("usage: claimdesk demo seed [--json]   (only into a database with no users)");
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

import { z } from "zod";
import { parseOptions } from "../args";
import type { CliIo } from "../io";
import { demoCommand } from "./demo";
import { migrateAndUpgrade } from "./db";

/** What `npm start` runs before serving: migrations, then demo data into an empty database. */
export async function bootCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { "no-demo": { type: "boolean" } }, z.object({ noDemo: z.boolean().optional() }));
  await migrateAndUpgrade(io);
  if (values.noDemo) return 0;
  return demoCommand(["seed"], { ...io, stdout: (text) => (text.startsWith("Database already has users") ? undefined : io.stdout(text)) });
}

import { parseArgs } from "node:util";
import type { z } from "zod";
import { AppError } from "../lib/app-error";

type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean }>;

/**
 * Parses `--flag value` options, then validates them with zod so that the CLI and
 * the web forms share the same rules and messages.
 */
export function parseOptions<S extends z.ZodType>(args: string[], options: OptionSpec, schema: S, allowPositionals = false) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { ...options, json: { type: "boolean" } }, allowPositionals, strict: true });
  } catch (error) {
    throw new AppError("usage", error instanceof Error ? error.message.split("\n")[0]! : String(error));
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    values[key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag = issue.path.length > 0 ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "arguments";
    throw new AppError("usage", `${flag}: ${issue.message}`);
  }
  return { values: result.data as z.infer<S>, positionals: parsed.positionals, json: parsed.values.json === true };
}

import { z } from "zod";
import { DatabaseUrlError, parseDatabaseUrl } from "./database-url";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    error: "must be one of 1, 0, true, false, yes, no, on, off",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const minutes = (fallback: number) => z.coerce.number().int().min(1).max(525_600).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

/** Every environment variable Claimdesk reads. README's configuration table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof DatabaseUrlError ? error.message : String(error) });
      }
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://claimdesk.example.org" })
    .transform((value) => new URL(value).origin)
    .optional(),
  TRUST_PROXY: flag.default(false),
  SESSION_IDLE_MINUTES: minutes(8 * 60),
  SESSION_MAX_AGE_MINUTES: minutes(7 * 24 * 60),
  LOGIN_WINDOW_MINUTES: minutes(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: count(5),
  LOGIN_MAX_FAILURES_PER_IP: count(30),
  LOGIN_BLOCK_MINUTES: minutes(15),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1_000).max(1_000_000_000).default(20 * 1024 * 1024),
  DEMO_DATA: flag.default(true),
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") || "environment";
    const message = issue?.message ?? "is invalid";
    throw new ConfigError(`claimdesk: invalid configuration: ${message.startsWith(name) ? message : `${name} ${message}`}`);
  }
  return result.data;
}

import { z } from "zod";
import { DatabaseUrlError, parseDatabaseUrl } from "./database-url";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    error: "must be one of 1, 0, true, false, yes, no, on, off",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

/** A whole number in a range, with one message that says what is allowed. */
const boundedWholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
const wholeNumber = (min: number, max: number, fallback: number) => boundedWholeNumber(min, max).default(fallback);
const minutes = (fallback: number) => wholeNumber(1, 525_600, fallback);
const count = (fallback: number) => wholeNumber(1, 100_000, fallback);

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every environment variable Claimdesk reads. README's configuration table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: wholeNumber(1, 65_535, 3000),
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
  DATABASE_POOL_SIZE: wholeNumber(1, 100, 10),
  SQLITE_WRITE_WAIT_MS: wholeNumber(1, 600_000, 30_000),
  DATABASE_MIGRATION_WAIT_SECONDS: wholeNumber(0, 86_400, 300),
  // Unset: one server process per processor core (see serverProcessCount).
  WEB_CONCURRENCY: boundedWholeNumber(1, 64).optional(),
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
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: wholeNumber(1, 3600, 30),
  // Keys the audit trail (HMAC-SHA256) so that rewriting it needs this secret; keep it outside the database.
  AUDIT_HMAC_KEY: z
    .string()
    .min(32, { error: "must be at least 32 characters (for example the output of openssl rand -hex 32)" })
    .optional(),
  IMPORT_MAX_BYTES: wholeNumber(1_000, 1_000_000_000, 20 * 1024 * 1024),
  // The longest article text one import may hold (a WordPress export's posts each count alone): measured in docs/benchmarks.md.
  IMPORT_MAX_ARTICLE_BYTES: wholeNumber(1_000, 1_000_000_000, 4 * 1024 * 1024),
  // How long an upload waits for its import to finish before it answers 202 with the job (its progress shows in Documents).
  IMPORT_WAIT_SECONDS: wholeNumber(0, 600, 10),
  DEMO_DATA: flag.default(true),
  // Email for notifications (off when unset): smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465.
  SMTP_URL: z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
        } catch {
          return false;
        }
      },
      { error: "must be an smtp:// or smtps:// address such as smtps://user:password@mail.example.org:465" },
    )
    .optional(),
  EMAIL_FROM: z.string().trim().min(3).max(200).default("Claimdesk <claimdesk@localhost>"),
  // The hour (UTC) after which each day's digest is sent.
  EMAIL_DIGEST_HOUR: wholeNumber(0, 23, 7),
  // Operations (issue 17): log verbosity, the /metrics bearer token (unset: /metrics is 404),
  // and how long SIGTERM waits for in-flight requests before closing them.
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters (a random secret)" }).optional(),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber(1, 600, 10),
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
    // The database and mail server addresses may hold a password; the audit key and the metrics token are secrets: never echo them.
    const secret = ["DATABASE_URL", "AUDIT_HMAC_KEY", "METRICS_TOKEN", "SMTP_URL"];
    const given = typeof issue?.path[0] === "string" && !secret.includes(issue.path[0]) ? present[issue.path[0]] : undefined;
    const shown = given === undefined ? "" : ` (got "${given.length > 60 ? `${given.slice(0, 60)}…` : given}")`;
    throw new ConfigError(`claimdesk: invalid configuration: ${message.startsWith(name) ? message : `${name} ${message}`}${shown}`);
  }
  return result.data;
}

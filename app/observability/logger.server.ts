import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { getConfig } from "../config.server";

/**
 * The server's structured log: one JSON object per line on stdout (pretty-printed by
 * pino-pretty in `npm run dev`). Never log headers, cookies, form bodies or passwords:
 * callers pass chosen fields, and the redaction below is a second line of defence.
 */
function createLogger(): Logger {
  const config = getConfig();
  return pino({
    level: config.LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ["headers", "*.headers", "cookie", "*.cookie", "password", "*.password"], remove: true },
    ...(config.NODE_ENV === "development"
      ? {
          // Resolved from here: pino cannot find it from code the development server evaluates.
          transport: {
            target: createRequire(import.meta.url).resolve("pino-pretty"),
            options: { ignore: "pid,hostname", translateTime: "HH:MM:ss.l" },
          },
        }
      : {}),
  });
}

// One logger per process: the development server re-evaluates modules on change, and
// each pino-pretty transport is a worker thread.
const holder = globalThis as { __claimdeskLogger?: Logger };

export function getLogger(): Logger {
  holder.__claimdeskLogger ??= createLogger();
  return holder.__claimdeskLogger;
}

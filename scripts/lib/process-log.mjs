// The log of the serving script and the primary process of a multi-process server: the same
// JSON lines as the app's (app/observability/logger.server.ts), so one parser reads them all.
import { createRequire } from "node:module";
import pino from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function createProcessLog() {
  // A bad LOG_LEVEL is reported by the app's configuration check; here it falls back.
  const level = LEVELS.includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL : "info";
  return pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    ...(process.env.NODE_ENV === "development"
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

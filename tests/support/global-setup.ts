import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropPostgresSchemas, testLane } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
    runDir: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `r${Date.now().toString(36)}${process.pid.toString(36)}`;
  const runDir = path.resolve(import.meta.dirname, "..", ".tmp", runId);
  fs.mkdirSync(runDir, { recursive: true });
  project.provide("runId", runId);
  project.provide("runDir", runDir);
  if (testLane() === "postgres" && !process.env.TEST_DATABASE_URL) {
    throw new Error("TEST_LANE=postgres needs TEST_DATABASE_URL (a PostgreSQL server the tests may create schemas in)");
  }
  return async () => {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (testLane() === "postgres") await dropPostgresSchemas(process.env.TEST_DATABASE_URL!, `t_${runId}_`);
  };
}

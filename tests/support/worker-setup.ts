import path from "node:path";
import { afterAll, inject } from "vitest";
import { resetConfigForTests } from "../../app/config.server";
import { disconnectDb } from "../../app/db.server";
import { preparePostgresSchema, prepareSqliteDatabase, testLane } from "./test-database";

const worker = process.env.VITEST_POOL_ID ?? "0";
process.env.NODE_ENV = "test";
process.env.DATABASE_URL =
  testLane() === "postgres"
    ? await preparePostgresSchema(process.env.TEST_DATABASE_URL!, `t_${inject("runId")}_w${worker}`)
    : prepareSqliteDatabase(path.join(inject("runDir"), `worker-${worker}.db`));
resetConfigForTests();

afterAll(async () => {
  await disconnectDb();
});

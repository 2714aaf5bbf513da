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
// Uploads in tests wait for their import jobs, however slow the first import thread starts on a
// busy machine; tests of the 202 answer set their own wait.
process.env.IMPORT_WAIT_SECONDS ??= "300";
resetConfigForTests();

afterAll(async () => {
  await disconnectDb();
});

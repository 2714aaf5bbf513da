import { describe, expect, it } from "vitest";
import { describeHolders, migrationFailureReason, pendingMigrations, tablesNamed } from "./migrations";

describe("pending migrations", () => {
  const folders = ["20261123014118_init", "20261123020732_documents", "20261201211045_throttle"];

  it("are the folders not recorded as finished", () => {
    expect(pendingMigrations(folders, null)).toEqual({ pending: folders, failed: [] });
    const applied = [
      { name: "20261123014118_init", finished: true, rolledBack: false },
      { name: "20261123020732_documents", finished: true, rolledBack: false },
    ];
    expect(pendingMigrations(folders, applied)).toEqual({ pending: ["20261201211045_throttle"], failed: [] });
    expect(pendingMigrations(folders.slice(0, 2), applied)).toEqual({ pending: [], failed: [] });
  });

  it("report a migration that started and never finished", () => {
    const applied = [
      { name: "20261123014118_init", finished: true, rolledBack: false },
      { name: "20261123020732_documents", finished: false, rolledBack: false },
      { name: "20261201211045_throttle", finished: false, rolledBack: true },
    ];
    expect(pendingMigrations(folders, applied)).toEqual({
      pending: ["20261123020732_documents", "20261201211045_throttle"],
      failed: ["20261123020732_documents"],
    });
  });
});

describe("what a migration touches and why it failed", () => {
  it("finds the existing tables a migration names", () => {
    const sql = 'ALTER TABLE "LoginThrottle" ADD COLUMN "scope" TEXT;\nCREATE INDEX "LoginThrottle_scope_idx" ON "LoginThrottle"("scope");';
    expect(tablesNamed(sql, ["Claim", "LoginThrottle", "User"])).toEqual(["LoginThrottle"]);
    expect(tablesNamed('CREATE TABLE "ImportJob" ("id" SERIAL)', ["Claim"])).toEqual([]);
  });

  it("turns Prisma's output into one line", () => {
    const busy =
      "Error: Error in the underlying connector (WASM_ERROR): Error: unknown variant `SocketTimeout`, expected one of `GenericJs`";
    expect(migrationFailureReason(busy)).toMatch(/^the database is locked by another connection/);
    expect(migrationFailureReason("Error: P3005\nThe database schema is not empty.")).toMatch(/already has tables/);
    expect(migrationFailureReason("Loaded Prisma config from x\nError: P3009 migrate found failed migrations")).toMatch(/failed earlier/);
    expect(migrationFailureReason("Prisma schema loaded from y\nsomething odd\nError: permission denied for schema public")).toBe(
      "Error: permission denied for schema public",
    );
  });

  it("names who holds the locks", () => {
    const since = new Date("2026-12-01T22:04:21Z");
    expect(describeHolders([{ pid: 28360, application: "nightly-backup", state: "idle in transaction", since }])).toBe(
      "1 connection (pid 28360, nightly-backup, idle in transaction, since 22:04:21 UTC)",
    );
    expect(describeHolders([])).toBe("another connection");
  });
});

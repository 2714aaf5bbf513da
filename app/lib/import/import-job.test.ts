import { describe, expect, it } from "vitest";
import { type ImportJobView, describeImportJob, isImportJobActive } from "./import-job";

const job = (change: Partial<ImportJobView>): ImportJobView => ({
  id: 1,
  fileName: "posts.json",
  status: "running",
  totalItems: 2000,
  doneItems: 118,
  errorItems: 2,
  error: null,
  createdAt: "2026-12-02T12:00:00.000Z",
  finishedAt: null,
  ...change,
});

describe("describing an import job", () => {
  it("says how far it got in words", () => {
    expect(describeImportJob(job({}))).toBe("importing: 120 of 2,000 articles read, 2 refused");
    expect(describeImportJob(job({ totalItems: null, doneItems: 0, errorItems: 0 }))).toBe("reading the file");
    expect(describeImportJob(job({ status: "queued", totalItems: null, doneItems: 0, errorItems: 0 }))).toBe("waiting to start");
    expect(describeImportJob(job({ status: "done", totalItems: 1, doneItems: 1, errorItems: 0 }))).toBe("done: 1 article imported");
    expect(describeImportJob(job({ status: "done", totalItems: 1, doneItems: 0, errorItems: 1 }))).toBe(
      "done: 0 articles imported, 1 refused",
    );
    expect(describeImportJob(job({ status: "failed", error: "the import thread stopped" }))).toBe(
      "failed: the import thread stopped (118 articles imported before, 2 refused)",
    );
  });

  it("counts queued and running jobs as active", () => {
    expect(
      ["queued", "running", "done", "failed"].map((status) => isImportJobActive({ status: status as ImportJobView["status"] })),
    ).toEqual([true, true, false, false]);
  });
});

import { describe, expect, it } from "vitest";
import { failureOf, invalidForm, revalidateAfterStaleWrite, submittedValues } from "./action-result";
import { AppError, ERROR_CODES, exitCodeOf, httpStatusOf, isAppError, staleVersionError } from "./app-error";

describe("one error type, one mapping", () => {
  it("maps codes to the documented HTTP statuses and exit codes", () => {
    expect([httpStatusOf("invalid_input"), exitCodeOf("invalid_input")]).toEqual([400, 2]);
    expect([httpStatusOf("usage"), exitCodeOf("usage")]).toEqual([400, 2]);
    expect([httpStatusOf("stale_version"), exitCodeOf("stale_version")]).toEqual([409, 3]);
    expect([httpStatusOf("forbidden"), exitCodeOf("forbidden")]).toEqual([403, 4]);
    expect([httpStatusOf("not_found"), exitCodeOf("not_found")]).toEqual([404, 1]);
    expect(exitCodeOf("integrity_failed")).toBe(4);
    expect(exitCodeOf("in_use")).toBe(5);
  });

  it("keeps exit codes 3, 4 and 5 for the meanings the README documents, so scripts can tell those failures apart", () => {
    const codesExiting = (exit: number) =>
      Object.entries(ERROR_CODES)
        .filter(([, meaning]) => meaning.exitCode === exit)
        .map(([code]) => code);
    expect(codesExiting(3)).toEqual(["stale_version"]);
    expect(codesExiting(4)).toEqual(["forbidden", "integrity_failed"]);
    expect(codesExiting(5)).toEqual(["locked", "in_use"]);
  });

  it("describes a stale write with what the other person did", () => {
    const error = staleVersionError({ version: 4, status: "disputed", rationale: "Old photo", changedBy: "Ana", changedAt: null });
    expect(isAppError(error, "stale_version")).toBe(true);
    expect(error.message).toBe('Ana changed this claim: it is now disputed ("Old photo"). Your change was not saved; review theirs first.');
    expect(failureOf(error)).toEqual({
      ok: false,
      code: "stale_version",
      error: error.message,
      fieldErrors: {},
      current: { version: 4, status: "disputed", rationale: "Old photo", changedBy: "Ana", changedAt: null },
    });
  });

  it("puts an input error beside its field, or beside the form's default field", () => {
    expect(failureOf(new AppError("invalid_input", "Too short", { field: "quote" })).fieldErrors).toEqual({ quote: "Too short" });
    expect(failureOf(new AppError("invalid_input", "Give a rationale"), { inputField: "rationale" }).fieldErrors).toEqual({
      rationale: "Give a rationale",
    });
    // Only input errors go beside a field by default: a conflict is about the whole form.
    expect(failureOf(new AppError("conflict", "Already undone"), { inputField: "rationale" }).fieldErrors).toEqual({});
  });

  it("answers an unparsed form with 400 and its first message", () => {
    const response = invalidForm({ url: "Enter the address", stance: "Choose one" }, { inputField: "source" });
    expect(response.init?.status).toBe(400);
    expect(response.data).toEqual({
      ok: false,
      code: "invalid_input",
      error: "Enter the address",
      fieldErrors: { url: "Enter the address", stance: "Choose one", source: "Enter the address" },
    });
  });

  it("sends back which form failed and what was typed in it, without the version it was read at", () => {
    const form = new FormData();
    form.set("intent", "tag");
    form.set("version", "3");
    form.set("status", "disputed");
    form.set("rationale", "The figure is from 2019.");
    const failure = failureOf(staleVersionError({ version: 4 }), { form: "tag", values: submittedValues(form) });
    expect(failure.form).toBe("tag");
    expect(failure.values).toEqual({ intent: "tag", status: "disputed", rationale: "The figure is from 2019." });
    expect(invalidForm({ rationale: "Too long" }, { form: "tag", values: { rationale: "x" } }).data).toMatchObject({
      form: "tag",
      values: { rationale: "x" },
    });
  });

  it("reloads a page after a stale write, which React Router would skip as a 409", () => {
    const args = (actionResult: unknown, defaultShouldRevalidate: boolean) =>
      ({ actionResult, defaultShouldRevalidate }) as Parameters<typeof revalidateAfterStaleWrite>[0];
    expect(revalidateAfterStaleWrite(args(failureOf(staleVersionError({ version: 4 })), false))).toBe(true);
    expect(revalidateAfterStaleWrite(args(failureOf(new AppError("invalid_input", "Give a rationale")), false))).toBe(false);
    expect(revalidateAfterStaleWrite(args(undefined, false))).toBe(false);
    expect(revalidateAfterStaleWrite(args({ ok: true }, true))).toBe(true);
  });
});

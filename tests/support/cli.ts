import { expect } from "vitest";
import { runCli } from "../../app/cli/main";

/** Runs the CLI in this process and collects what it printed. */
export async function runClaimdesk(argv: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

/** A failure: one line on stderr naming the problem, nothing on stdout, the exit code given. */
export async function expectCliFailure(argv: string[], code: number, fragment: string | RegExp) {
  const result = await runClaimdesk(argv);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(fragment);
}

/** Runs a command that must succeed with --json, and returns what it printed, parsed. */
export async function claimdeskJson<T = Record<string, unknown>>(argv: string[]): Promise<T> {
  const result = await runClaimdesk([...argv, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

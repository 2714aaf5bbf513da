import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseConfig } from "./config-schema";
import { parseDatabaseUrl } from "./database-url";
import { parseFormData } from "./form";
import { newPasswordSchema, usernameSchema } from "./password-policy";
import { generateTemporaryPassword } from "./random-password";
import { safeRedirectTarget } from "./redirect-target";
import { PROJECT_ROLES, can } from "./roles";

describe("password policy", () => {
  it.each([
    ["short1!", "at least 8"],
    ["x".repeat(257), "at most 256"],
    ["Password1", "too common"],
    ["qwertyuiop", "too common"],
  ])("refuses %j", (password, message) => {
    const result = newPasswordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("accepts 8 and 256 characters", () => {
    expect(newPasswordSchema.safeParse("tangerine-dusk").success).toBe(true);
    expect(newPasswordSchema.safeParse("k".repeat(256)).success).toBe(true);
  });

  it("generates temporary passwords that pass the policy", () => {
    for (let i = 0; i < 50; i += 1) expect(newPasswordSchema.safeParse(generateTemporaryPassword()).success).toBe(true);
  });

  it("normalizes usernames to lower case and refuses odd characters", () => {
    expect(usernameSchema.parse("  Rivera ")).toBe("rivera");
    expect(usernameSchema.safeParse("a b").success).toBe(false);
    expect(usernameSchema.safeParse("-x").success).toBe(false);
  });
});

describe("roles", () => {
  it("give each role everything the roles below it have", () => {
    expect(can("viewer", "export")).toBe(true);
    expect(can("viewer", "tagClaim")).toBe(false);
    expect(can("reviewer", "tagClaim")).toBe(true);
    expect(can("reviewer", "importDocuments")).toBe(false);
    expect(can("editor", "bulkEdit")).toBe(true);
    expect(can("editor", "manageMembers")).toBe(false);
    expect(can("owner", "manageSettings")).toBe(true);
    expect(PROJECT_ROLES).toEqual(["viewer", "reviewer", "editor", "owner"]);
  });
});

describe("configuration", () => {
  it("applies defaults", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.IMPORT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(config.IMPORT_MAX_ARTICLE_BYTES).toBe(4 * 1024 * 1024);
    expect(config.TRUST_PROXY).toBe(false);
    // Unset means one server process per core, decided where the server starts.
    expect(config.WEB_CONCURRENCY).toBeUndefined();
    expect(parseConfig({ WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db" }, "DATABASE_URL"],
    [{ APP_ORIGIN: "ftp://x" }, "APP_ORIGIN"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ SESSION_IDLE_MINUTES: "0" }, "SESSION_IDLE_MINUTES"],
    [{ WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY"],
    [{ WEB_CONCURRENCY: "two" }, "WEB_CONCURRENCY"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "0" }, "SHUTDOWN_TIMEOUT_SECONDS"],
  ])("names the bad variable in one line: %j", (env, name) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(`^claimdesk: invalid configuration: ${name} [^\\n]+$`));
  });

  it("says what a number may be and echoes the bad value, but never the database address", () => {
    expect(() => parseConfig({ PORT: "3.5" })).toThrow(
      'claimdesk: invalid configuration: PORT must be a whole number from 1 to 65535 (got "3.5")',
    );
    expect(() => parseConfig({ DATABASE_URL: "mysql://u:s3cret@db" })).toThrow(/^(?!.*s3cret).*DATABASE_URL must start with/);
    expect(() => parseConfig({ METRICS_TOKEN: "s3cret" })).toThrow(/^(?!.*s3cret).*METRICS_TOKEN must be at least 16/);
  });

  it("logs at info, leaves /metrics off and drains for 10 seconds unless told otherwise", () => {
    const config = parseConfig({});
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.SHUTDOWN_TIMEOUT_SECONDS).toBe(10);
    expect(parseConfig({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
  });
});

describe("database URL", () => {
  it("chooses the provider from the scheme", () => {
    expect(parseDatabaseUrl(undefined, "/srv").provider).toBe("sqlite");
    expect(parseDatabaseUrl(undefined, "/srv")).toMatchObject({ filePath: "/srv/data/claimdesk.db" });
    expect(parseDatabaseUrl("postgresql://u@h/db?schema=s1")).toMatchObject({
      provider: "postgresql",
      schema: "s1",
      connectionString: "postgresql://u@h/db",
    });
    expect(parseDatabaseUrl("postgres://u@h/db").provider).toBe("postgresql");
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/must start with/);
  });
});

describe("form parsing and redirects", () => {
  it("returns the first message per field, and repeated fields as arrays", () => {
    const schema = z.object({ username: usernameSchema, password: newPasswordSchema, tags: z.array(z.string()) });
    const form = new FormData();
    form.set("username", "x");
    form.set("password", "password");
    form.append("tags", "a");
    form.append("tags", "b");
    const result = parseFormData(form, schema);
    expect(result).toEqual({
      ok: false,
      fieldErrors: { username: "Username must be at least 2 characters", password: "This password is too common; choose another" },
    });
    form.set("username", "ok-name");
    form.set("password", "tangerine-dusk");
    expect(parseFormData(form, schema)).toEqual({ ok: true, data: { username: "ok-name", password: "tangerine-dusk", tags: ["a", "b"] } });
  });

  it.each([
    ["/projects/a", "/projects/a"],
    ["//evil.example", "/projects"],
    ["https://evil.example", "/projects"],
    ["/\\evil.example", "/projects"],
    ["/logout", "/projects"],
    ["/login?redirectTo=/x", "/projects"],
    [undefined, "/projects"],
    ["/\t/evil.example/", "/projects"],
    ["/\n/evil.example/", "/projects"],
    ["\t//evil.example", "/projects"],
    ["/projects/a?tab=1#c", "/projects/a?tab=1#c"],
    ["/projects/a\nb", "/projects/ab"],
    ["/projects/\r\na", "/projects/a"],
    ["/\u3000/evil.example", "/%E3%80%80/evil.example"],
    ["/\\\\evil.example", "/projects"],
  ])("keeps redirects on site: %j", (input, expected) => {
    const target = safeRedirectTarget(input);
    expect(target).toBe(expected);
    // Always a valid header value.
    expect(() => new Headers({ Location: target })).not.toThrow();
  });
});

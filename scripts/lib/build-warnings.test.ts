import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import reactRouterConfig from "../../react-router.config";
import { isKnownHarmlessBuildWarning } from "./build-warnings.mjs";

describe("a quiet build", () => {
  it("names every future flag React Router warns about, so none is printed", () => {
    const plugin = createRequire(import.meta.url).resolve("@react-router/dev/vite");
    const source = fs.readFileSync(plugin, "utf8");
    const warned = [...source.matchAll(/if \(future\.(\w+) === void 0\)/g)].map((match) => match[1] ?? "");
    expect(warned.length, "React Router's flag warnings are no longer found; update this test").toBeGreaterThan(0);
    const named = Object.keys(reactRouterConfig.future ?? {});
    expect(warned.filter((flag) => !named.includes(flag))).toEqual([]);
  });

  it("drops resource routes' empty chunks and zod's misplaced-annotation notices", () => {
    expect(isKnownHarmlessBuildWarning({ code: "EMPTY_BUNDLE", names: ["healthz"] })).toBe(true);
    expect(isKnownHarmlessBuildWarning({ code: "INVALID_ANNOTATION", id: "/x/node_modules/zod/v4/core/util.js" })).toBe(true);
  });

  it("keeps every other warning, including a misplaced annotation in our own code", () => {
    expect(isKnownHarmlessBuildWarning({ code: "INVALID_ANNOTATION", id: "/x/app/lib/claim-query.ts" })).toBe(false);
    expect(isKnownHarmlessBuildWarning({ code: "CIRCULAR_DEPENDENCY" })).toBe(false);
    expect(isKnownHarmlessBuildWarning({ code: "UNRESOLVED_IMPORT", id: "/x/node_modules/zod/index.js" })).toBe(false);
    expect(isKnownHarmlessBuildWarning({})).toBe(false);
  });
});

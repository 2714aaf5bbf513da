import { describe, expect, it } from "vitest";
import { parseClaimQuery } from "./claim-query";
import { paths } from "./paths";

describe("path helpers", () => {
  it("build each address from the route table", () => {
    expect(paths.project("harbour")).toBe("/projects/harbour");
    expect(paths.claim("harbour", 42)).toBe("/projects/harbour/claims/42");
    expect(paths.claimPresence("harbour", 42)).toBe("/projects/harbour/claims/42/presence");
    expect(paths.document("harbour", 7)).toBe("/projects/harbour/documents/7");
    expect(paths.document("harbour", 7, { claim: 42, dismissed: true })).toBe("/projects/harbour/documents/7?dismissed=1&claim=42");
  });

  it("carry the claims table's state in the URL, leaving defaults out", () => {
    expect(paths.claims("harbour")).toBe("/projects/harbour/claims");
    const query = parseClaimQuery(new URLSearchParams("status=disputed&assignee=me&sort=checkworthiness&dir=desc&page=2"));
    const url = new URL(paths.claims("harbour", query), "http://x");
    expect(parseClaimQuery(url.searchParams)).toEqual(query);
    expect(paths.export("harbour", { status: ["confirmed"] })).toBe("/projects/harbour/export?status=confirmed");
  });

  it("encode what they are given", () => {
    expect(paths.login({ redirectTo: "/projects/a?b=1" })).toBe("/login?redirectTo=%2Fprojects%2Fa%3Fb%3D1");
    expect(paths.projects({ archived: true })).toBe("/projects?archived=1");
    expect(paths.projects()).toBe("/projects");
  });
});

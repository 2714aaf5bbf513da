import { describe, expect, it } from "vitest";
import { MAX_REMEMBERED_PATHS, routePatternMatcher } from "./route-pattern";

const manifest = {
  root: { id: "root", path: "" },
  "routes/home": { id: "routes/home", parentId: "root", index: true },
  "routes/healthz": { id: "routes/healthz", parentId: "root", path: "healthz" },
  "routes/project.claims": { id: "routes/project.claims", parentId: "root", path: "projects/:slug/claims" },
  "routes/project.claim": { id: "routes/project.claim", parentId: "root", path: "projects/:slug/claims/:claimId" },
};

describe("route patterns", () => {
  const routeOf = routePatternMatcher(manifest);

  it("names a request by the pattern of the route it matches", () => {
    expect(routeOf("/projects/harbour/claims")).toEqual({ pattern: "/projects/:slug/claims", data: false });
    expect(routeOf("/projects/harbour/claims/42")).toEqual({ pattern: "/projects/:slug/claims/:claimId", data: false });
    expect(routeOf("/")).toEqual({ pattern: "/", data: false });
    expect(routeOf("/healthz")).toEqual({ pattern: "/healthz", data: false });
  });

  it("names data requests of client-side navigations by the page they load", () => {
    expect(routeOf("/projects/harbour/claims.data")).toEqual({ pattern: "/projects/:slug/claims", data: true });
    expect(routeOf("/_.data")).toEqual({ pattern: "/", data: true });
    expect(routeOf("/projects/harbour/claims/_.data")).toEqual({ pattern: "/projects/:slug/claims", data: true });
  });

  it("gives no pattern to a URL no route matches", () => {
    expect(routeOf("/.env")).toEqual({ pattern: null, data: false });
    expect(routeOf("/projects/harbour/unknown/deeper")).toEqual({ pattern: null, data: false });
  });
});

describe("remembered route patterns", () => {
  it("answers a path asked again as the first time, for pages and their data requests alike", () => {
    const routeOf = routePatternMatcher(manifest);
    for (let round = 0; round < 3; round += 1) {
      expect(routeOf("/projects/harbour/claims/42")).toEqual({ pattern: "/projects/:slug/claims/:claimId", data: false });
      expect(routeOf("/projects/harbour/claims/42.data")).toEqual({ pattern: "/projects/:slug/claims/:claimId", data: true });
      expect(routeOf("/.env")).toEqual({ pattern: null, data: false });
    }
  });

  it("keeps matching correctly once more paths were asked than it remembers", () => {
    const routeOf = routePatternMatcher(manifest);
    for (let id = 0; id < MAX_REMEMBERED_PATHS + 10; id += 1) routeOf(`/projects/p${id}/claims/${id}`);
    expect(routeOf("/projects/harbour/claims")).toEqual({ pattern: "/projects/:slug/claims", data: false });
    expect(routeOf("/projects/p3/claims/3")).toEqual({ pattern: "/projects/:slug/claims/:claimId", data: false });
    expect(routeOf(`/projects/${"x".repeat(300)}/claims`)).toEqual({ pattern: "/projects/:slug/claims", data: false });
    expect(routeOf(`/projects/${"x".repeat(300)}/nothing/here`)).toEqual({ pattern: null, data: false });
  });
});

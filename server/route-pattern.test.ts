import { describe, expect, it } from "vitest";
import { routePatternMatcher } from "./route-pattern";

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

import { type RouteObject, matchRoutes } from "react-router";

/** A route of the server build's manifest (the fields route matching needs). */
export interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}

export interface RequestRoute {
  /**
   * The matched route's pattern, such as `/projects/:slug/claims`; `static` for a file of
   * the built client; null when nothing matches.
   */
  pattern: string | null;
  /** A client-side navigation's data request (`…/claims.data`). */
  data: boolean;
}

/**
 * Names each request by its route pattern, so logs and metrics group `/projects/a/claims`
 * with `/projects/b/claims` (and a metric label cannot grow with every URL). Matches the
 * pathname against the app's own route manifest, as React Router does.
 */
export function routePatternMatcher(manifest: Record<string, ManifestRoute | undefined>): (pathname: string) => RequestRoute {
  const byParent = new Map<string | undefined, ManifestRoute[]>();
  for (const route of Object.values(manifest)) {
    if (!route) continue;
    byParent.set(route.parentId, [...(byParent.get(route.parentId) ?? []), route]);
  }
  const tree = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, path: route.path, index: true, caseSensitive: route.caseSensitive }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: tree(route.id) },
    );
  const routes = tree(undefined);
  // matchRoutes flattens and ranks the whole route tree on every call (2% of a claims page's
  // CPU, 5% of its data request's: docs/benchmarks.md, 2026-12-03). A pathname always matches
  // the same pattern, and the paths a desk requests repeat (its tables, their data requests
  // and event streams), so the answers are kept, a bounded number of short paths at most.
  const known = new Map<string, string | null>();
  const patternOf = (path: string): string | null => {
    const cached = known.get(path);
    if (cached !== undefined) return cached;
    const pattern = matchPattern(routes, path);
    if (path.length <= MAX_REMEMBERED_PATH) {
      if (known.size >= MAX_REMEMBERED_PATHS) known.clear();
      known.set(path, pattern);
    }
    return pattern;
  };

  return (pathname) => {
    let path = pathname;
    let data = false;
    // Single-fetch data requests (trailing-slash aware, react-router.config.ts): `/x.data` for
    // `/x`, `/x/_.data` for `/x/` and `/_.data` for `/`.
    if (path.endsWith(".data")) {
      data = true;
      path = path.endsWith("/_.data") ? path.slice(0, -"_.data".length) : path.slice(0, -".data".length);
    }
    return { pattern: patternOf(path), data };
  };
}

/** Paths remembered by a matcher, and the longest one it remembers (longer ones are matched each time). */
export const MAX_REMEMBERED_PATHS = 2_000;
const MAX_REMEMBERED_PATH = 200;

function matchPattern(routes: RouteObject[], path: string): string | null {
  // The router would warn about a path it cannot decode; no route matches one anyway.
  if (!decodable(path)) return null;
  const matches = matchRoutes(routes, path);
  if (!matches) return null;
  const segments = matches.map((match) => match.route.path ?? "").filter((segment) => segment !== "");
  return `/${segments.join("/")}`.replace(/\/+/g, "/");
}

function decodable(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  ssr: true,
  // Every flag React Router 7 warns about is named here, so the build prints none of those
  // warnings (ADR 018). Adopted: the ones that change nothing in our code.
  future: {
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    // The root route's data request becomes `/_.data` (server/route-pattern.ts knows both forms).
    v8_trailingSlashAwareDataRequests: true,
    // Not yet: loaders and actions read `context` as our plain RequestContext (server/app.ts's
    // getLoadContext); middleware makes it a RouterContextProvider, a change to every route.
    v8_middleware: false,
    // Not yet: loaders build URLs from `request.url` (the sign-in redirect, filters); passed
    // through, it would carry `.data` and `_routes`, so each must move to the `url` argument first.
    v8_passThroughRequests: false,
  },
} satisfies Config;

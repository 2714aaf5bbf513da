import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("account", "routes/account.tsx"),
  route("account/password", "routes/account.password.tsx"),
  route("admin/users", "routes/admin.users.tsx"),
  route("projects", "routes/projects.tsx"),
  route("projects/:slug", "routes/project.tsx"),
  route("projects/:slug/documents", "routes/project.documents.tsx"),
  route("projects/:slug/documents/import", "routes/project.documents.import.ts"),
  route("projects/:slug/documents/:documentId", "routes/project.document.tsx"),
  route("projects/:slug/events", "routes/project.events.ts"),
  route("projects/:slug/claims", "routes/project.claims.tsx"),
  route("projects/:slug/claims/:claimId", "routes/project.claim.tsx"),
  route("projects/:slug/claims/:claimId/presence", "routes/project.claim.presence.ts"),
  route("projects/:slug/sources", "routes/project.sources.tsx"),
  route("projects/:slug/export", "routes/project.export.tsx"),
  route("projects/:slug/members", "routes/project.members.tsx"),
  route("projects/:slug/settings", "routes/project.settings.tsx"),
] satisfies RouteConfig;

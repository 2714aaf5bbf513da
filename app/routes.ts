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
  route("projects/:slug/members", "routes/project.members.tsx"),
  route("projects/:slug/settings", "routes/project.settings.tsx"),
] satisfies RouteConfig;

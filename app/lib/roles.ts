export const PROJECT_ROLES = ["viewer", "reviewer", "editor", "owner"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

const rank: Record<ProjectRole, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === "string" && (PROJECT_ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: ProjectRole, minimum: ProjectRole): boolean {
  return rank[role] >= rank[minimum];
}

/**
 * What each role may do in a project. Each role includes the ones below it.
 * Routes ask for a capability, never for a role, so this table is the policy.
 */
export const CAPABILITY_MIN_ROLE = {
  read: "viewer",
  export: "viewer",
  tagClaim: "reviewer",
  addClaim: "reviewer",
  addSource: "reviewer",
  comment: "reviewer",
  importDocuments: "editor",
  editClaim: "editor",
  editDocuments: "editor",
  deleteClaim: "editor",
  bulkEdit: "editor",
  assignClaims: "editor",
  adjudicate: "editor",
  approve: "editor",
  editFacts: "editor",
  reextractClaims: "editor",
  manageMembers: "owner",
  manageSettings: "owner",
} as const satisfies Record<string, ProjectRole>;

export type Capability = keyof typeof CAPABILITY_MIN_ROLE;

export function can(role: ProjectRole, capability: Capability): boolean {
  return roleAtLeast(role, CAPABILITY_MIN_ROLE[capability]);
}

export const ROLE_LABELS: Record<ProjectRole, string> = {
  viewer: "Viewer",
  reviewer: "Reviewer",
  editor: "Editor",
  owner: "Owner",
};

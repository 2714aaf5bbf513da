// Accounts the end-to-end server is seeded with (tests/e2e/support/seed.ts).
// Test-only credentials for a throwaway database.
export const E2E_PASSWORD = "e2e-pass-phrase-42";
export const E2E_PROJECT = { slug: "e2e-desk", name: "E2E desk" };
/** A second project with synthetic claims for the review journeys. */
export const E2E_REVIEW_PROJECT = { slug: "e2e-review", name: "E2E review", claims: 30 };
/** An empty project for the facts journey (verdicts without a source, like the review project). */
export const E2E_FACTS_PROJECT = { slug: "e2e-facts", name: "E2E facts" };

export const E2E_USERS = {
  admin: { username: "e2e-admin", displayName: "E2E Admin", admin: true, role: "owner" },
  editor: { username: "e2e-editor", displayName: "E2E Editor", admin: false, role: "editor" },
  reviewer: { username: "e2e-reviewer", displayName: "E2E Reviewer", admin: false, role: "reviewer" },
  reviewer2: { username: "e2e-reviewer2", displayName: "E2E Second Reviewer", admin: false, role: "reviewer" },
  viewer: { username: "e2e-viewer", displayName: "E2E Viewer", admin: false, role: "viewer" },
  signout: { username: "e2e-signout", displayName: "E2E Sign-out", admin: false, role: "viewer" },
  throttled: { username: "e2e-throttled", displayName: "E2E Throttled", admin: false, role: "viewer" },
  newcomer: { username: "e2e-newcomer", displayName: "E2E Newcomer", admin: false, role: "reviewer", mustChangePassword: true },
} as const;

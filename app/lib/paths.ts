import { href } from "react-router";
import { type ClaimQuery, claimQueryToSearch } from "./claim-query";
import { type FactQuery, factQueryToSearch } from "./facts";

// Every address of the app, built from the route table (href checks each pattern and its
// parameters against app/routes.ts at compile time). Links, forms, fetchers and redirects
// use these rather than strings put together by hand.

type Id = number | string;
const id = (value: Id) => String(value);

function withSearch(path: string, params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const paths = {
  home: () => href("/"),
  health: () => href("/healthz"),
  login: (options: { redirectTo?: string; signedOut?: boolean } = {}) =>
    withSearch(href("/login"), { redirectTo: options.redirectTo, signedOut: options.signedOut ? "1" : undefined }),
  logout: () => href("/logout"),
  account: () => href("/account"),
  accountPassword: () => href("/account/password"),
  adminUsers: () => href("/admin/users"),
  /** The signed-in user's notifications; `unread` shows only those not read yet. */
  inbox: (options: { unread?: boolean } = {}) => withSearch(href("/inbox"), { unread: options.unread ? "1" : undefined }),
  inboxEvents: () => href("/inbox/events"),
  projects: (options: { archived?: boolean; passwordChanged?: boolean } = {}) =>
    withSearch(href("/projects"), {
      archived: options.archived ? "1" : undefined,
      passwordChanged: options.passwordChanged ? "1" : undefined,
    }),
  project: (slug: string) => href("/projects/:slug", { slug }),
  documents: (slug: string) => href("/projects/:slug/documents", { slug }),
  documentImport: (slug: string) => href("/projects/:slug/documents/import", { slug }),
  documentImportJobs: (slug: string) => href("/projects/:slug/documents/imports", { slug }),
  documentOptions: (slug: string) => href("/projects/:slug/document-options", { slug }),
  /** The reader; `claim` selects a claim in it, `dismissed` shows dismissed candidates. */
  document: (slug: string, documentId: Id, options: { claim?: Id; dismissed?: boolean } = {}) =>
    withSearch(href("/projects/:slug/documents/:documentId", { slug, documentId: id(documentId) }), {
      dismissed: options.dismissed ? "1" : undefined,
      claim: options.claim === undefined ? undefined : id(options.claim),
    }),
  events: (slug: string) => href("/projects/:slug/events", { slug }),
  /** The claims table; a query gives its filters, sort and page (defaults are left out). */
  claims: (slug: string, query: Partial<ClaimQuery> = {}) => `${href("/projects/:slug/claims", { slug })}${claimQueryToSearch(query)}`,
  claim: (slug: string, claimId: Id) => href("/projects/:slug/claims/:claimId", { slug, claimId: id(claimId) }),
  claimPresence: (slug: string, claimId: Id) => href("/projects/:slug/claims/:claimId/presence", { slug, claimId: id(claimId) }),
  claimComments: (slug: string, claimId: Id) => href("/projects/:slug/claims/:claimId/comments", { slug, claimId: id(claimId) }),
  claimSuggestions: (slug: string, claimId: Id) => href("/projects/:slug/claims/:claimId/suggestions", { slug, claimId: id(claimId) }),
  /** The Facts view; a query gives its filters, sort and page (defaults are left out). */
  facts: (slug: string, query: Partial<FactQuery> = {}) => `${href("/projects/:slug/facts", { slug })}${factQueryToSearch(query)}`,
  fact: (slug: string, factId: Id) => href("/projects/:slug/facts/:factId", { slug, factId: id(factId) }),
  agreement: (slug: string) => href("/projects/:slug/agreement", { slug }),
  discrepancies: (slug: string) => href("/projects/:slug/discrepancies", { slug }),
  sources: (slug: string) => href("/projects/:slug/sources", { slug }),
  export: (slug: string, query: Partial<ClaimQuery> = {}) => `${href("/projects/:slug/export", { slug })}${claimQueryToSearch(query)}`,
  exportDownload: (slug: string) => href("/projects/:slug/export/download", { slug }),
  members: (slug: string) => href("/projects/:slug/members", { slug }),
  settings: (slug: string) => href("/projects/:slug/settings", { slug }),
};

import { Link } from "react-router";
import type { ReactNode } from "react";
import { paths } from "../lib/paths";

/** What a page shows when it has nothing yet: why, and the one next step (a link or a note on who can take it). */
export function EmptyState({ title, children, next }: { title: string; children: ReactNode; next: ReactNode }) {
  return (
    <div className="empty-state card">
      <h2>{title}</h2>
      <p>{children}</p>
      <p className="empty-state-next">{next}</p>
    </div>
  );
}

/** The next step of a project without articles: importing them, or who can. */
export function ImportFirstArticles({ slug, canImport }: { slug: string; canImport: boolean }) {
  return canImport ? (
    <Link to={`${paths.documents(slug)}#import`}>Import your first articles</Link>
  ) : (
    <>An editor of this project imports them.</>
  );
}

/** The next step of a page that needs several articles on one story (facts, discrepancies). */
export function MoreCoverage({ slug, canImport }: { slug: string; canImport: boolean }) {
  return canImport ? (
    <Link to={`${paths.documents(slug)}#import`}>Import other outlets&apos; articles on the same story</Link>
  ) : (
    <>They appear once the project has articles from more than one outlet on a story.</>
  );
}

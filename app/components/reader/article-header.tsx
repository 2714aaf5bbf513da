import { Link } from "react-router";
import { formatDateTime, formatPublished } from "../../lib/datetime";
import { paths } from "../../lib/paths";

export interface ArticleHeaderProps {
  slug: string;
  timeZone: string;
  document: {
    title: string;
    outlet: string | null;
    author: string | null;
    url: string | null;
    publishedAt: Date | null;
    importedAt: Date;
    importedBy: { displayName: string } | null;
    version: number;
    nextVersion: { id: number; version: number } | null;
    titleDerived: boolean;
  };
  /** Editors get the details form instead of the note about a derived title. */
  canEditDetails: boolean;
}

/** The article's title, where and when it was published, and which version this is. */
export function ArticleHeader({ slug, timeZone, document, canEditDetails }: ArticleHeaderProps) {
  return (
    <header>
      <h1>{document.title}</h1>
      <p className="meta">
        {[
          document.outlet,
          document.author ? `by ${document.author}` : null,
          document.publishedAt ? `published ${formatPublished(document.publishedAt, timeZone)}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {document.url ? (
        <p className="meta">
          Source:{" "}
          <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">
            {document.url}
          </a>
        </p>
      ) : null}
      <p className="meta">
        Version {document.version}, imported {formatDateTime(document.importedAt, timeZone)}
        {document.importedBy ? ` by ${document.importedBy.displayName}` : ""}
      </p>
      {document.nextVersion ? (
        <p className="alert alert-info">
          A newer version of this article exists:{" "}
          <Link to={paths.document(slug, document.nextVersion.id)}>version {document.nextVersion.version}</Link>. Its claims moved there.
        </p>
      ) : null}
      {document.titleDerived && !canEditDetails ? (
        <p className="meta">This title was made from the article&rsquo;s opening words or its file name.</p>
      ) : null}
    </header>
  );
}

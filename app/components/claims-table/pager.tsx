import { Link } from "react-router";
import { type ClaimQuery, claimQueryToSearch } from "../../lib/claim-query";

export function Pager({ query, pages }: { query: ClaimQuery; pages: number }) {
  return (
    <nav aria-label="Pages" className="pager">
      {query.page > 1 ? <Link to={claimQueryToSearch({ ...query, page: query.page - 1 })}>Previous page</Link> : null}
      <span className="meta">
        Page {query.page} of {pages}
      </span>
      {query.page < pages ? <Link to={claimQueryToSearch({ ...query, page: query.page + 1 })}>Next page</Link> : null}
    </nav>
  );
}

import { Form, Link } from "react-router";
import type { AgreementReport, MatrixCell } from "../../lib/agreement/report";
import { paths } from "../../lib/paths";
import { ConfusionMatrix } from "./confusion-matrix";

/** A matrix as the page gets it: counts only; the claims of the selected cell come apart. */
export type CountCell = Pick<MatrixCell, "count">;

export interface AgreementPageData extends Pick<
  AgreementReport,
  "pairs" | "agreed" | "notBlind" | "percentAgreement" | "fleissKappa" | "krippendorffAlpha" | "minSharedClaims"
> {
  slug: string;
  secondReview: boolean;
  days: { from: string | null; to: string | null };
  timeZone: string;
  categories: readonly string[];
  firstBySecond: CountCell[][];
  reviewerPairs: Array<{
    a: string;
    b: string;
    shared: number;
    percentAgreement: number | null;
    kappa: number | null;
    cells: CountCell[][];
  }>;
  selected: { matrix: "all" | number; row: number; column: number; label: string; claimIds: number[]; total: number } | null;
}

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)} %`);
// Kappa and alpha have no value without reviews, or when every review used one verdict.
const coefficient = (value: number | null) => (value === null ? "not defined for these reviews" : value.toFixed(3));

function cellSearch(data: AgreementPageData, matrix: "all" | number, row: number, column: number): string {
  const search = new URLSearchParams();
  if (data.days.from) search.set("from", data.days.from);
  if (data.days.to) search.set("to", data.days.to);
  search.set("matrix", String(matrix));
  search.set("row", String(row));
  search.set("column", String(column));
  return `${paths.agreement(data.slug)}?${search.toString()}#cell-claims`;
}

const asCells = (cells: CountCell[][]): MatrixCell[][] => cells.map((row) => row.map((cell) => ({ count: cell.count, claimIds: [] })));

/** The Agreement view: the period, the project's figures, every pair of reviewers and their confusion matrices. */
export function AgreementView({ data }: { data: AgreementPageData }) {
  const selectedIn = (matrix: "all" | number) =>
    data.selected && data.selected.matrix === matrix ? { row: data.selected.row, column: data.selected.column } : null;
  return (
    <>
      <Form method="get" className="filters period-form" aria-label="Period">
        <div className="field">
          <label htmlFor="agreement-from">From</label>
          <input id="agreement-from" type="date" name="from" defaultValue={data.days.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="agreement-to">To (inclusive)</label>
          <input id="agreement-to" type="date" name="to" defaultValue={data.days.to ?? ""} />
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </Form>
      {!data.secondReview ? (
        <p className="alert alert-info">Second review is off in this project: new verdicts are not reviewed twice.</p>
      ) : null}
      <dl className="facts" aria-label="Project agreement">
        <dt>Claims reviewed twice</dt>
        <dd>{data.pairs.toLocaleString("en")}</dd>
        <dt>Percent agreement</dt>
        <dd>
          {percent(data.percentAgreement)} ({data.agreed.toLocaleString("en")} agreed)
        </dd>
        <dt>Fleiss’ kappa</dt>
        <dd>{coefficient(data.fleissKappa)}</dd>
        <dt>Krippendorff’s alpha (nominal)</dt>
        <dd>{coefficient(data.krippendorffAlpha)}</dd>
        {data.notBlind > 0 ? (
          <>
            <dt>Not independent</dt>
            <dd>{data.notBlind} second reviews by someone who could see the proposal (an editor)</dd>
          </>
        ) : null}
      </dl>
      {data.pairs === 0 ? <p className="meta">No claim was reviewed twice in this period.</p> : null}
      {data.pairs > 0 ? (
        <div className="table-scroll">
          <ConfusionMatrix
            caption="All reviews: first verdict by second verdict"
            rowsAre="first"
            columnsAre="second"
            categories={data.categories}
            cells={asCells(data.firstBySecond)}
            cellHref={(row, column) => cellSearch(data, "all", row, column)}
            selected={selectedIn("all")}
          />
        </div>
      ) : null}
      {data.reviewerPairs.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Reviewer pairs (Cohen’s kappa from {data.minSharedClaims} shared claims)</caption>
            <thead>
              <tr>
                <th scope="col">Reviewers</th>
                <th scope="col">Shared claims</th>
                <th scope="col">Percent agreement</th>
                <th scope="col">Cohen’s kappa</th>
              </tr>
            </thead>
            <tbody>
              {data.reviewerPairs.map((pair, index) => (
                <tr key={`${pair.a}|${pair.b}|${index}`}>
                  <th scope="row">
                    <a href={`#pair-${index}`}>
                      {pair.a} and {pair.b}
                    </a>
                  </th>
                  <td>{pair.shared}</td>
                  <td>{percent(pair.percentAgreement)}</td>
                  <td>{pair.shared < data.minSharedClaims ? `fewer than ${data.minSharedClaims} shared` : coefficient(pair.kappa)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.reviewerPairs.map((pair, index) => (
        <div key={`matrix-${index}`} id={`pair-${index}`} className="table-scroll">
          <ConfusionMatrix
            caption={`${pair.a} by ${pair.b}`}
            rowsAre={pair.a}
            columnsAre={pair.b}
            categories={data.categories}
            cells={asCells(pair.cells)}
            cellHref={(row, column) => cellSearch(data, index, row, column)}
            selected={selectedIn(index)}
          />
        </div>
      ))}
      {data.selected ? (
        <section id="cell-claims" aria-labelledby="cell-claims-title">
          <h2 id="cell-claims-title">
            {data.selected.total} claims: {data.selected.label}
          </h2>
          <ul className="claim-id-list">
            {data.selected.claimIds.map((id) => (
              <li key={id}>
                <Link to={paths.claim(data.slug, id)}>Claim {id}</Link>
              </li>
            ))}
          </ul>
          {data.selected.total > data.selected.claimIds.length ? (
            <p className="meta">The first {data.selected.claimIds.length} are listed.</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

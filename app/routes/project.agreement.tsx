import type { Route } from "./+types/project.agreement";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";
import { type AgreementPageData, AgreementView } from "../components/review/agreement-view";
import { throwAppError } from "../lib/action-result";
import { agreementCellSchema, agreementPeriodSchema, periodInstants } from "../lib/agreement/period";
import type { MatrixCell } from "../lib/agreement/report";
import { AppError } from "../lib/app-error";
import { projectAgreement } from "../models/review/agreement.server";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Agreement · ${data?.project.name ?? "Project"} · Claimdesk` }];

/** Claims listed for a selected cell; the count says how many there are in all. */
const MAX_LISTED = 500;
const counts = (cells: MatrixCell[][]) => cells.map((row) => row.map((cell) => ({ count: cell.count })));

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const search = new URL(request.url).searchParams;
  const days = agreementPeriodSchema.safeParse({ from: search.get("from") ?? undefined, to: search.get("to") ?? undefined });
  const period = days.success ? periodInstants(days.data, project.timeZone) : null;
  if (!days.success || !period)
    throwAppError(new AppError("invalid_input", days.error?.issues[0]?.message ?? "Use a date such as 2026-04-15"));
  const report = await projectAgreement({ projectId: project.id, period });
  const cell = agreementCellSchema.safeParse({ matrix: search.get("matrix"), row: search.get("row"), column: search.get("column") });
  let selected: AgreementPageData["selected"] = null;
  if (cell.success) {
    const { matrix, row, column } = cell.data;
    const pair = matrix === "all" ? null : report.reviewerPairs[matrix];
    const cells = matrix === "all" ? report.firstBySecond : pair?.cells;
    const found = cells?.[row]?.[column];
    if (found) {
      const [rowsAre, columnsAre] = pair ? [pair.a.name, pair.b.name] : ["first verdict", "second verdict"];
      selected = {
        matrix,
        row,
        column,
        label: `${rowsAre} ${report.categories[row]}, ${columnsAre} ${report.categories[column]}`,
        claimIds: found.claimIds.slice(0, MAX_LISTED),
        total: found.count,
      };
    }
  }
  const agreement: AgreementPageData = {
    slug: project.slug,
    secondReview: project.secondReview,
    days: days.data,
    timeZone: project.timeZone,
    categories: report.categories,
    pairs: report.pairs,
    agreed: report.agreed,
    notBlind: report.notBlind,
    percentAgreement: report.percentAgreement,
    fleissKappa: report.fleissKappa,
    krippendorffAlpha: report.krippendorffAlpha,
    minSharedClaims: report.minSharedClaims,
    firstBySecond: counts(report.firstBySecond),
    reviewerPairs: report.reviewerPairs.map((pair) => ({
      a: pair.a.name,
      b: pair.b.name,
      shared: pair.shared,
      percentAgreement: pair.percentAgreement,
      kappa: pair.kappa,
      cells: counts(pair.cells),
    })),
    selected,
  };
  return { project: { name: project.name, slug: project.slug }, role, agreement };
}

export default function Agreement({ loaderData }: Route.ComponentProps) {
  return (
    <section>
      <h1>Agreement between reviewers</h1>
      <ProjectNav slug={loaderData.project.slug} role={loaderData.role} />
      <p className="meta">
        From the audit trail: each claim’s last proposal against its independent second review, in the period the second review was given (
        {loaderData.agreement.timeZone}).
      </p>
      <AgreementView data={loaderData.agreement} />
    </section>
  );
}

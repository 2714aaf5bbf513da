import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { claimQueryToSearch } from "../../lib/claim-query";
import { paths } from "../../lib/paths";
import type { ClaimsPage } from "../../lib/review-types";
import { BulkApprove } from "../review/bulk-approve";
import { ReviewStateFilter } from "../review/review-state-filter";
import { BulkBar } from "./bulk-bar";
import { ClaimPanel } from "./claim-panel";
import { ClaimsGrid } from "./claims-grid";
import { visibleClaimColumns } from "./columns";
import { FiltersForm, StatusCounts } from "./filters-toolbar";
import { Pager } from "./pager";
import { RationaleDialog } from "./rationale-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { StatusListbox, useStatusMenu } from "./status-menu";
import { useAdvanceAfterVerdict } from "./use-advance-after-verdict";
import { useClaimPanel } from "./use-claim-panel";
import { useLiveUpdates } from "./use-live-updates";
import { usePresenceHeartbeat } from "./use-presence-heartbeat";
import { useTableKeyboard } from "./use-table-keyboard";
import { useTagging } from "./use-tagging";
import { ViewOptions } from "./view-options";

const subscribeToNothing = () => () => undefined;
const clientSnapshot = () => true;
const serverSnapshot = () => false;

/**
 * The review workspace: filters, the claims table with its keyboard, the bulk bar and the
 * claim panel. It holds what the parts share (the active row, the selection, the open
 * claim, the live announcement); each part holds its own fetchers.
 */
export function ClaimsTable({ data, actionError }: { data: ClaimsPage; actionError?: string | null }) {
  const { project, query, rows, total, counts, documents, documentsComplete, members, preferences, canTag, canBulk, viewerId } = data;
  const slug = project.slug;

  const [active, setActive] = useState(0);
  const [rowSelection, setRowSelection] = useState<Record<number, boolean>>({});
  const [allMatching, setAllMatching] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const shortcutsDialog = useRef<HTMLDialogElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  // False in the server's render and while hydrating it, true from the render right after.
  const hydrated = useSyncExternalStore(subscribeToNothing, clientSnapshot, serverSnapshot);
  // Fewer rows after a reload: the selection stays on the table (adjusted while rendering, not in an effect).
  const [rowCount, setRowCount] = useState(rows.length);
  if (rowCount !== rows.length) {
    setRowCount(rows.length);
    setActive((index) => Math.min(index, Math.max(0, rows.length - 1)));
  }

  const panel = useClaimPanel(slug, rows[active]?.id);
  const tagging = useTagging({
    slug,
    canTag,
    requireSourceForVerdict: project.requireSourceForVerdict,
    openPanel: panel.open,
    announce: setAnnouncement,
  });
  useAdvanceAfterVerdict({
    enabled: preferences.advance,
    rows,
    active,
    setActive,
    announce: setAnnouncement,
  });
  useLiveUpdates({ slug, viewerId, announce: setAnnouncement, reloadPanel: panel.reload });
  usePresenceHeartbeat(slug, panel.claimId);

  const toggleSelected = useCallback((claimId: number) => setRowSelection((current) => ({ ...current, [claimId]: !current[claimId] })), []);
  const showShortcuts = useCallback(() => shortcutsDialog.current?.showModal(), []);
  const dialogOpen = useCallback(
    () => !!(tagging.rationaleDialog.current?.open || shortcutsDialog.current?.open),
    [tagging.rationaleDialog],
  );
  const statusMenu = useStatusMenu({ rows, requestTag: tagging.requestTag });
  useTableKeyboard({
    rows,
    active,
    setActive,
    openPanel: panel.open,
    closePanel: panel.close,
    requestTag: tagging.requestTag,
    toggleSelected: canBulk ? toggleSelected : null,
    searchInput,
    showShortcuts,
    dialogOpen,
  });

  // Keyed by the hidden columns' names: each reload brings a new (equal) list, and new columns would render every row again.
  const hiddenColumns = preferences.hidden.join(" ");
  const columns = useMemo(
    () => visibleClaimColumns({ canBulk, reviewColumn: data.secondReview, hidden: hiddenColumns.split(" ") }),
    [canBulk, data.secondReview, hiddenColumns],
  );

  const selectedIds = Object.entries(rowSelection)
    .filter(([, ticked]) => ticked)
    .map(([id]) => Number(id));
  const pages = Math.max(1, Math.ceil(total / query.size));
  // The table's own forms post to this route with the current view, so that without JavaScript the page comes back as it was.
  const tableAction = paths.claims(slug, query);

  return (
    // data-hydrated: the keyboard shortcuts are listening (the server renders the same rows
    // without them); tests wait for it before pressing keys.
    <div className={`claims-workspace${panel.claimId !== null ? " with-panel" : ""}`} data-hydrated={hydrated ? "" : undefined}>
      <div className="claims-main">
        <div className="workspace-bar">
          <StatusCounts query={query} counts={counts} onShowShortcuts={showShortcuts} />
          {/* Sign-off folds into the bar, so the table keeps its rows (issue 14's 15 at 1440x900). */}
          {data.canApprove && canBulk ? (
            <details className="column-menu sign-off-menu">
              <summary>Approve verdicts</summary>
              <BulkApprove
                action={tableAction}
                search={claimQueryToSearch(query).replace(/^\?/, "")}
                selectedIds={selectedIds}
                allMatching={allMatching}
                total={total}
              />
            </details>
          ) : null}
          <ViewOptions slug={slug} query={query} total={total} pages={pages} preferences={preferences} action={tableAction} />
        </div>
        <FiltersForm
          slug={slug}
          query={query}
          documents={documents}
          documentsComplete={documentsComplete}
          members={members}
          searchInput={searchInput}
        >
          {data.secondReview ? <ReviewStateFilter selected={query.review} /> : null}
        </FiltersForm>
        {canBulk ? (
          <BulkBar
            action={tableAction}
            search={claimQueryToSearch(query).replace(/^\?/, "")}
            total={total}
            members={members}
            selectedIds={selectedIds}
            allMatching={allMatching}
            setAllMatching={setAllMatching}
            onApplied={(changed) => {
              setRowSelection({});
              setAllMatching(false);
              setAnnouncement(`Changed ${changed} claims. You can undo for 30 seconds.`);
            }}
          />
        ) : null}

        {actionError ? (
          <p className="alert alert-error" role="alert">
            {actionError}
          </p>
        ) : null}
        {tagging.sourceNotice ? (
          <p className="alert alert-info" role="alert">
            {tagging.sourceNotice}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite" role="status">
          {announcement}
        </p>
        {announcement && tagging.error ? (
          <p className="alert alert-error" role="alert">
            {tagging.error}
          </p>
        ) : null}

        <ClaimsGrid
          rows={rows}
          columns={columns}
          slug={slug}
          timeZone={project.timeZone}
          canTag={canTag}
          selected={rowSelection}
          onToggleSelected={toggleSelected}
          statusMenu={statusMenu.menu}
          onStatusClick={statusMenu.toggle}
          onStatusKeyDown={statusMenu.onKeyDown}
          onStatusBlur={statusMenu.onBlur}
          query={query}
          total={total}
          compact={preferences.density === "compact"}
          hydrated={hydrated}
          active={active}
          allMatching={allMatching}
          onActivate={setActive}
          onOpen={panel.open}
        />
        <Pager query={query} pages={pages} />
      </div>

      {panel.claimId !== null ? <ClaimPanel claimId={panel.claimId} page={panel.page} onClose={panel.close} /> : null}

      <StatusListbox
        menu={statusMenu.menu}
        current={rows.find((row) => row.id === statusMenu.menu?.claimId)?.status}
        onChoose={statusMenu.choose}
        onClose={statusMenu.close}
      />
      <RationaleDialog
        dialogRef={tagging.rationaleDialog}
        pending={tagging.pending}
        onSave={tagging.submitTag}
        onClose={tagging.clearPending}
        announce={setAnnouncement}
      />
      <ShortcutsDialog dialogRef={shortcutsDialog} canTag={canTag} canBulk={canBulk} />
    </div>
  );
}

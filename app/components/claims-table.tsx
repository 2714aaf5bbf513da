import { type ColumnDef, type VisibilityState, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Form, Link, useFetcher, useNavigate, useRevalidator } from "react-router";
import { formatDateTime } from "../lib/datetime";
import { failureMessage, succeeded } from "../lib/action-result";
import type { ClaimFormResult, ClaimPage, ClaimRow, ClaimsPage, TableFormResult } from "../lib/review-types";
import { CLAIM_STATUSES, type ClaimStatus } from "../lib/claim-status";
import { type ClaimSort, PAGE_SIZES, claimQueryToSearch, parseClaimQuery } from "../lib/claim-query";
import { HIDEABLE_COLUMNS } from "../lib/table-preferences";
import { ClaimDetails } from "./claim-details";
import { DocumentFilter } from "./document-filter";
import { StatusBadge } from "./claim-summary";
import { useProjectEvents } from "./use-project-events";
import { paths } from "../lib/paths";

type Row = ClaimRow;

const SORT_OF_COLUMN: Record<string, ClaimSort> = {
  claim: "position",
  status: "status",
  checkworthiness: "checkworthiness",
  assignee: "assignee",
  sources: "sources",
  lastChanged: "decided",
};
const DESCENDING_FIRST = new Set<ClaimSort>(["checkworthiness", "lastChanged", "decided", "sources"]);
const KEY_TO_STATUS: Record<string, ClaimStatus> = {
  c: "confirmed",
  d: "disputed",
  u: "unverified",
  "1": "confirmed",
  "2": "disputed",
  "3": "unverified",
};
const SHORTCUTS: Array<[string, string]> = [
  ["j or ↓", "next claim"],
  ["k or ↑", "previous claim"],
  ["Enter", "open the claim's details"],
  ["c or 1", "mark confirmed (asks for a rationale)"],
  ["d or 2", "mark disputed (asks for a rationale)"],
  ["u or 3", "mark unverified"],
  ["x", "select or unselect for a bulk change"],
  ["/", "search"],
  ["Esc", "close the panel or dialog"],
  ["?", "show these shortcuts"],
];

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

export function ClaimsTable({ data, actionError }: { data: ClaimsPage; actionError?: string | null }) {
  const { project, query, rows, total, counts, documents, documentsComplete, members, preferences, canTag, canBulk, viewerId } = data;
  const slug = project.slug;
  const timeZone = project.timeZone;
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const tagFetcher = useFetcher<ClaimFormResult>();
  const panelFetcher = useFetcher<ClaimPage>();
  const previewFetcher = useFetcher<TableFormResult>();
  const applyFetcher = useFetcher<TableFormResult>();
  const undoFetcher = useFetcher<TableFormResult>();
  const prefsFetcher = useFetcher<TableFormResult>();

  const [active, setActive] = useState(0);
  const [panelClaimId, setPanelClaimId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [pendingTag, setPendingTag] = useState<{ claimId: number; version: number; status: ClaimStatus } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [sourceNotice, setSourceNotice] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const rationaleDialog = useRef<HTMLDialogElement>(null);
  const shortcutsDialog = useRef<HTMLDialogElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());

  useEffect(() => setHydrated(true), []);
  useEffect(() => setActive((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);

  const openPanel = useCallback(
    (claimId: number) => {
      setPanelClaimId(claimId);
      panelFetcher.load(paths.claim(slug, claimId));
    },
    [panelFetcher, slug],
  );

  const submitTag = useCallback(
    (claimId: number, version: number, status: ClaimStatus, rationale: string | null) => {
      const form = new FormData();
      form.set("intent", "tag");
      form.set("version", String(version));
      form.set("status", status);
      if (rationale) form.set("rationale", rationale);
      tagFetcher.submit(form, { method: "post", action: paths.claim(slug, claimId) });
      setAnnouncement(`Claim ${claimId}: saving ${status}…`);
    },
    [tagFetcher, slug],
  );

  const requestTag = useCallback(
    (row: Row, status: ClaimStatus) => {
      if (!canTag) return;
      // Said before the reviewer writes a rationale the server would then refuse.
      if (status !== "unverified" && project.requireSourceForVerdict && row.sourceCount === 0) {
        setSourceNotice(`Claim ${row.id} has no source yet: link one in its details before marking it ${status} (a project setting).`);
        openPanel(row.id);
        return;
      }
      setSourceNotice(null);
      if (status === "unverified") submitTag(row.id, row.version, status, row.rationale);
      else {
        setPendingTag({ claimId: row.id, version: row.version, status });
        rationaleDialog.current?.showModal();
      }
    },
    [canTag, submitTag, openPanel, project.requireSourceForVerdict],
  );

  useEffect(() => {
    if (tagFetcher.state !== "idle" || !tagFetcher.data) return;
    setAnnouncement(tagFetcher.data.ok ? "Saved." : (tagFetcher.data.error ?? "Not saved."));
  }, [tagFetcher.state, tagFetcher.data]);

  // Live updates from other reviewers: reload the rows, and the panel if it is open.
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useProjectEvents(slug, {
    onClaimsChanged(event) {
      if (event.actorId !== viewerId) setAnnouncement(event.summary);
      clearTimeout(reloadSoon.current);
      reloadSoon.current = setTimeout(() => {
        revalidator.revalidate();
        if (panelClaimId !== null && event.claimIds.includes(panelClaimId)) panelFetcher.load(paths.claim(slug, panelClaimId));
      }, 200);
    },
    onPresence(event) {
      if (panelClaimId === event.claimId) panelFetcher.load(paths.claim(slug, panelClaimId));
    },
    // Changes made while the connection was down sent events no one received: reload.
    onReconnected() {
      revalidator.revalidate();
      if (panelClaimId !== null) panelFetcher.load(paths.claim(slug, panelClaimId));
    },
  });

  // While a claim is open, tell others who is looking at it.
  useEffect(() => {
    if (panelClaimId === null) return;
    const beat = () => void fetch(paths.claimPresence(slug, panelClaimId), { method: "POST" }).catch(() => undefined);
    beat();
    const timer = setInterval(beat, 10_000);
    return () => clearInterval(timer);
  }, [panelClaimId, slug]);

  const toggleSelected = useCallback((claimId: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(claimId)) next.delete(claimId);
      else next.add(claimId);
      return next;
    });
  }, []);

  // A layout effect, so the handler is replaced in the same commit that shows new rows: a
  // key pressed right after a change is never handled with the previous rows' versions.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (rationaleDialog.current?.open || shortcutsDialog.current?.open) return;
      const row = rows[active];
      const key = event.key;
      if (key === "j" || key === "ArrowDown") setActive((i) => Math.min(i + 1, rows.length - 1));
      else if (key === "k" || key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
      else if (key === "Enter" && row) openPanel(row.id);
      else if (key === "Escape") setPanelClaimId(null);
      else if (key === "/") searchInput.current?.focus();
      else if (key === "?") shortcutsDialog.current?.showModal();
      else if (key === "x" && row && canBulk) toggleSelected(row.id);
      else if (KEY_TO_STATUS[key] && row) requestTag(row, KEY_TO_STATUS[key]!);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, active, openPanel, requestTag, toggleSelected, canBulk]);

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      ...(canBulk
        ? [
            {
              id: "select",
              header: () => <span className="visually-hidden">Select</span>,
              cell: ({ row }: { row: { original: Row } }) => (
                <input
                  type="checkbox"
                  aria-label={`Select claim ${row.original.id}`}
                  checked={allMatching || selected.has(row.original.id)}
                  disabled={allMatching}
                  onChange={() => toggleSelected(row.original.id)}
                />
              ),
            } satisfies ColumnDef<Row>,
          ]
        : []),
      {
        id: "claim",
        header: "Claim",
        cell: ({ row }) => (
          <div>
            <Link to={paths.claim(slug, row.original.id)} className="claim-text">
              {row.original.text}
            </Link>
            <div className="meta">
              <Link to={paths.document(slug, row.original.document.id, { claim: row.original.id })}>{row.original.document.title}</Link>
              {row.original.speaker ? ` · ${row.original.speaker}` : ""}
            </div>
          </div>
        ),
      },
      {
        id: "status",
        header: "Status",
        cell: ({ row }) =>
          canTag ? (
            <select
              aria-label={`Status of claim ${row.original.id}`}
              className={`status-select status-${row.original.status}`}
              value={row.original.status}
              onChange={(event) => requestTag(row.original, event.target.value as ClaimStatus)}
            >
              {CLAIM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          ) : (
            <StatusBadge status={row.original.status} />
          ),
      },
      { id: "checkworthiness", header: "Check-worthiness", cell: ({ row }) => row.original.checkworthiness.toFixed(2) },
      { id: "assignee", header: "Assignee", cell: ({ row }) => row.original.assignee?.displayName ?? "—" },
      { id: "sources", header: "Sources", cell: ({ row }) => row.original.sourceCount },
      {
        id: "lastChanged",
        header: "Verdict by",
        cell: ({ row }) =>
          row.original.decision ? (
            <span className="meta">
              {row.original.decision.displayName}
              <br />
              {formatDateTime(row.original.decision.at, timeZone)}
            </span>
          ) : (
            <span className="meta">not decided</span>
          ),
      },
    ],
    [canBulk, canTag, allMatching, selected, slug, timeZone, toggleSelected, requestTag],
  );

  const columnVisibility: VisibilityState = Object.fromEntries(preferences.hidden.map((id) => [id, false]));
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount: total,
    state: { columnVisibility },
    getRowId: (row) => String(row.id),
  });
  const tableRows = table.getRowModel().rows;

  const compact = preferences.density === "compact";
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (compact ? 40 : 64),
    overscan: 12,
  });
  // Keyboard focus follows the selected row in the same commit: a dialog opened by the next
  // key returns focus to the element focused when it opened, and the focused row becomes
  // the selection again (onFocus). Focus still on the previous row would select it, and
  // the key after would tag the wrong claim.
  useLayoutEffect(() => {
    if (!hydrated || tableRows.length === 0) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    const id = tableRows[active]?.original.id;
    if (id === undefined || isTypingTarget(document.activeElement)) return;
    const focusRow = () => rowRefs.current.get(id)?.focus({ preventScroll: true });
    // A row scrolled far into view is rendered on the next frame.
    if (rowRefs.current.has(id)) focusRow();
    else requestAnimationFrame(focusRow);
  }, [active, hydrated]); // eslint-disable-line react-hooks/exhaustive-deps
  // Until hydrated every row is rendered (it works without JavaScript); then only the visible ones.
  const virtualItems = hydrated ? virtualizer.getVirtualItems() : null;
  const visible = virtualItems
    ? virtualItems.map((item) => ({ row: tableRows[item.index]!, index: item.index }))
    : tableRows.map((row, index) => ({ row, index }));
  const paddingTop = virtualItems && virtualItems.length > 0 ? virtualItems[0]!.start : 0;
  const paddingBottom =
    virtualItems && virtualItems.length > 0 ? virtualizer.getTotalSize() - virtualItems[virtualItems.length - 1]!.end : 0;
  const visibleColumnCount = table.getVisibleLeafColumns().length;

  const pages = Math.max(1, Math.ceil(total / query.size));
  const bulkResult = succeeded(applyFetcher.data)?.bulk;
  const preview = succeeded(previewFetcher.data)?.preview;
  const undone = succeeded(undoFetcher.data)?.undone;
  const undoSeconds = bulkResult ? Math.max(0, Math.ceil((new Date(bulkResult.undoUntil).getTime() - now) / 1000)) : 0;
  useEffect(() => {
    if (!bulkResult) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [bulkResult]);
  useEffect(() => {
    const bulk = succeeded(applyFetcher.data)?.bulk;
    if (applyFetcher.state === "idle" && bulk) {
      setSelected(new Set());
      setAllMatching(false);
      setAnnouncement(`Changed ${bulk.changed} claims. You can undo for 30 seconds.`);
    }
  }, [applyFetcher.state, applyFetcher.data]);

  const search = claimQueryToSearch(query).replace(/^\?/, "");
  // The table's own forms post to this route with the current view, so that without JavaScript the page comes back as it was.
  const tableAction = paths.claims(slug, query);
  const bulkScopeFields = (
    <>
      <input type="hidden" name="scope" value={allMatching ? "filter" : "selected"} />
      <input type="hidden" name="search" value={search} />
      {allMatching ? null : [...selected].map((id) => <input key={id} type="hidden" name="ids" value={id} />)}
    </>
  );
  const bulkFormRef = useRef<HTMLFormElement>(null);

  return (
    // data-hydrated: the keyboard shortcuts are listening (the server renders the same rows
    // without them); tests wait for it before pressing keys.
    <div className={`claims-workspace${panelClaimId !== null ? " with-panel" : ""}`} data-hydrated={hydrated ? "" : undefined}>
      <div className="claims-main">
        <ul className="status-counts" aria-label="Claims by status">
          {CLAIM_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={claimQueryToSearch({ ...query, status: [status], page: 1 })}
                className={`status-${status}`}
                aria-current={query.status.length === 1 && query.status[0] === status ? "true" : undefined}
              >
                <strong>{counts[status]}</strong> {status}
              </Link>
            </li>
          ))}
          <li>
            <Link to={claimQueryToSearch({ ...query, assignee: "me", page: 1 })}>My queue</Link>
          </li>
          <li>
            <button type="button" className="link-button help-button" onClick={() => shortcutsDialog.current?.showModal()}>
              Keyboard shortcuts (?)
            </button>
          </li>
        </ul>

        <Form
          method="get"
          className="filters"
          aria-label="Filter claims"
          onSubmit={(event) => {
            // Without JavaScript the browser submits every field; with it, the URL keeps only what differs from the defaults.
            event.preventDefault();
            const fields = new URLSearchParams();
            for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") fields.append(key, value);
            navigate(claimQueryToSearch({ ...parseClaimQuery(fields), page: 1 }) || "?");
          }}
        >
          <fieldset>
            <legend>Status</legend>
            {CLAIM_STATUSES.map((status) => (
              <label key={status} className="checkbox-inline">
                <input type="checkbox" name="status" value={status} defaultChecked={query.status.includes(status)} /> {status}
              </label>
            ))}
          </fieldset>
          <DocumentFilter slug={slug} options={documents} complete={documentsComplete} selected={query.document} />
          <label>
            Assignee{" "}
            <select name="assignee" defaultValue={query.assignee ?? ""}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Nobody</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sources{" "}
            <select name="sources" defaultValue={query.sources ?? ""}>
              <option value="">Any</option>
              <option value="yes">With sources</option>
              <option value="no">Without sources</option>
            </select>
          </label>
          <label>
            Score from <input name="min" type="number" min={0} max={1} step={0.05} defaultValue={query.min ?? ""} className="score-input" />
          </label>
          <label>
            to <input name="max" type="number" min={0} max={1} step={0.05} defaultValue={query.max ?? ""} className="score-input" />
          </label>
          <label>
            Search claims <input ref={searchInput} name="q" type="search" defaultValue={query.q ?? ""} />
          </label>
          <label>
            Rows per page{" "}
            <select name="size" defaultValue={query.size}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <button type="submit" className="button small">
            Apply filters
          </button>
          <Link to="?" className="meta">
            Clear
          </Link>
        </Form>

        <div className="table-tools">
          <details className="column-menu">
            <summary>Columns and density</summary>
            <prefsFetcher.Form
              method="post"
              action={tableAction}
              onChange={(event) => prefsFetcher.submit(event.currentTarget, { method: "post", action: tableAction })}
            >
              <input type="hidden" name="intent" value="preferences" />
              <fieldset>
                <legend>Hide columns</legend>
                {HIDEABLE_COLUMNS.map((column) => (
                  <label key={column.id} className="checkbox-inline">
                    <input type="checkbox" name="hidden" value={column.id} defaultChecked={preferences.hidden.includes(column.id)} />{" "}
                    {column.label}
                  </label>
                ))}
              </fieldset>
              <label>
                Density{" "}
                <select name="density" defaultValue={preferences.density}>
                  <option value="comfortable">Comfortable</option>
                  <option value="compact">Compact</option>
                </select>
              </label>
              <noscript>
                <button type="submit" className="button small">
                  Save view
                </button>
              </noscript>
            </prefsFetcher.Form>
          </details>
          <span className="meta">
            {total} claims · page {query.page} of {pages} · <Link to={paths.export(slug, { ...query, page: 1 })}>Export these claims</Link>
          </span>
        </div>

        {canBulk ? (
          <section className="bulk-bar card" aria-label="Bulk change">
            <applyFetcher.Form method="post" action={tableAction} ref={bulkFormRef} className="bulk-form">
              {bulkScopeFields}
              <span>{allMatching ? `All ${total} matching claims` : `${selected.size} selected`}</span>
              <label className="checkbox-inline">
                <input type="checkbox" checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)} /> Select all {total} claims
                matching the filters
              </label>
              <label>
                Set status{" "}
                <select name="status" defaultValue="">
                  <option value="">(keep)</option>
                  {CLAIM_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Bulk rationale <input name="rationale" />
              </label>
              <label>
                Set assignee{" "}
                <select name="assigneeId" defaultValue="keep">
                  <option value="keep">(keep)</option>
                  <option value="none">Nobody</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button small"
                disabled={!allMatching && selected.size === 0}
                onClick={() => {
                  const form = new FormData(bulkFormRef.current!);
                  form.set("intent", "bulk-preview");
                  previewFetcher.submit(form, { method: "post", action: tableAction });
                }}
              >
                Preview change
              </button>
              <button
                type="submit"
                name="intent"
                value="bulk-apply"
                className="button small primary"
                disabled={!allMatching && selected.size === 0}
              >
                Apply change
              </button>
            </applyFetcher.Form>
            <div aria-live="polite" className="bulk-messages">
              {preview ? (
                <p>
                  This will change {preview.willChange} of {preview.matched} claims.
                </p>
              ) : null}
              {failureMessage(previewFetcher.data) ? <p className="field-error">{failureMessage(previewFetcher.data)}</p> : null}
              {failureMessage(applyFetcher.data) ? <p className="field-error">{failureMessage(applyFetcher.data)}</p> : null}
              {bulkResult && !undone ? (
                <undoFetcher.Form method="post" action={tableAction} className="inline-form">
                  <span>Changed {bulkResult.changed} claims.</span>
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="operationId" value={bulkResult.operationId} />
                  {undoSeconds > 0 ? (
                    <button type="submit" className="button small">
                      Undo ({undoSeconds} s)
                    </button>
                  ) : null}
                </undoFetcher.Form>
              ) : null}
              {undone ? (
                <p>
                  Undone: {undone.restored} claims restored
                  {undone.skipped ? `, ${undone.skipped} left as others changed them since` : ""}.
                </p>
              ) : null}
              {failureMessage(undoFetcher.data) ? <p className="field-error">{failureMessage(undoFetcher.data)}</p> : null}
            </div>
          </section>
        ) : null}

        {actionError ? (
          <p className="alert alert-error" role="alert">
            {actionError}
          </p>
        ) : null}
        {sourceNotice ? (
          <p className="alert alert-info" role="alert">
            {sourceNotice}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite" role="status">
          {announcement}
        </p>
        {announcement && tagFetcher.data && !tagFetcher.data.ok ? (
          <p className="alert alert-error" role="alert">
            {tagFetcher.data.error}
          </p>
        ) : null}

        <div ref={scrollRef} className="table-scroll">
          <table className={`data-table claims-table${compact ? " compact" : ""}`} aria-label="Claims" aria-rowcount={total}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sort = SORT_OF_COLUMN[header.column.id];
                    const sorted = sort && query.sort === sort ? query.dir : null;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={`col-${header.column.id}`}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      >
                        {sort ? (
                          <Link
                            className="sort-link"
                            to={claimQueryToSearch({
                              ...query,
                              sort,
                              dir: sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : DESCENDING_FIRST.has(sort) ? "desc" : "asc",
                              page: 1,
                            })}
                          >
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                          </Link>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {paddingTop > 0 ? (
                <tr aria-hidden="true">
                  <td colSpan={visibleColumnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
                </tr>
              ) : null}
              {visible.map(({ row, index }) => (
                <tr
                  key={row.id}
                  data-index={index}
                  ref={(element) => {
                    if (element) {
                      rowRefs.current.set(row.original.id, element);
                      if (hydrated) virtualizer.measureElement(element);
                    } else rowRefs.current.delete(row.original.id);
                  }}
                  tabIndex={index === active ? 0 : -1}
                  aria-selected={selected.has(row.original.id) || allMatching}
                  aria-rowindex={(query.page - 1) * query.size + index + 2}
                  className={`${index === active ? "active-row" : ""} status-row-${row.original.status}`}
                  onClick={() => setActive(index)}
                  onDoubleClick={() => openPanel(row.original.id)}
                  onFocus={() => setActive(index)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
              {paddingBottom > 0 ? (
                <tr aria-hidden="true">
                  <td colSpan={visibleColumnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
                </tr>
              ) : null}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="empty">No claims match these filters.</p> : null}
        </div>
        <nav aria-label="Pages" className="pager">
          {query.page > 1 ? <Link to={claimQueryToSearch({ ...query, page: query.page - 1 })}>Previous page</Link> : null}
          <span className="meta">
            Page {query.page} of {pages}
          </span>
          {query.page < pages ? <Link to={claimQueryToSearch({ ...query, page: query.page + 1 })}>Next page</Link> : null}
        </nav>
      </div>

      {panelClaimId !== null ? (
        <aside className="claim-panel card" aria-label="Claim details">
          <div className="panel-head">
            <h2>Claim {panelClaimId}</h2>
            <button type="button" className="button small" onClick={() => setPanelClaimId(null)}>
              Close
            </button>
          </div>
          {panelFetcher.data && panelFetcher.data.claim.id === panelClaimId ? (
            <ClaimDetails data={panelFetcher.data} inPanel />
          ) : (
            <p className="meta">Loading…</p>
          )}
        </aside>
      ) : null}

      <dialog ref={rationaleDialog} aria-labelledby="rationale-title" onClose={() => setPendingTag(null)}>
        <form
          method="dialog"
          onSubmit={(event) => {
            const rationale = String(new FormData(event.currentTarget).get("rationale") ?? "").trim();
            if (
              pendingTag &&
              event.nativeEvent instanceof SubmitEvent &&
              (event.nativeEvent.submitter as HTMLButtonElement | null)?.value === "save"
            ) {
              if (!rationale) {
                event.preventDefault();
                setAnnouncement("A rationale is required.");
                return;
              }
              submitTag(pendingTag.claimId, pendingTag.version, pendingTag.status, rationale);
            }
            event.currentTarget.reset();
          }}
        >
          <h2 id="rationale-title">
            Mark claim {pendingTag?.claimId} {pendingTag?.status}
          </h2>
          <div className="field">
            <label htmlFor="rationale-input">Rationale</label>
            <textarea
              id="rationale-input"
              name="rationale"
              rows={3}
              autoFocus
              required
              onKeyDown={(event) => {
                if (event.key === "Enter" && !event.shiftKey) {
                  event.preventDefault();
                  event.currentTarget.form?.querySelector<HTMLButtonElement>('button[value="save"]')?.click();
                }
              }}
            />
            <p className="hint">Enter saves; Shift+Enter adds a line.</p>
          </div>
          <button type="submit" value="save" className="button primary">
            Save verdict
          </button>{" "}
          <button type="submit" value="cancel" className="button" formNoValidate>
            Cancel
          </button>
        </form>
      </dialog>

      <dialog ref={shortcutsDialog} aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="data-table">
          <tbody>
            {SHORTCUTS.map(([keys, meaning]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </div>
  );
}

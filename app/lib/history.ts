/** A claim's audit event as a sentence for its timeline. */
export function describeClaimEvent(action: string, details: Record<string, unknown>, names: Map<number, string>): string {
  const name = (id: unknown) => (typeof id === "number" ? (names.get(id) ?? `user ${id}`) : "nobody");
  const bulk = typeof details.bulkOperationId === "number" ? " (bulk change)" : "";
  switch (action) {
    case "claim.status_changed":
      return `marked it ${String(details.to)} (was ${String(details.from)})${details.rationale ? `: “${String(details.rationale)}”` : ""}${bulk}`;
    case "claim.assigned":
      return "assigneeTo" in details
        ? `assigned it to ${name(details.assigneeTo)}${bulk}`
        : `assigned it to ${name(details.to)} (was ${name(details.from)})`;
    case "claim.change_undone":
      return `undid a bulk change: back to ${String(details.restoredStatus)}`;
    case "claim.source_added":
      return `linked a source (${String(details.stance)}): ${String(details.title ?? details.url ?? "passage")}`;
    case "claim.source_edited":
      return `edited a source link: ${String(details.url ?? "passage")}`;
    case "claim.source_removed":
      return `removed a source: ${String(details.title ?? details.url ?? "passage")}`;
    case "claim.created":
      return "added it as a claim";
    case "claim.dismissed":
      return "dismissed it";
    case "claim.restored":
      return "restored it as a claim";
    default:
      return action.replace(/^claim\./, "").replace(/_/g, " ");
  }
}

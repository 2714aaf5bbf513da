import { z } from "zod";

/** The key under which a user's claims-table view (columns, density, moving on after a verdict) is saved. */
export const TABLE_PREFERENCES_KEY = "claims-table";

/** The claims table's columns a reviewer can hide, in the order they appear. */
export const HIDEABLE_COLUMNS = [
  { id: "status", label: "Status" },
  { id: "checkworthiness", label: "Check-worthiness" },
  { id: "assignee", label: "Assignee" },
  { id: "sources", label: "Sources" },
  { id: "fact", label: "Fact" },
  { id: "lastChanged", label: "Verdict by" },
] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number]["id"];
export const TABLE_COLUMNS = HIDEABLE_COLUMNS.map((column) => column.id) as [HideableColumn, ...HideableColumn[]];

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

/** A saved view; anything unreadable falls back to the default rather than failing the page. */
export const tablePreferencesSchema = z.object({
  hidden: z.array(z.enum(TABLE_COLUMNS)).catch([]),
  density: z.enum(DENSITIES).catch("comfortable"),
  /** After a verdict, the table moves to the next claim nobody has decided. */
  advance: z.boolean().catch(false),
});
export type TablePreferences = z.infer<typeof tablePreferencesSchema>;

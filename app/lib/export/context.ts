import type { HistoryContext } from "../history";
import type { ReportHeader } from "./report";

/** How the report's history reads: in the project's time zone, with people's names. */
export function historyContextOf(header: ReportHeader): HistoryContext {
  return {
    timeZone: header.project.timeZone,
    people: new Map(header.people.map((p) => [p.id, p.name])),
    peopleByUsername: new Map(header.people.map((p) => [p.username, p.name])),
  };
}

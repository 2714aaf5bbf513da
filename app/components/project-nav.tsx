import { NavLink } from "react-router";
import { type Capability, type ProjectRole, can } from "../lib/roles";

const SECTIONS: Array<{ to: string; label: string; capability: Capability; end?: boolean }> = [
  { to: "", label: "Overview", capability: "read", end: true },
  { to: "documents", label: "Documents", capability: "read" },
  { to: "claims", label: "Claims", capability: "read" },
  { to: "facts", label: "Facts", capability: "read" },
  { to: "sources", label: "Sources", capability: "read" },
  { to: "discrepancies", label: "Discrepancies", capability: "read" },
  { to: "export", label: "Export", capability: "export" },
  { to: "members", label: "Members", capability: "manageMembers" },
  { to: "settings", label: "Settings", capability: "reextractClaims" },
];

/** Sections the role may open; the server refuses the others anyway. */
export function ProjectNav({ slug, role }: { slug: string; role: ProjectRole }) {
  return (
    <nav aria-label="Project sections" className="project-nav">
      {SECTIONS.filter((section) => can(role, section.capability)).map((section) => (
        <NavLink key={section.label} to={`/projects/${slug}${section.to ? `/${section.to}` : ""}`} end={section.end}>
          {section.label}
        </NavLink>
      ))}
    </nav>
  );
}

import { NavLink } from "react-router";
import { type Capability, type ProjectRole, can } from "../lib/roles";
import { paths } from "../lib/paths";

const SECTIONS: Array<{ to: (slug: string) => string; label: string; capability: Capability; end?: boolean }> = [
  { to: paths.project, label: "Overview", capability: "read", end: true },
  { to: paths.documents, label: "Documents", capability: "read" },
  { to: (slug) => paths.claims(slug), label: "Claims", capability: "read" },
  { to: (slug) => paths.facts(slug), label: "Facts", capability: "read" },
  { to: paths.sources, label: "Sources", capability: "read" },
  { to: paths.discrepancies, label: "Discrepancies", capability: "read" },
  { to: paths.agreement, label: "Agreement", capability: "read" },
  { to: (slug) => paths.export(slug), label: "Export", capability: "export" },
  { to: paths.members, label: "Members", capability: "manageMembers" },
  { to: paths.settings, label: "Settings", capability: "reextractClaims" },
];

/** Sections the role may open; the server refuses the others anyway. */
export function ProjectNav({ slug, role }: { slug: string; role: ProjectRole }) {
  return (
    <nav aria-label="Project sections" className="project-nav">
      {SECTIONS.filter((section) => can(role, section.capability)).map((section) => (
        <NavLink key={section.label} to={section.to(slug)} end={section.end}>
          {section.label}
        </NavLink>
      ))}
    </nav>
  );
}

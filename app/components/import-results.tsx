import { Link } from "react-router";
import { paths } from "../lib/paths";

export interface ImportResultRow {
  file: string;
  status: "imported" | "duplicate" | "error";
  documentId: number | null;
  title: string | null;
  claims: number;
  error?: string;
}

export function ImportResults({ slug, results }: { slug: string; results: ImportResultRow[] }) {
  if (results.length === 0) return null;
  return (
    <table className="data-table import-results" aria-label="Import results">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Result</th>
          <th scope="col">Document</th>
          <th scope="col">Claims</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result, index) => (
          <tr key={`${result.file}-${index}`} className={`result-${result.status}`}>
            <td>{result.file}</td>
            <td>
              {result.status === "imported" ? "Imported" : result.status === "duplicate" ? "Duplicate, skipped" : `Error: ${result.error}`}
            </td>
            <td>{result.documentId ? <Link to={paths.document(slug, result.documentId)}>{result.title}</Link> : "—"}</td>
            <td>{result.status === "error" ? "—" : result.claims}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

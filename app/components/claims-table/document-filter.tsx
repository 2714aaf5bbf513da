import { useEffect } from "react";
import { useFetcher } from "react-router";
import { paths } from "../../lib/paths";

interface DocumentOption {
  id: number;
  title: string;
}

/**
 * The document filter of the claims table. In a large project the page carries only
 * the selected document; the full list is fetched once after the page is interactive
 * and kept (a keyed fetcher) across the table's own navigations.
 */
export function DocumentFilter({
  slug,
  options,
  complete,
  selected,
}: {
  slug: string;
  options: DocumentOption[];
  complete: boolean;
  selected: number | undefined;
}) {
  const fetcher = useFetcher<{ documents: DocumentOption[] }>({ key: `document-options:${slug}` });
  const { load, state, data } = fetcher;
  useEffect(() => {
    if (!complete && state === "idle" && !data) void load(paths.documentOptions(slug));
  }, [complete, state, data, load, slug]);
  const shown = complete ? options : (data?.documents ?? options);
  const loading = !complete && !data;
  return (
    <label>
      Document{" "}
      <select name="document" defaultValue={selected ?? ""} aria-busy={loading || undefined}>
        <option value="">{loading && shown.length === 0 ? "All documents (loading list…)" : "All documents"}</option>
        {shown.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { type ImportResultRow, ImportResults } from "./import-results";
import { paths } from "../lib/paths";

interface Upload {
  id: number;
  name: string;
  progress: number;
  state: "queued" | "uploading" | "processing" | "done" | "background";
}

/**
 * Uploads dropped or chosen files one at a time to the import endpoint, showing each
 * file's progress and result. The surrounding form still works without JavaScript.
 */
export function FileDropImport({ slug }: { slug: string }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [results, setResults] = useState<ImportResultRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const revalidator = useRevalidator();
  const nextId = useRef(1);

  const update = (id: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));

  function uploadOne(file: File, id: number): Promise<ImportResultRow[]> {
    return new Promise((resolve) => {
      const body = new FormData();
      body.append("files", file);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", paths.documentImport(slug));
      xhr.responseType = "json";
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) update(id, { progress: Math.round((event.loaded / event.total) * 100), state: "uploading" });
      };
      xhr.upload.onload = () => update(id, { progress: 100, state: "processing" });
      xhr.onload = () => {
        // Still importing: its progress shows under Recent imports (the page reloads them below).
        if (xhr.status === 202) {
          update(id, { state: "background" });
          return resolve([]);
        }
        const response = xhr.response as { results?: ImportResultRow[]; message?: string } | null;
        resolve(
          response?.results ?? [
            {
              file: file.name,
              status: "error",
              documentId: null,
              title: null,
              claims: 0,
              error: response?.message ?? `HTTP ${xhr.status}`,
            },
          ],
        );
      };
      xhr.onerror = () => resolve([{ file: file.name, status: "error", documentId: null, title: null, claims: 0, error: "network error" }]);
      xhr.send(body);
    });
  }

  async function importFiles(files: FileList | File[]) {
    const queued = Array.from(files).map((file) => ({ file, id: nextId.current++ }));
    if (queued.length === 0) return;
    setUploads((list) => [...list, ...queued.map(({ file, id }) => ({ id, name: file.name, progress: 0, state: "queued" as const }))]);
    for (const { file, id } of queued) {
      update(id, { state: "uploading" });
      const rows = await uploadOne(file, id);
      setUploads((list) => list.map((u) => (u.id === id && u.state !== "background" ? { ...u, state: "done", progress: 100 } : u)));
      setResults((list) => [...list, ...rows]);
    }
    revalidator.revalidate();
    if (input.current) input.current.value = "";
  }

  return (
    <div>
      <div
        className={`drop-zone${dragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void importFiles(event.dataTransfer.files);
        }}
      >
        <p>Drop .txt, .md, .html or WordPress .json files here, or</p>
        <label className="button" htmlFor="drop-files">
          Choose files to import
        </label>
        <input
          id="drop-files"
          ref={input}
          className="visually-hidden"
          type="file"
          multiple
          accept=".txt,.md,.markdown,.html,.htm,.json"
          onChange={(event) => event.target.files && void importFiles(event.target.files)}
        />
      </div>
      {uploads.length > 0 ? (
        <ul className="upload-list" aria-label="Uploads">
          {uploads.map((upload) => (
            <li key={upload.id}>
              <span>{upload.name}</span>
              <progress max={100} value={upload.progress} aria-label={`Upload of ${upload.name}`} />
              <span className="meta">
                {upload.state === "processing"
                  ? "extracting claims…"
                  : upload.state === "background"
                    ? "importing in the background"
                    : upload.state}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div aria-live="polite">
        <ImportResults slug={slug} results={results} />
      </div>
    </div>
  );
}

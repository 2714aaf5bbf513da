import { Form } from "react-router";
import type { HistoryLine } from "../lib/history";
import { Field } from "./forms";
import { HistoryEntry } from "./history-sentence";

interface Props {
  document: { title: string; titleDerived: boolean; outlet: string | null; author: string | null; url: string | null };
  /** The publication date as the date input shows it ("2026-04-15"), or "". */
  publishedDay: string;
  timeZone: string;
  errors: Record<string, string>;
  saved: boolean;
  history: Array<{ id: number; iso: string; line: HistoryLine }>;
}

/** The document's title, outlet, author, address and date, corrected by an editor; open at once when the title was made by the app. */
export function DocumentDetailsForm({ document, publishedDay, timeZone, errors, saved, history }: Props) {
  const hasErrors = Object.keys(errors).some((key) => ["title", "outlet", "author", "url", "publishedAt"].includes(key));
  return (
    <details className="edit-document" open={document.titleDerived || hasErrors}>
      <summary>Edit article details</summary>
      {document.titleDerived ? (
        <p className="alert alert-info">
          This title was made from the article&rsquo;s opening words or its file name. Give the article its real headline so reports name it
          properly.
        </p>
      ) : null}
      {saved ? (
        <p className="alert alert-success" role="status">
          Article details saved.
        </p>
      ) : null}
      <Form method="post" noValidate aria-label="Article details">
        <input type="hidden" name="intent" value="edit-details" />
        <Field label="Title" name="title" defaultValue={document.title} required error={errors.title} />
        <Field label="Outlet" name="outlet" defaultValue={document.outlet ?? ""} error={errors.outlet} />
        <Field label="Author" name="author" defaultValue={document.author ?? ""} error={errors.author} />
        <Field
          label="Web address"
          name="url"
          type="url"
          defaultValue={document.url ?? ""}
          placeholder="https://news.example.org/article"
          error={errors.url}
        />
        <Field
          label="Publication date"
          name="publishedAt"
          type="date"
          defaultValue={publishedDay}
          hint={`The day in the project's time zone (${timeZone}).`}
          error={errors.publishedAt}
        />
        <button type="submit" className="button primary">
          Save details
        </button>
      </Form>
      {history.length > 0 ? (
        <>
          <h3>History of this article</h3>
          <ol className="timeline">
            {history.map((entry) => (
              <li key={entry.id}>
                <HistoryEntry line={entry.line} iso={entry.iso} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </details>
  );
}

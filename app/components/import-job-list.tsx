import { useEffect, useRef } from "react";
import { useFetcher, useRevalidator } from "react-router";
import { type ImportJobView, describeImportJob, isImportJobActive } from "../lib/import/import-job";
import { paths } from "../lib/paths";

const POLL_MS = 2_000;

/**
 * The project's recent imports with their progress in words (a bar alone says nothing to a
 * screen reader). While one runs the list asks the server again every two seconds, and the
 * page's documents reload when a job finishes.
 */
export function ImportJobList({ slug, jobs: initial }: { slug: string; jobs: ImportJobView[] }) {
  const fetcher = useFetcher<{ jobs: ImportJobView[] }>();
  const revalidator = useRevalidator();
  const jobs = newest(initial, fetcher.data?.jobs);
  const active = jobs.filter(isImportJobActive).length;
  const previousActive = useRef(active);

  useEffect(() => {
    if (active < previousActive.current) void revalidator.revalidate();
    previousActive.current = active;
  }, [active, revalidator]);
  useEffect(() => {
    if (active === 0) return;
    const timer = setInterval(() => {
      if (fetcher.state === "idle") fetcher.load(paths.documentImportJobs(slug));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, fetcher, slug]);

  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="import-jobs-heading" className="import-jobs">
      <h3 id="import-jobs-heading">Recent imports</h3>
      <ul aria-live="polite">
        {jobs.map((job) => (
          <li key={job.id}>
            <span>{job.fileName}</span>{" "}
            {job.status === "running" && job.totalItems ? (
              <progress max={job.totalItems} value={job.doneItems + job.errorItems} aria-hidden="true" />
            ) : null}{" "}
            <span className="meta">{describeImportJob(job)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const newestId = (jobs: ImportJobView[]) => jobs.reduce((max, job) => Math.max(max, job.id), 0);

/** The page's list after an upload (it has the new job), else the last poll (it has the progress). */
function newest(page: ImportJobView[], polled: ImportJobView[] | undefined): ImportJobView[] {
  return polled && newestId(polled) >= newestId(page) ? polled : page;
}

// npm run bench:export — time to export 10,000 claims in each format and 100,000 claims to
// CSV, with the growth of resident memory, on a fresh SQLite database. Output goes to /dev/null.
// Then the PDF report with facts and comments for 1,000, 4,000 and 10,000 claims, each in a
// fresh process so that its peak resident memory is the report's. `-- --pdf` runs only those;
// `-- --sizes 1000,4000` picks the PDF sizes; `-- --grouped` adds the same reports grouped by fact (PDF and HTML: they are laid out whole, not streamed).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { PerformanceObserver, constants } from "node:perf_hooks";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
// A child process measuring one PDF reads the parent's database.
const workDir = process.env.EXPORT_BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-bench-"));
process.env.EXPORT_BENCH_DIR = workDir;
process.env.DATABASE_URL = `file:${path.join(workDir, "bench.db")}`;
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), ...args], {
    env: process.env,
    input: "bench-pass-phrase\n",
    encoding: "utf8",
    cwd: root,
  });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")}: ${result.stderr}`);
};

const { parseClaimQuery } = await import("../../app/lib/claim-query");
const { startExport } = await import("../../app/models/export-stream.server");
const { disconnectDb, getDb } = await import("../../app/db.server");

async function run(
  slug: string,
  format: "csv" | "json" | "claimreview" | "html" | "pdf",
  options: { comments?: boolean; groupByFact?: boolean } = {},
) {
  const project = await getDb().project.findUniqueOrThrow({ where: { slug } });
  const sink = fs.createWriteStream("/dev/null");
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  // Full collections pause every request the server is handling: their longest and total time.
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  const started = performance.now();
  let bytes = 0;
  let chunks = 0;
  const stream = await startExport(
    project,
    format,
    parseClaimQuery(new URLSearchParams()),
    { id: null, name: "bench", displayName: "Bench" },
    0,
    { comments: options.comments, groupByFact: options.groupByFact },
  );
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
    // Every chunk: text formats write one chunk per page of claims.
    chunks += 1;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  sink.end();
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  const gc = pauses.length ? `${pauses.length} full GCs, longest ${Math.max(...pauses).toFixed(0)} ms` : "no full GC";
  return { seconds, bytes, peak, rssBefore, chunks, gc };
}

async function report(slug: string, format: "csv" | "json" | "claimreview" | "html" | "pdf") {
  const { seconds, bytes, peak, rssBefore, chunks, gc } = await run(slug, format);
  console.log(
    `${slug.padEnd(8)} ${format.padEnd(12)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1_048_576).toFixed(1).padStart(6)} MB  RSS +${((peak - rssBefore) / 1_048_576).toFixed(0)} MB (peak ${(peak / 1_048_576).toFixed(0)} MB, ${chunks} chunks)  ${gc}`,
  );
}

/**
 * Facts of three claims from three articles (the same sentence of consecutive articles; every
 * fourth fact with a differing figure) and two comments on every fifth claim: what a PDF
 * report "with facts and comments" has to write.
 */
async function addFactsAndComments(slug: string) {
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { slug } });
  const bench = await db.user.findUniqueOrThrow({ where: { username: "bench" } });
  const claims = await db.claim.findMany({
    where: { projectId: project.id },
    orderBy: { id: "asc" },
    select: { id: true, documentId: true },
  });
  const documents = new Map<number, typeof claims>();
  for (const claim of claims) documents.set(claim.documentId, [...(documents.get(claim.documentId) ?? []), claim]);
  const byDocument = [...documents.values()];
  for (let d = 0; d + 2 < byDocument.length; d += 3) {
    const [a, b, c] = [byDocument[d]!, byDocument[d + 1]!, byDocument[d + 2]!];
    const groups = a.slice(0, Math.min(a.length, b.length, c.length)).map((first, i) => [first.id, b[i]!.id, c[i]!.id]);
    const facts = await db.fact.createManyAndReturn({
      data: groups.map((ids, i) => ({
        projectId: project.id,
        labelClaimId: ids[0]!,
        differences:
          i % 4 === 0
            ? JSON.stringify([{ kind: "number", values: ids.map((claimId, j) => ({ claimId, value: String(100 + j), key: String(j) })) }])
            : "[]",
        differenceCount: i % 4 === 0 ? 1 : 0,
      })),
      select: { id: true },
    });
    await db.factMember.createMany({
      data: groups.flatMap((ids, i) => ids.map((claimId) => ({ claimId, factId: facts[i]!.id, projectId: project.id }))),
    });
  }
  await db.comment.createMany({
    data: claims
      .filter((_, i) => i % 5 === 0)
      .flatMap((claim) => [
        {
          projectId: project.id,
          claimId: claim.id,
          authorId: bench.id,
          body: "Asked the press office for the figure; waiting for an answer.",
        },
        { projectId: project.id, claimId: claim.id, authorId: bench.id, body: "They confirmed it by email: https://example.org/answer" },
      ]),
  });
}

// `-- --sizes 1000,4000` measures fewer reports (each size is a project of its own).
const sizesAt = process.argv.indexOf("--sizes");
const PDF_SIZES = sizesAt === -1 ? [1_000, 4_000, 10_000] : process.argv[sizesAt + 1]!.split(",").map(Number);
if (PDF_SIZES.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error("bench:export: --sizes takes whole numbers separated by commas, e.g. 1000,4000");
  process.exit(2);
}

type ReportKind = { format: "pdf" | "html"; grouped: boolean };
const reportName = (kind: ReportKind) => `${kind.format.toUpperCase()}${kind.grouped ? " grouped by fact" : ""} with facts and comments`;

/** In a child process: one report with facts and comments of one project, with the process's own peak RSS. */
async function pdfChild(slug: string, kind: ReportKind) {
  const { seconds, bytes, rssBefore } = await run(slug, kind.format, { comments: true, groupByFact: kind.grouped });
  // The kernel's high-water mark catches the peak between samples (the PDF is laid out before it is written).
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);
  console.log(JSON.stringify({ seconds, bytes, rssBefore, peak: peakKb * 1024 }));
}

function reportInFreshProcess(options: { slug: string; claims: number; kind: ReportKind }) {
  const { slug, claims, kind } = options;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--pdf-child", slug, kind.format, String(kind.grouped)],
    {
      env: process.env,
      encoding: "utf8",
      cwd: root,
      timeout: 20 * 60_000,
    },
  );
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    console.log(
      `${String(claims).padStart(6)} claims  ${reportName(kind)}: did not finish (${child.signal ?? `exit ${child.status}`}) ${child.stderr.slice(-300)}`,
    );
    return;
  }
  const r = JSON.parse(line) as { seconds: number; bytes: number; rssBefore: number; peak: number };
  console.log(
    `${String(claims).padStart(6)} claims  ${reportName(kind).padEnd(46)}  ${r.seconds.toFixed(2).padStart(7)} s  ${(r.bytes / 1_048_576).toFixed(1).padStart(6)} MB  peak RSS ${(r.peak / 1_048_576).toFixed(0)} MB (${(r.rssBefore / 1_048_576).toFixed(0)} MB before the export)`,
  );
}

const childAt = process.argv.indexOf("--pdf-child");
const pdfOnly = process.argv.includes("--pdf");
const withGrouped = process.argv.includes("--grouped");
try {
  if (childAt !== -1)
    await pdfChild(process.argv[childAt + 1]!, {
      format: process.argv[childAt + 2] === "html" ? "html" : "pdf",
      grouped: process.argv[childAt + 3] === "true",
    });
  else {
    cli("db", "migrate");
    cli("user", "create", "--username", "bench", "--admin", "--password-stdin");
    const projects: Array<readonly [string, number]> = [
      ...(pdfOnly
        ? []
        : ([
            ["k10", 10_000],
            ["k100", 100_000],
          ] as const)),
      ...PDF_SIZES.map((n) => [`pdf${n}`, n] as const),
    ];
    for (const [slug, claims] of projects) {
      cli("project", "create", "--slug", slug, "--name", slug, "--owner", "bench");
      cli("project", "settings", "--project", slug, "--require-source", "off");
      cli("demo", "seed-large", "--project", slug, "--claims", String(claims));
      if (slug.startsWith("pdf")) await addFactsAndComments(slug);
    }
    await getDb().project.updateMany({ data: { publisherName: "Bench Checks", publisherUrl: "https://checks.example.org" } });
    if (!pdfOnly) {
      console.log("project  format       time     size   memory");
      // The 100,000-claim CSV first, so its memory growth is measured from a fresh process.
      await report("k100", "csv");
      for (const format of ["csv", "json", "claimreview", "html", "pdf"] as const) await report("k10", format);
    }
    await disconnectDb();
    const kinds: ReportKind[] = [
      { format: "pdf", grouped: false },
      ...(withGrouped
        ? ([
            { format: "pdf", grouped: true },
            { format: "html", grouped: true },
          ] as const)
        : []),
    ];
    for (const claims of PDF_SIZES) for (const kind of kinds) reportInFreshProcess({ slug: `pdf${claims}`, claims, kind });
    console.log(
      `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`,
    );
  }
} finally {
  await disconnectDb();
  if (childAt === -1) fs.rmSync(workDir, { recursive: true, force: true });
}

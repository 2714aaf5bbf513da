import { ConfigError, parseConfig } from "../lib/config-schema";
import { disconnectDb } from "../db.server";
import { agreementCommand } from "./commands/agreement";
import { assignCommand } from "./commands/assign";
import { auditCommand } from "./commands/audit";
import { bootCommand } from "./commands/boot";
import { claimsCommand } from "./commands/claims";
import { commentCommand } from "./commands/comment";
import { dbCommand } from "./commands/db";
import { discrepanciesCommand } from "./commands/discrepancies";
import { documentCommand, documentsCommand } from "./commands/document";
import { exportCommand } from "./commands/export";
import { factCommand } from "./commands/fact";
import { factsCommand } from "./commands/facts";
import { importCommand } from "./commands/import";
import { importsCommand } from "./commands/imports";
import { demoCommand } from "./commands/demo";
import { notificationsCommand } from "./commands/notifications";
import { projectCommand } from "./commands/project";
import { reportCommand } from "./commands/report";
import { adjudicateCommand, approveCommand, claimCommand, reopenCommand } from "./commands/review";
import { sourceCommand } from "./commands/source";
import { suggestCommand } from "./commands/suggest";
import { tagCommand } from "./commands/tag";
import { userCommand } from "./commands/user";
import { exitCodeOf, isAppError } from "../lib/app-error";
import { terminalSafe } from "../lib/text-safety";
import { type CliIo, readAllStdin } from "./io";

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  db: dbCommand,
  user: userCommand,
  project: projectCommand,
  demo: demoCommand,
  audit: auditCommand,
  boot: bootCommand,
  import: importCommand,
  imports: importsCommand,
  claims: claimsCommand,
  claim: claimCommand,
  tag: tagCommand,
  adjudicate: adjudicateCommand,
  approve: approveCommand,
  reopen: reopenCommand,
  assign: assignCommand,
  comment: commentCommand,
  agreement: agreementCommand,
  notifications: notificationsCommand,
  document: documentCommand,
  documents: documentsCommand,
  source: sourceCommand,
  suggest: suggestCommand,
  facts: factsCommand,
  fact: factCommand,
  discrepancies: discrepanciesCommand,
  export: exportCommand,
  report: reportCommand,
};

const HELP = `claimdesk <command> [options]   (uses DATABASE_URL like the app)

  db migrate                                   apply pending migrations
  db backup --out FILE                         online copy of the SQLite database, verified (integrity, audit chains)
  db restore --from FILE                       put a verified backup in place (the server must be stopped; exits 5 if not)
  db verify                                    integrity, every audit chain and migrations of DATABASE_URL (also PostgreSQL)
  user create --username U [--display-name N] [--admin] [--must-change-password] --password-stdin
  project create --slug S --name N [--owner U]
  project add-member --project S --username U --role owner|editor|reviewer|viewer
  project settings --project S [--publisher-name N] [--publisher-url U] [--time-zone TZ]
                   [--require-source on|off] [--second-review on|off] [--threshold X|default] [--as U]
                                               change settings (none named: print them)
  import --project S [--as U] FILE...         import .txt, .md, .html or WordPress .json articles
  imports --project S [--as U]                 recent import jobs of uploads through the app, with progress
  claims --project S [--status S] [--review-state S] [--include-dismissed]
  claim show --claim ID --as U                 the claim, its review and history as U may see them
  claims re-extract --project S [--as U]       run the current model again: add new candidates, update
                                               untouched claims, never change reviewed ones
  tag --claim ID --status confirmed|disputed|unverified --as U [--rationale T] [--expect-version N]
                                               (a stale --expect-version exits 3); with second review on,
                                               a proposal, its revision or the second review
  adjudicate --claim ID --status S --rationale R --as U   an editor's final verdict on a disagreement
  approve --claim ID --as U                    sign off a final verdict: it is locked (tagging exits 5)
  reopen --claim ID --reason R --as U          unlock an approved verdict
  assign --claim ID (--to USERNAME|none | --second-reviewer USERNAME|none) --as U [--expect-version N]
  comment add --claim ID --text T --as U       a comment in the claim's discussion (@username mentions a member)
  notifications --as U [--unread] [--mark-read ID,...|all]
                                               U's inbox, newest first (* unread); --mark-read marks read first
  documents --project S [--as U]               the project's documents with paragraph and claim counts
  document edit --document ID [--title T] [--outlet O] [--author A] [--url U] [--published-at ISO] --as U
  suggest --claim ID [--limit N]               passages of other articles stating the same fact
  facts --project S [--min-outlets N]         facts: claims of several articles that state the same thing
  facts group --project S                      put claims that are in no fact into facts
  facts regroup --project S --as U             group again (claims an editor placed stay)
  fact tag --fact ID --status S --as U [--rationale T] [--include-differing] [--claims ID,...]
           [--source-url U --stance S [--quote Q]]  one verdict (and source) for the claims stating the fact's details
  fact merge --into ID --from ID,... --as U    fact split --fact ID --claims ID,... --as U
  fact move --claim ID --to ID|new --as U      fact label --fact ID (--label T | --clear) --as U
  agreement --project S [--from DAY] [--to DAY] [--as U]
                                               percent agreement, Cohen's kappa per pair (10+ shared claims),
                                               Fleiss' kappa, Krippendorff's alpha and confusion matrices
                                               from the second reviews given in the period (days inclusive)
  discrepancies --project S                    facts whose outlets disagree, and contradicting passages
  source add --claim ID --url U --stance supports|refutes|context [--quote Q] [--title T] --as U
  export --project S --format csv|json|claimreview|html|pdf [--status S] [--bom] [--as U] --out FILE
         [--review-state R,...] [--comments]  only claims in those review states; each claim's discussion (json, html, pdf)
         [--group-by-fact]                    html and pdf: one section per fact with each outlet's version
  report verify FILE --project S               check a JSON report's verdicts against the live audit trail
  report verify --project S --event N --hash H
                                               check a printed report's head event and hash against the trail
  demo seed                                    add the demo project to an empty database
  demo seed-large --project S --claims N       add N synthetic claims (for benchmarks)
  audit verify --project S | --global [--expect-head HASH]
                                               recompute the tamper-evident audit chain; with a head hash a
                                               report printed, fail unless it is still in the chain
  boot [--no-demo]                             migrate, then seed demo data if the database is empty

Every command takes --json for machine-readable output. Errors print one line on
stderr and exit non-zero: 2 for usage errors and bad input, 3 for a stale
--expect-version, 4 when the --as user's role does not allow the command or a
check of stored data fails (audit trail, database integrity), 5 when the database
is in use or the claim's verdict is approved and locked, 1 otherwise.`;

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Titles, names and messages come from imported files and users: nothing they hold may act on a terminal.
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(terminalSafe(text)), stderr: (text) => rawIo.stderr(terminalSafe(text)) };
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.stdout(`${HELP}\n`);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`claimdesk: unknown command "${command}" (run claimdesk --help)\n`);
    return 2;
  }
  try {
    parseConfig(process.env);
    return await handler(rest, io);
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`claimdesk: ${error.message.split("\n")[0]}\n`);
      return exitCodeOf(error.code);
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message.split("\n").find((line) => line.trim() !== "") : String(error);
    io.stderr(`claimdesk: unexpected error: ${message ?? "unknown"}\n`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: readAllStdin,
  };
  try {
    return await runCli(argv, io);
  } finally {
    await disconnectDb();
  }
}

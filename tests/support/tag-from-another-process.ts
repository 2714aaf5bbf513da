// Run as a separate process by the cross-process SQLite test: tags the given claims
// as fast as it can, each in its own transaction, and prints how many it acknowledged.
// Usage: node --import tsx tests/support/tag-from-another-process.ts PROJECT_ID USER_ID NAME CLAIM_ID...
import { disconnectDb } from "../../app/db.server";
import { tagClaim } from "../../app/models/claim-verdict.server";

const [projectId, userId, name, ...claimIds] = process.argv.slice(2);
const actor = { id: Number(userId), name: name ?? null };
let acknowledged = 0;
const failures: string[] = [];
for (const claimId of claimIds) {
  try {
    await tagClaim({
      projectId: Number(projectId),
      claimId: Number(claimId),
      status: "disputed",
      rationale: `process ${process.pid}`,
      expectedVersion: 1,
      actor,
    });
    acknowledged++;
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
await disconnectDb();
process.stdout.write(JSON.stringify({ acknowledged, failures }));

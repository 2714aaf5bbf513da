-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "decisionSeq" INTEGER;

-- AlterTable
ALTER TABLE "BulkOperationItem" ADD COLUMN     "previousDecisionSeq" INTEGER;

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_decisionSeq_idx" ON "Claim"("projectId", "dismissed", "decisionSeq");


-- Claims with status changes in their trail are marked -1 ("to derive"): `claimdesk db migrate`
-- (and `npm start`) then derive each one's decision from its trail (app/lib/verdict.ts).
UPDATE "Claim" SET "decisionSeq" = -1 WHERE EXISTS (
  SELECT 1 FROM "AuditEvent" e
  WHERE e."projectId" = "Claim"."projectId" AND e."targetType" = 'claim' AND e."targetId" = CAST("Claim"."id" AS TEXT)
    AND e."action" IN ('claim.status_changed', 'claim.change_undone')
);

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "requireSourceForVerdict" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assigneeId" INTEGER,
ADD COLUMN     "lastChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastChangedById" INTEGER,
ADD COLUMN     "rationale" TEXT,
ADD COLUMN     "sourceCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UserPreference" (
    "userId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "UserPreference_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "BulkOperation" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "change" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "BulkOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkOperationItem" (
    "operationId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "previousStatus" TEXT NOT NULL,
    "previousRationale" TEXT,
    "previousAssigneeId" INTEGER,
    "versionAfter" INTEGER NOT NULL,

    CONSTRAINT "BulkOperationItem_pkey" PRIMARY KEY ("operationId","claimId")
);

-- CreateTable
CREATE TABLE "ClaimPresence" (
    "claimId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimPresence_pkey" PRIMARY KEY ("claimId","userId")
);

-- CreateIndex
CREATE INDEX "BulkOperation_projectId_createdAt_idx" ON "BulkOperation"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimPresence_seenAt_idx" ON "ClaimPresence"("seenAt");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_checkworthiness_idx" ON "Claim"("projectId", "dismissed", "checkworthiness");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_lastChangedAt_idx" ON "Claim"("projectId", "dismissed", "lastChangedAt");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_assigneeId_idx" ON "Claim"("projectId", "dismissed", "assigneeId");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_sourceCount_idx" ON "Claim"("projectId", "dismissed", "sourceCount");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_documentId_start_idx" ON "Claim"("projectId", "dismissed", "documentId", "start");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_targetType_targetId_idx" ON "AuditEvent"("projectId", "targetType", "targetId");

-- AddForeignKey
ALTER TABLE "UserPreference" ADD CONSTRAINT "UserPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_lastChangedById_fkey" FOREIGN KEY ("lastChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkOperationItem" ADD CONSTRAINT "BulkOperationItem_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "BulkOperation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPresence" ADD CONSTRAINT "ClaimPresence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPresence" ADD CONSTRAINT "ClaimPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


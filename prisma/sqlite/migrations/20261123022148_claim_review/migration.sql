-- CreateTable
CREATE TABLE "UserPreference" (
    "userId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("userId", "key"),
    CONSTRAINT "UserPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkOperation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "change" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME
);

-- CreateTable
CREATE TABLE "BulkOperationItem" (
    "operationId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "previousStatus" TEXT NOT NULL,
    "previousRationale" TEXT,
    "previousAssigneeId" INTEGER,
    "versionAfter" INTEGER NOT NULL,

    PRIMARY KEY ("operationId", "claimId"),
    CONSTRAINT "BulkOperationItem_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "BulkOperation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimPresence" (
    "claimId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("claimId", "userId"),
    CONSTRAINT "ClaimPresence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Project" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "claimThreshold" REAL,
    "requireSourceForVerdict" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Project" ("archivedAt", "claimThreshold", "createdAt", "description", "id", "name", "slug", "updatedAt") SELECT "archivedAt", "claimThreshold", "createdAt", "description", "id", "name", "slug", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");
CREATE TABLE "new_Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "anchorState" TEXT NOT NULL DEFAULT 'anchored',
    "checkworthiness" REAL NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "speaker" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'extracted',
    "dismissed" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'unverified',
    "rationale" TEXT,
    "assigneeId" INTEGER,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "lastChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedById" INTEGER,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_lastChangedById_fkey" FOREIGN KEY ("lastChangedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("anchorState", "checkworthiness", "createdAt", "createdById", "dismissed", "documentId", "end", "id", "origin", "prefix", "projectId", "reasons", "speaker", "start", "status", "suffix", "text", "updatedAt", "version") SELECT "anchorState", "checkworthiness", "createdAt", "createdById", "dismissed", "documentId", "end", "id", "origin", "prefix", "projectId", "reasons", "speaker", "start", "status", "suffix", "text", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_projectId_dismissed_status_idx" ON "Claim"("projectId", "dismissed", "status");
CREATE INDEX "Claim_projectId_dismissed_checkworthiness_idx" ON "Claim"("projectId", "dismissed", "checkworthiness");
CREATE INDEX "Claim_projectId_dismissed_lastChangedAt_idx" ON "Claim"("projectId", "dismissed", "lastChangedAt");
CREATE INDEX "Claim_projectId_dismissed_assigneeId_idx" ON "Claim"("projectId", "dismissed", "assigneeId");
CREATE INDEX "Claim_projectId_dismissed_sourceCount_idx" ON "Claim"("projectId", "dismissed", "sourceCount");
CREATE INDEX "Claim_projectId_dismissed_documentId_start_idx" ON "Claim"("projectId", "dismissed", "documentId", "start");
CREATE INDEX "Claim_documentId_start_idx" ON "Claim"("documentId", "start");
CREATE INDEX "Claim_projectId_anchorState_idx" ON "Claim"("projectId", "anchorState");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BulkOperation_projectId_createdAt_idx" ON "BulkOperation"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimPresence_seenAt_idx" ON "ClaimPresence"("seenAt");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_targetType_targetId_idx" ON "AuditEvent"("projectId", "targetType", "targetId");


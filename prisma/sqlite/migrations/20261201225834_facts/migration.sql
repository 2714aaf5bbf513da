-- CreateTable
CREATE TABLE "Fact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "label" TEXT,
    "labelClaimId" INTEGER,
    "differences" TEXT NOT NULL DEFAULT '[]',
    "differenceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Fact_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FactMember" (
    "claimId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "factId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FactMember_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FactMember_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Fact_projectId_differenceCount_idx" ON "Fact"("projectId", "differenceCount");

-- CreateIndex
CREATE INDEX "FactMember_factId_idx" ON "FactMember"("factId");

-- CreateIndex
CREATE INDEX "FactMember_projectId_factId_idx" ON "FactMember"("projectId", "factId");


-- CreateTable
CREATE TABLE "Fact" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "label" TEXT,
    "labelClaimId" INTEGER,
    "differences" TEXT NOT NULL DEFAULT '[]',
    "differenceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactMember" (
    "claimId" INTEGER NOT NULL,
    "factId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactMember_pkey" PRIMARY KEY ("claimId")
);

-- CreateIndex
CREATE INDEX "Fact_projectId_differenceCount_idx" ON "Fact"("projectId", "differenceCount");

-- CreateIndex
CREATE INDEX "FactMember_factId_idx" ON "FactMember"("factId");

-- CreateIndex
CREATE INDEX "FactMember_projectId_factId_idx" ON "FactMember"("projectId", "factId");

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactMember" ADD CONSTRAINT "FactMember_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactMember" ADD CONSTRAINT "FactMember_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


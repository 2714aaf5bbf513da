-- Counters are short-lived and the old rows have no scope: start them afresh.
DELETE FROM "LoginThrottle";

-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "account" TEXT,
ADD COLUMN     "blockStartedAt" TIMESTAMP(3),
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "lastSuccessAt" TIMESTAMP(3),
ADD COLUMN     "refused" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scope" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "LoginThrottle_blockStartedAt_idx" ON "LoginThrottle"("blockStartedAt");

-- CreateIndex
CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");


-- CreateTable
CREATE TABLE "ClaimReviewRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "firstReviewerId" INTEGER,
    "firstStatus" TEXT NOT NULL,
    "firstRationale" TEXT,
    "firstAt" DATETIME NOT NULL,
    "secondReviewerId" INTEGER,
    "secondStatus" TEXT,
    "secondRationale" TEXT,
    "secondAt" DATETIME,
    "outcome" TEXT,
    "adjudicatorId" INTEGER,
    "adjudicatedStatus" TEXT,
    "adjudicatedRationale" TEXT,
    "adjudicatedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "ClaimReviewRound_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "actorName" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "emailState" TEXT NOT NULL DEFAULT 'none',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailedAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT,
    "emailMode" TEXT NOT NULL DEFAULT 'off',
    "lastDigestAt" DATETIME,
    CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN rather than Prisma's copy of the whole table: it keeps columns that
-- migrations written on other branches add to the same tables)
ALTER TABLE "Project" ADD COLUMN "secondReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "Claim" ADD COLUMN "reviewRound" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Claim" ADD COLUMN "proposedById" INTEGER;
ALTER TABLE "Claim" ADD COLUMN "secondReviewerId" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD COLUMN "approvedAt" DATETIME;
ALTER TABLE "Claim" ADD COLUMN "approvedById" INTEGER;
CREATE INDEX "Claim_projectId_dismissed_reviewState_idx" ON "Claim"("projectId", "dismissed", "reviewState");
CREATE INDEX "Claim_projectId_dismissed_secondReviewerId_idx" ON "Claim"("projectId", "dismissed", "secondReviewerId");

-- CreateIndex
CREATE INDEX "ClaimReviewRound_projectId_secondAt_idx" ON "ClaimReviewRound"("projectId", "secondAt");

-- CreateIndex
CREATE INDEX "ClaimReviewRound_projectId_firstReviewerId_idx" ON "ClaimReviewRound"("projectId", "firstReviewerId");

-- CreateIndex
CREATE INDEX "ClaimReviewRound_projectId_secondReviewerId_idx" ON "ClaimReviewRound"("projectId", "secondReviewerId");

-- CreateIndex
CREATE INDEX "ClaimReviewRound_projectId_adjudicatorId_idx" ON "ClaimReviewRound"("projectId", "adjudicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimReviewRound_claimId_round_key" ON "ClaimReviewRound"("claimId", "round");

-- CreateIndex
CREATE INDEX "Comment_claimId_createdAt_idx" ON "Comment"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_id_idx" ON "Notification"("userId", "readAt", "id");

-- CreateIndex
CREATE INDEX "Notification_emailState_createdAt_idx" ON "Notification"("emailState", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_action_actorId_createdAt_idx" ON "AuditEvent"("projectId", "action", "actorId", "createdAt");


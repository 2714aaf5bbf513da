-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "secondReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" INTEGER,
ADD COLUMN     "proposedById" INTEGER,
ADD COLUMN     "reviewRound" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewState" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "secondReviewerId" INTEGER;

-- CreateTable
CREATE TABLE "ClaimReviewRound" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "firstReviewerId" INTEGER,
    "firstStatus" TEXT NOT NULL,
    "firstRationale" TEXT,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "secondReviewerId" INTEGER,
    "secondStatus" TEXT,
    "secondRationale" TEXT,
    "secondAt" TIMESTAMP(3),
    "outcome" TEXT,
    "adjudicatorId" INTEGER,
    "adjudicatedStatus" TEXT,
    "adjudicatedRationale" TEXT,
    "adjudicatedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ClaimReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "claimId" INTEGER,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "actorName" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailState" TEXT NOT NULL DEFAULT 'none',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" INTEGER NOT NULL,
    "email" TEXT,
    "emailMode" TEXT NOT NULL DEFAULT 'off',
    "lastDigestAt" TIMESTAMP(3),

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId")
);

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
CREATE INDEX "Claim_projectId_dismissed_reviewState_idx" ON "Claim"("projectId", "dismissed", "reviewState");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_secondReviewerId_idx" ON "Claim"("projectId", "dismissed", "secondReviewerId");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_action_actorId_createdAt_idx" ON "AuditEvent"("projectId", "action", "actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_secondReviewerId_fkey" FOREIGN KEY ("secondReviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimReviewRound" ADD CONSTRAINT "ClaimReviewRound_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


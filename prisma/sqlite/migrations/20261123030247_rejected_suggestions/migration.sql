-- CreateTable
CREATE TABLE "RejectedSuggestion" (
    "claimId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "rejectedById" INTEGER,
    "rejectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("claimId", "documentId", "start")
);


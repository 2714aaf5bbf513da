-- CreateTable
CREATE TABLE "RejectedSuggestion" (
    "claimId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "rejectedById" INTEGER,
    "rejectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedSuggestion_pkey" PRIMARY KEY ("claimId","documentId","start")
);


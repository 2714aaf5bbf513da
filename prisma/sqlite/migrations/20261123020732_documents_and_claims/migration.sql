-- AlterTable
ALTER TABLE "Project" ADD COLUMN "claimThreshold" REAL;

-- CreateTable
CREATE TABLE "Document" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "url" TEXT,
    "publishedAt" DATETIME,
    "format" TEXT NOT NULL,
    "sourceFileName" TEXT,
    "text" TEXT NOT NULL,
    "sanitizedHtml" TEXT,
    "textHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousVersionId" INTEGER,
    "supersededAt" DATETIME,
    "importedById" INTEGER,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Claim" (
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_previousVersionId_key" ON "Document"("previousVersionId");

-- CreateIndex
CREATE INDEX "Document_projectId_textHash_idx" ON "Document"("projectId", "textHash");

-- CreateIndex
CREATE INDEX "Document_projectId_url_idx" ON "Document"("projectId", "url");

-- CreateIndex
CREATE INDEX "Document_projectId_supersededAt_importedAt_idx" ON "Document"("projectId", "supersededAt", "importedAt");

-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_status_idx" ON "Claim"("projectId", "dismissed", "status");

-- CreateIndex
CREATE INDEX "Claim_documentId_start_idx" ON "Claim"("documentId", "start");

-- CreateIndex
CREATE INDEX "Claim_projectId_anchorState_idx" ON "Claim"("projectId", "anchorState");


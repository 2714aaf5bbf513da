-- CreateIndex
CREATE INDEX "Document_projectId_supersededAt_title_id_idx" ON "Document"("projectId", "supersededAt", "title", "id");


-- CreateIndex
CREATE INDEX "Claim_projectId_dismissed_id_idx" ON "Claim"("projectId", "dismissed", "id");


-- Full-text search (issue 17, ADR 021). Written by hand: Prisma cannot express these indexes.
-- GIN indexes on tsvector expressions (English stemming, as the porter tokenizer on SQLite):
-- no column is added, and the database keeps each index in step with every write.
-- app/models/full-text.server.ts repeats each expression exactly, so the planner uses it.
-- An article is indexed on its first 500,000 characters (a tsvector holds at most 1 MB).
-- An address is split at its punctuation first, so its parts are words as on SQLite.
-- No semicolons or quotes in these comments: the migration runner splits statements on them.

CREATE INDEX "Claim_fullText_idx" ON "Claim" USING GIN (to_tsvector('english', coalesce("text", '') || ' ' || coalesce("speaker", '')));

CREATE INDEX "Document_fullText_idx" ON "Document" USING GIN (to_tsvector('english', coalesce("title", '') || ' ' || left(coalesce("text", ''), 500000)));

CREATE INDEX "Source_fullText_idx" ON "Source" USING GIN (to_tsvector('english', coalesce("title", '') || ' ' || coalesce("outlet", '') || ' ' || coalesce("author", '') || ' ' || regexp_replace(coalesce("url", ''), '[/:.?=&#%+~_-]+', ' ', 'g')));

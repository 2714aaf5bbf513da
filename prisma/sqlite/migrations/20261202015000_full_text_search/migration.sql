-- Full-text search (issue 17, ADR 021). Written by hand: Prisma cannot express FTS5 tables.
-- No semicolons or quotes in these comments: migration runners may split statements on them.
-- External-content FTS5 indexes over claims, articles and sources (they store only the
-- index, reading text from the tables), English stemming (porter), accents folded, kept in
-- step with their tables by triggers, so every write path (the app, the CLI, bulk changes,
-- cascading deletes) updates them in the same transaction.

CREATE VIRTUAL TABLE "ClaimSearch" USING fts5("text", "speaker", content='Claim', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"(rowid, "text", "speaker") VALUES (new."id", new."text", new."speaker");
END;
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, "text", "speaker") VALUES ('delete', old."id", old."text", old."speaker");
END;
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "text", "speaker" ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, "text", "speaker") VALUES ('delete', old."id", old."text", old."speaker");
  INSERT INTO "ClaimSearch"(rowid, "text", "speaker") VALUES (new."id", new."text", new."speaker");
END;
INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "DocumentSearch" USING fts5("title", "text", content='Document', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER "Document_search_insert" AFTER INSERT ON "Document" BEGIN
  INSERT INTO "DocumentSearch"(rowid, "title", "text") VALUES (new."id", new."title", new."text");
END;
CREATE TRIGGER "Document_search_delete" AFTER DELETE ON "Document" BEGIN
  INSERT INTO "DocumentSearch"("DocumentSearch", rowid, "title", "text") VALUES ('delete', old."id", old."title", old."text");
END;
CREATE TRIGGER "Document_search_update" AFTER UPDATE OF "title", "text" ON "Document" BEGIN
  INSERT INTO "DocumentSearch"("DocumentSearch", rowid, "title", "text") VALUES ('delete', old."id", old."title", old."text");
  INSERT INTO "DocumentSearch"(rowid, "title", "text") VALUES (new."id", new."title", new."text");
END;
INSERT INTO "DocumentSearch"("DocumentSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "SourceSearch" USING fts5("title", "outlet", "author", "url", content='Source', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceSearch"(rowid, "title", "outlet", "author", "url") VALUES (new."id", new."title", new."outlet", new."author", new."url");
END;
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, "title", "outlet", "author", "url") VALUES ('delete', old."id", old."title", old."outlet", old."author", old."url");
END;
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "title", "outlet", "author", "url" ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, "title", "outlet", "author", "url") VALUES ('delete', old."id", old."title", old."outlet", old."author", old."url");
  INSERT INTO "SourceSearch"(rowid, "title", "outlet", "author", "url") VALUES (new."id", new."title", new."outlet", new."author", new."url");
END;
INSERT INTO "SourceSearch"("SourceSearch") VALUES ('rebuild');

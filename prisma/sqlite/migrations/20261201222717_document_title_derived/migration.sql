-- AlterTable (SQLite accepts NOT NULL with a default in ADD COLUMN: no table copy)
ALTER TABLE "Document" ADD COLUMN "titleDerived" BOOLEAN NOT NULL DEFAULT false;

-- Plain-text articles imported before this whose title is the opening of their text were given their first sentence as a title.
UPDATE "Document" SET "titleDerived" = true
WHERE "format" = 'text' AND SUBSTR("text", 1, LENGTH(RTRIM("title", '…'))) = RTRIM("title", '…');

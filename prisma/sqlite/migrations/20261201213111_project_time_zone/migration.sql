-- AlterTable (a plain ADD COLUMN: SQLite accepts NOT NULL with a default, no need to copy the table)
ALTER TABLE "Project" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';

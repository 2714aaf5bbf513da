-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';


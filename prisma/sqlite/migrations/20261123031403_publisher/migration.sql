-- AlterTable
ALTER TABLE "Project" ADD COLUMN "publisherName" TEXT;
ALTER TABLE "Project" ADD COLUMN "publisherUrl" TEXT;


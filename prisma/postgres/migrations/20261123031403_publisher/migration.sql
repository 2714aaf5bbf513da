-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "publisherName" TEXT,
ADD COLUMN     "publisherUrl" TEXT;


-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "keyId" TEXT;

-- AlterTable
ALTER TABLE "AuditChainHead" ADD COLUMN "keyId" TEXT;


-- Counters are short-lived and the old rows have no scope: start them afresh.
DELETE FROM "LoginThrottle";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "account" TEXT,
    "ip" TEXT,
    "failures" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "blockedUntil" DATETIME,
    "blockStartedAt" DATETIME,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "lastSuccessAt" DATETIME
);
INSERT INTO "new_LoginThrottle" ("blockedUntil", "failures", "key", "windowStart") SELECT "blockedUntil", "failures", "key", "windowStart" FROM "LoginThrottle";
DROP TABLE "LoginThrottle";
ALTER TABLE "new_LoginThrottle" RENAME TO "LoginThrottle";
CREATE INDEX "LoginThrottle_blockStartedAt_idx" ON "LoginThrottle"("blockStartedAt");
CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


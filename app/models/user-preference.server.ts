import { getDb } from "../db.server";

// Per-user settings of the interface (the claims table's columns, density and moving on after a verdict), one JSON value per key.

export async function getPreference(userId: number, key: string): Promise<unknown> {
  const rows = await getDb().$queryRaw<
    Array<{ value: string }>
  >`SELECT "value" FROM "UserPreference" WHERE "userId" = ${userId} AND "key" = ${key}`;
  const row = rows[0];
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export async function setPreference(options: { userId: number; key: string; value: unknown }) {
  const { userId, key, value } = options;
  const json = JSON.stringify(value);
  await getDb().userPreference.upsert({
    where: { userId_key: { userId, key } },
    create: { userId, key, value: json },
    update: { value: json },
  });
}

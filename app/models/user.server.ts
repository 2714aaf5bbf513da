import { hash, verify } from "@node-rs/argon2";
import { getDb } from "../db.server";
import { AppError } from "../lib/app-error";
import { appendAuditEvent } from "./audit.server";

// argon2id (algorithm 2) at OWASP's first recommended setting: 19 MiB, 2 passes.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
/** Costs what a real check costs, so an unknown username answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("claimdesk-timing-equalizer");
  await verifyPassword(await dummyHash, password);
}

export interface Actor {
  id: number | null;
  name: string | null;
  ip?: string | null;
}

export const publicUserSelect = {
  id: true,
  username: true,
  displayName: true,
  isAdmin: true,
  mustChangePassword: true,
  disabledAt: true,
  createdAt: true,
} as const;

export async function createUser(
  input: { username: string; displayName: string; password: string; isAdmin?: boolean; mustChangePassword?: boolean },
  actor: Actor,
) {
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new AppError("conflict", `The username "${input.username}" is already taken`, { field: "username" });
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        isAdmin: input.isAdmin ?? false,
        mustChangePassword: input.mustChangePassword ?? false,
      },
      select: publicUserSelect,
    });
    await appendAuditEvent(tx, {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      details: { username: user.username, isAdmin: user.isAdmin, mustChangePassword: user.mustChangePassword },
    });
    return user;
  });
}

export function findUserByUsername(username: string) {
  return getDb().user.findUnique({ where: { username: username.trim().toLowerCase() } });
}

export function findUserById(id: number) {
  return getDb().user.findUnique({ where: { id }, select: publicUserSelect });
}

export function listUsers() {
  return getDb().user.findMany({ select: publicUserSelect, orderBy: { username: "asc" } });
}

export function countUsers() {
  return getDb().user.count();
}

/** Sets a new password and ends every session of the user, in one transaction. */
export async function setPassword(
  userId: number,
  newPassword: string,
  options: { mustChangePassword: boolean; action: "user.password_changed" | "user.password_reset" },
  actor: Actor,
) {
  const passwordHash = await hashPassword(newPassword);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: options.mustChangePassword },
      select: publicUserSelect,
    });
    const ended = await tx.session.deleteMany({ where: { userId } });
    await appendAuditEvent(tx, {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: options.action,
      targetType: "user",
      targetId: userId,
      details: { username: user.username, sessionsEnded: ended.count },
    });
    return user;
  });
}

/** Disabling ends the user's sessions in the same transaction. */
export async function setUserDisabled(userId: number, disabled: boolean, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: publicUserSelect,
    });
    const ended = disabled ? (await tx.session.deleteMany({ where: { userId } })).count : 0;
    await appendAuditEvent(tx, {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      details: { username: user.username, sessionsEnded: ended },
    });
    return user;
  });
}

import { getConfig } from "../config.server";
import type { ThrottlePolicy } from "../lib/login-throttle";
import { recordAuditEvent } from "../models/audit.server";
import {
  type AttemptReservation,
  recordEndedBlocks,
  releasePasswordAttempt,
  reservePasswordAttempt,
} from "../models/login-throttle.server";
import { createSession } from "../models/session.server";
import { burnPasswordCheck, findUserByUsername, verifyPassword } from "../models/user.server";

export const INVALID_CREDENTIALS = "Incorrect username or password.";

export type SignInResult =
  | { ok: true; token: string; userId: number; mustChangePassword: boolean }
  | { ok: false; status: 401 | 403 | 429; message: string; retryAfterSeconds?: number };

const TRUSTED_ADDRESS_DAYS = 30;

export function throttlePolicy(): ThrottlePolicy {
  const config = getConfig();
  return {
    windowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
    blockMs: config.LOGIN_BLOCK_MINUTES * 60_000,
    maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
    accountDelayCapMs: config.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
    trustMs: TRUSTED_ADDRESS_DAYS * 24 * 60 * 60_000,
  };
}

let lastSweepAt = 0;

/** Blocks on counters nobody touches again are recorded by the next attempts anywhere, once a minute per process. */
async function recordEndedBlocksNowAndThen(policy: ThrottlePolicy): Promise<void> {
  if (Date.now() - lastSweepAt < 60_000) return;
  lastSweepAt = Date.now();
  await recordEndedBlocks(policy);
}

export function tooManyAttempts(retryAfterSeconds: number): string {
  return `Too many failed attempts. Try again in ${formatWait(retryAfterSeconds)}.`;
}

export function tooManyAtOnce(retryAfterSeconds: number): string {
  return `Too many sign-in attempts at once from this address. Try again in ${formatWait(retryAfterSeconds)}.`;
}

function refusal(reservation: Extract<AttemptReservation, { allowed: false }>) {
  const wait = reservation.retryAfterSeconds;
  const message = reservation.reason === "busy" ? tooManyAtOnce(wait) : tooManyAttempts(wait);
  return { ok: false, status: 429, message, retryAfterSeconds: wait } as const;
}

/**
 * Reserves the attempt first (so concurrent guesses cannot overtake the limit), then checks the
 * password. An unknown username and a wrong password give the same answer after the same amount
 * of argon2 work, and count against the same limits.
 */
export async function signIn(input: {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** Tests play attempts at chosen times. */
  now?: Date;
}): Promise<SignInResult> {
  const typed = input.username.trim().toLowerCase();
  const attempt = { account: typed, ip: input.ip };
  const policy = throttlePolicy();
  await recordEndedBlocksNowAndThen(policy);
  const reservation = await reservePasswordAttempt(attempt, policy, input.now);
  if (!reservation.allowed) return refusal(reservation);

  const user = await findUserByUsername(typed);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !passwordOk) {
    await recordAuditEvent({
      actorId: user?.id ?? null,
      actorName: typed,
      ip: input.ip,
      action: "auth.sign_in_failed",
      targetType: user ? "user" : null,
      targetId: user?.id ?? null,
      details: { reason: user ? "wrong_password" : "unknown_user" },
    });
    return { ok: false, status: 401, message: INVALID_CREDENTIALS };
  }
  await releasePasswordAttempt(attempt, policy, input.now);
  if (user.disabledAt) {
    await recordAuditEvent({
      actorId: user.id,
      actorName: user.username,
      ip: input.ip,
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user.id,
      details: { reason: "disabled" },
    });
    return { ok: false, status: 403, message: "This account is disabled. Ask an administrator to enable it." };
  }

  const session = await createSession(user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAuditEvent({
    actorId: user.id,
    actorName: user.username,
    ip: input.ip,
    action: "auth.signed_in",
    targetType: "user",
    targetId: user.id,
    details: {},
  });
  return { ok: true, token: session.token, userId: user.id, mustChangePassword: user.mustChangePassword };
}

/**
 * The current-password check of a signed-in user (before a password change) counts against
 * the same limits as sign-in, so a stolen session cannot be used to guess the password.
 */
export async function checkCurrentPassword(input: {
  userId: number;
  username: string;
  password: string;
  ip: string | null;
}): Promise<{ ok: true } | { ok: false; status: 400 | 429; message: string; retryAfterSeconds?: number }> {
  const attempt = { account: input.username, ip: input.ip };
  const policy = throttlePolicy();
  const reservation = await reservePasswordAttempt(attempt, policy);
  if (!reservation.allowed) return refusal(reservation);
  const stored = await findUserByUsername(input.username);
  if (!stored || stored.id !== input.userId || !(await verifyPassword(stored.passwordHash, input.password))) {
    await recordAuditEvent({
      actorId: input.userId,
      actorName: input.username,
      ip: input.ip,
      action: "user.password_check_failed",
      targetType: "user",
      targetId: input.userId,
      details: { reason: "wrong_current_password" },
    });
    return { ok: false, status: 400, message: "The current password is not correct" };
  }
  await releasePasswordAttempt(attempt, policy);
  return { ok: true };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function sessionCookieMaxAgeSeconds(): number {
  return getConfig().SESSION_MAX_AGE_MINUTES * 60;
}

import { getConfig } from "../config.server";
import { recordAuditEvent } from "../models/audit.server";
import { clearAccountFailures, recordFailure, secondsUntilAllowed, throttleKeys } from "../models/login-throttle.server";
import { createSession } from "../models/session.server";
import { burnPasswordCheck, findUserByUsername, verifyPassword } from "../models/user.server";

export const INVALID_CREDENTIALS = "Incorrect username or password.";

export type SignInResult =
  | { ok: true; token: string; userId: number; mustChangePassword: boolean }
  | { ok: false; status: 401 | 403 | 429; message: string; retryAfterSeconds?: number };

function throttlePolicy() {
  const config = getConfig();
  return {
    windowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
    blockMs: config.LOGIN_BLOCK_MINUTES * 60_000,
    maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
  };
}

/**
 * Checks throttling first, then the password. An unknown username and a wrong
 * password give the same answer after the same amount of argon2 work.
 */
export async function signIn(input: {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<SignInResult> {
  const typed = input.username.trim().toLowerCase();
  const keys = throttleKeys(typed, input.ip);
  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) {
    await recordAuditEvent({ actorName: typed, ip: input.ip, action: "auth.sign_in_throttled", details: { retryAfterSeconds: wait } });
    return { ok: false, status: 429, message: `Too many failed attempts. Try again in ${formatWait(wait)}.`, retryAfterSeconds: wait };
  }

  const user = await findUserByUsername(typed);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !passwordOk) {
    await recordFailure(keys, throttlePolicy());
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

  await clearAccountFailures(keys);
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

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function sessionCookieMaxAgeSeconds(): number {
  return getConfig().SESSION_MAX_AGE_MINUTES * 60;
}

/**
 * The one error type of the app. Models, routes and the CLI throw an AppError with a
 * code; the code alone decides the HTTP status of a response and the exit code of a
 * command (ERROR_CODES below is the only place either is chosen). Client-safe: the
 * codes and the claim state of a stale write reach the browser in action results.
 */
export const ERROR_CODES = {
  /** A field or argument is missing or wrong; the message says which and how. */
  invalid_input: { httpStatus: 400, exitCode: 2 },
  /** A command was called wrongly (unknown flag, missing subcommand). */
  usage: { httpStatus: 400, exitCode: 2 },
  /** Not signed in. */
  unauthenticated: { httpStatus: 401, exitCode: 1 },
  /** Signed in, but the role does not allow it. */
  forbidden: { httpStatus: 403, exitCode: 4 },
  /** No such thing in this project (or not visible to this user). */
  not_found: { httpStatus: 404, exitCode: 1 },
  /** The change was based on a version someone else has since replaced; nothing was saved. */
  stale_version: { httpStatus: 409, exitCode: 3 },
  /** The change clashes with the current state (a name taken, the last owner, an undo too late). */
  conflict: { httpStatus: 409, exitCode: 1 },
  /** The claim's verdict is approved: nothing changes it until an editor reopens it (editorial review, ADR 010). */
  locked: { httpStatus: 409, exitCode: 5 },
  /** An upload over the configured limit. */
  payload_too_large: { httpStatus: 413, exitCode: 2 },
  /** Too many attempts; try again later. */
  rate_limited: { httpStatus: 429, exitCode: 1 },
  /** A check of stored data failed (the audit trail's hash chain). */
  integrity_failed: { httpStatus: 500, exitCode: 4 },
  /** Another process holds what the operation needs (a database being restored over while in use). */
  in_use: { httpStatus: 409, exitCode: 5 },
  /** The operation could not be completed (a migration failed, the database is unreachable). */
  failed: { httpStatus: 500, exitCode: 1 },
} as const satisfies Record<string, { httpStatus: number; exitCode: number }>;

export type AppErrorCode = keyof typeof ERROR_CODES;

export function httpStatusOf(code: AppErrorCode): number {
  return ERROR_CODES[code].httpStatus;
}

export function exitCodeOf(code: AppErrorCode): number {
  return ERROR_CODES[code].exitCode;
}

/** A claim as it is now, sent back with a stale write so the person sees what they would have overwritten. */
export interface CurrentClaimState {
  version: number;
  status?: string;
  rationale?: string | null;
  changedBy?: string | null;
  changedAt?: Date | null;
}

export interface AppErrorOptions {
  /** The form field or CLI option the message is about. */
  field?: string;
  /** For stale_version: the claim's current state. */
  current?: CurrentClaimState;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly current: CurrentClaimState | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.current = options.current;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** A write based on an old version, carrying the change it would have overwritten. */
export function staleVersionError(current: CurrentClaimState): AppError {
  const message =
    current.changedBy && current.status
      ? `${current.changedBy} changed this claim${current.changedAt ? ` at ${current.changedAt.toISOString().slice(11, 16)} UTC` : ""}: it is now ${current.status}${current.rationale ? ` ("${current.rationale}")` : ""}. Your change was not saved; review theirs first.`
      : "Someone else changed this claim since you loaded it; reload to see their change.";
  return new AppError("stale_version", message, { current });
}

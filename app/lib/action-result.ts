import { type ShouldRevalidateFunctionArgs, data } from "react-router";
import { type AppError, type AppErrorCode, type CurrentClaimState, httpStatusOf, isAppError } from "./app-error";
import type { FieldErrors } from "./form";

/**
 * The one shape every action (and every JSON resource route) answers with: `ok: true`
 * plus what it produced, or `ok: false` with the error's code, one message to show and
 * the messages per field. The HTTP status comes from the code (app-error.ts).
 */
export interface ActionFailure {
  ok: false;
  code: AppErrorCode;
  error: string;
  fieldErrors: FieldErrors;
  /** For stale_version: the claim as someone else left it. */
  current?: CurrentClaimState;
  /** Which of the page's forms failed (its intent), so the message is shown beside that form. */
  form?: string;
  /** What the person typed, so a refused form can be shown again as they left it. */
  values?: Record<string, string>;
}
export type ActionSuccess<T extends object = Record<never, never>> = { ok: true } & T;
export type ActionResult<T extends object = Record<never, never>> = ActionSuccess<T> | ActionFailure;

export interface FailureOptions {
  /** The field an invalid_input error without its own field is shown beside. */
  inputField?: string;
  /** The form that was submitted (see ActionFailure). */
  form?: string;
  /** The submitted values to send back (see ActionFailure). */
  values?: Record<string, string>;
}

/** A form's text fields, to send back with a failure (files and the version it was read at are left out). */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && key !== "version") values[key] = value;
  return values;
}

function echoOf(options: FailureOptions): Pick<ActionFailure, "form" | "values"> {
  return { ...(options.form ? { form: options.form } : {}), ...(options.values ? { values: options.values } : {}) };
}

export function actionSuccess<T extends object>(payload: T, init?: ResponseInit) {
  return data({ ok: true as const, ...payload }, init);
}

export function failureOf(error: AppError, options: FailureOptions = {}): ActionFailure {
  const field = error.field ?? (error.code === "invalid_input" ? options.inputField : undefined);
  return {
    ok: false,
    code: error.code,
    error: error.message,
    fieldErrors: field ? { [field]: error.message } : {},
    ...(error.current ? { current: error.current } : {}),
    ...echoOf(options),
  };
}

export function actionFailure(error: AppError, options: FailureOptions = {}) {
  return data<ActionFailure>(failureOf(error, options), { status: httpStatusOf(error.code) });
}

/** A form that did not parse: 400, the first message as the error, every field's message beside it. */
export function invalidForm(fieldErrors: FieldErrors, options: FailureOptions = {}) {
  const first = Object.values(fieldErrors)[0] ?? "Check the form's fields.";
  return data<ActionFailure>(
    {
      ok: false,
      code: "invalid_input",
      error: first,
      fieldErrors: options.inputField ? { ...fieldErrors, [options.inputField]: first } : fieldErrors,
      ...echoOf(options),
    },
    { status: 400 },
  );
}

/**
 * Runs an action's work: an AppError becomes a failure with its status; anything else
 * (a thrown redirect or response, a bug) propagates as before.
 */
export async function withAppErrors<T>(work: () => Promise<T>, options: FailureOptions = {}) {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) return actionFailure(error, options);
    throw error;
  }
}

/** For loaders: ends the request with the error's status, rendered by the route's error boundary. */
export function throwAppError(error: AppError): never {
  throw data({ message: error.message, code: error.code }, { status: httpStatusOf(error.code) });
}

/** The success payload of a result, or undefined while there is none or it failed (for fetchers' data). */
export function succeeded<T extends object>(result: ActionResult<T> | undefined): ActionSuccess<T> | undefined {
  return result?.ok ? result : undefined;
}

/** The one message of a failed result, or null. */
export function failureMessage(result: ActionResult<object> | undefined): string | null {
  return result && !result.ok ? result.error : null;
}

/**
 * A route's `shouldRevalidate`: React Router skips reloading after an action that answered
 * 4xx, but after a stale write (409) the page must show what the other person saved, or the
 * next attempt is refused again.
 */
export function revalidateAfterStaleWrite({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  const failure = actionResult as Partial<ActionFailure> | undefined;
  return defaultShouldRevalidate || (failure?.ok === false && failure.code === "stale_version");
}

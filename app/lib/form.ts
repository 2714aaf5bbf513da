import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormParseResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Parses submitted fields with a zod schema; the first message for each field is kept for display beside it. */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): FormParseResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    raw[key] = values.length > 1 ? values : values[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

import { z } from "zod";
import { UNSAFE_NAME_MESSAGE, hasUnsafeNameChars } from "./text-safety";

export const projectSlugSchema = z
  .string({ error: "Enter a short name for the address" })
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters")
  .max(60, "Use at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

export const projectNameSchema = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(120, "Use at most 120 characters")
  .refine((value) => !hasUnsafeNameChars(value), UNSAFE_NAME_MESSAGE);

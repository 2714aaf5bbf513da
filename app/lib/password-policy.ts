import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { UNSAFE_NAME_MESSAGE, hasUnsafeNameChars } from "./text-safety";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** The rule every new password meets, whoever sets it (sign-up, reset, change, CLI). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((value) => !isCommonPassword(value), "This password is too common; choose another");

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Username must be at least 2 characters")
  .max(40, "Username must be at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use letters, digits, dots, dashes or underscores, starting with a letter or digit");

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Display name is required")
  .max(80, "Display name must be at most 80 characters")
  .refine((value) => !hasUnsafeNameChars(value), UNSAFE_NAME_MESSAGE);

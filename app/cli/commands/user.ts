import { z } from "zod";
import { displayNameSchema, newPasswordSchema, usernameSchema } from "../../lib/password-policy";
import { createUser } from "../../models/user.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const CLI_ACTOR = { id: null, name: "cli" };

const createSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  admin: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
  passwordStdin: z.literal(true, { error: "is required: pass the password on standard input" }),
});

export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "create") {
    throw new AppError(
      "usage",
      "usage: claimdesk user create --username U [--display-name N] [--admin] [--must-change-password] --password-stdin [--json]",
    );
  }
  const { values, json } = parseOptions(
    rest,
    {
      username: { type: "string" },
      "display-name": { type: "string" },
      admin: { type: "boolean" },
      "must-change-password": { type: "boolean" },
      "password-stdin": { type: "boolean" },
    },
    createSchema,
  );
  // One trailing newline is what `echo` adds; anything else is part of the password.
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) throw new AppError("usage", `password: ${checked.error.issues[0]!.message}`);
  const user = await createUser(
    {
      username: values.username,
      displayName: values.displayName ?? values.username,
      password,
      isAdmin: values.admin ?? false,
      mustChangePassword: values.mustChangePassword ?? false,
    },
    CLI_ACTOR,
  );
  printResult(
    io,
    json,
    { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin },
    `Created user ${user.username} (id ${user.id}).`,
  );
  return 0;
}

export { CLI_ACTOR };

import { z } from "zod";

// The inbox's forms: mark one notification read, or all of them.
export const inboxFormSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive() }), z.object({ intent: z.literal("read-all") })],
  { error: "Unknown form" },
);

import { z } from "zod";

// The discussion's forms as the comments route reads them. Each names its intent; the
// text itself is checked by the model (commentBodySchema) so the CLI gets the same message.

const id = z.coerce.number().int().positive();

export const commentFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), text: z.string().max(20_000) }),
    z.object({ intent: z.literal("edit"), commentId: id, text: z.string().max(20_000) }),
    z.object({ intent: z.literal("delete"), commentId: id }),
  ],
  { error: "Unknown form" },
);

import { z } from "zod";
import type { Route } from "./+types/project.claim.comments";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { commentFormSchema } from "../lib/comments/comment-forms";
import { parseFormData } from "../lib/form";
import { can } from "../lib/roles";
import { claimExists, claimComments, mentionCandidates } from "../models/comments/comment-thread.server";
import { addComment, deleteComment, editComment } from "../models/comments/comment-write.server";

// A claim's discussion: the thread (GET, loaded by the claim page and the table's panel
// beside the history) and its add, edit and delete forms.

const claimIdParam = z.coerce.number().int().positive();

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role, user } = await requireProjectCapability(request, params.slug, "read");
  const id = claimIdParam.safeParse(params.claimId);
  if (!id.success || !(await claimExists(project.id, id.data))) notFound("Claim not found.");
  const [comments, candidates] = await Promise.all([claimComments(project.id, id.data), mentionCandidates(project.id)]);
  return {
    comments: comments.map((comment) => ({
      id: comment.id,
      author: comment.author,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deletedAt: comment.deletedAt?.toISOString() ?? null,
    })),
    candidates,
    viewerId: user.id,
    canComment: can(role, "comment"),
    timeZone: project.timeZone,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "comment");
  const claimId = claimIdParam.safeParse(params.claimId);
  if (!claimId.success) notFound("Claim not found.");
  const parsed = parseFormData(await request.formData(), commentFormSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { inputField: "text" });
  const input = parsed.data;
  const target = { projectId: auth.project.id, actor: actorOf(auth, context) };
  return withAppErrors(
    async () => {
      switch (input.intent) {
        case "add": {
          const comment = await addComment({ ...target, claimId: claimId.data, text: input.text });
          if (!comment) notFound("Claim not found.");
          return actionSuccess({ intent: input.intent, commentId: comment.id });
        }
        case "edit": {
          const comment = await editComment({ ...target, commentId: input.commentId, text: input.text });
          if (!comment) notFound("Comment not found.");
          return actionSuccess({ intent: input.intent, commentId: comment.id });
        }
        case "delete": {
          const comment = await deleteComment({ ...target, commentId: input.commentId });
          if (!comment) notFound("Comment not found.");
          return actionSuccess({ intent: input.intent, commentId: comment.id });
        }
      }
    },
    { inputField: "text" },
  );
}

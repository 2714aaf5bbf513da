import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import { formatDateTime } from "../../lib/datetime";
import { CommentBody } from "./comment-body";
import { type MentionCandidate, MentionTextarea } from "./mention-textarea";

export interface CommentView {
  id: number;
  author: { id: number; username: string; displayName: string } | null;
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

interface Props {
  comments: CommentView[];
  viewerId: number;
  canComment: boolean;
  /** Where the comment forms post (add, edit, delete). */
  action: string;
  candidates: MentionCandidate[];
  timeZone: string;
}

type Result = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | undefined;

function OwnCommentActions({ comment, action, candidates }: { comment: CommentView; action: string; candidates: MentionCandidate[] }) {
  // Editing ends once a save made in this editing session succeeds (a result newer than the one seen when it opened).
  const [openedWith, setOpenedWith] = useState<{ data: Result } | null>(null);
  const edit = useFetcher<Result>();
  const remove = useFetcher<Result>();
  const saved = edit.state === "idle" && edit.data?.ok === true && openedWith !== null && edit.data !== openedWith.data;
  const editing = openedWith !== null && !saved;
  const setEditing = (open: boolean) => setOpenedWith(open ? { data: edit.data } : null);
  if (editing)
    return (
      <edit.Form method="post" action={action} className="comment-edit">
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="commentId" value={comment.id} />
        <MentionTextarea
          name="text"
          label="Edit your comment"
          candidates={candidates}
          defaultValue={comment.body ?? ""}
          error={edit.data?.ok === false ? edit.data.error : undefined}
          required
        />
        <div className="row-actions">
          <button type="submit" className="button" disabled={edit.state !== "idle"}>
            Save
          </button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </edit.Form>
    );
  return (
    <div className="row-actions">
      <button
        type="button"
        className="link-button"
        onClick={() => setEditing(true)}
        aria-label={`Edit your comment of ${comment.createdAt.slice(0, 16)}`}
      >
        Edit
      </button>
      <remove.Form
        method="post"
        action={action}
        className="inline-form"
        onSubmit={(event) => {
          if (!window.confirm("Delete this comment? Its text stays in the audit trail.")) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="commentId" value={comment.id} />
        <button type="submit" className="link-button danger" aria-label={`Delete your comment of ${comment.createdAt.slice(0, 16)}`}>
          Delete
        </button>
      </remove.Form>
      {remove.data?.ok === false ? (
        <p className="field-error" role="alert">
          {remove.data.error}
        </p>
      ) : null}
    </div>
  );
}

/** A claim's discussion: comments oldest first, each author able to edit or delete their own, and a box to add one. */
export function CommentThread({ comments, viewerId, canComment, action, candidates, timeZone }: Props) {
  const add = useFetcher<Result>();
  const form = useRef<HTMLFormElement>(null);
  const members = new Map(candidates.map((c) => [c.username, c.displayName]));
  useEffect(() => {
    if (add.state === "idle" && add.data?.ok) form.current?.reset();
  }, [add.state, add.data]);
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h3 id="comments-title">Discussion ({comments.filter((c) => !c.deletedAt).length})</h3>
      {comments.length === 0 ? <p className="meta">No comments yet.</p> : null}
      <ol className="comment-list">
        {comments.map((comment) => (
          <li key={comment.id} className={comment.deletedAt ? "comment deleted" : "comment"}>
            <p className="comment-meta">
              <strong>{comment.author?.displayName ?? "A former member"}</strong>{" "}
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, timeZone)}</time>
              {comment.editedAt && !comment.deletedAt ? <span className="meta"> · edited</span> : null}
            </p>
            {comment.deletedAt || comment.body === null ? (
              <p className="meta">This comment was deleted.</p>
            ) : (
              <CommentBody text={comment.body} members={members} />
            )}
            {comment.author?.id === viewerId && !comment.deletedAt ? (
              <OwnCommentActions comment={comment} action={action} candidates={candidates} />
            ) : null}
          </li>
        ))}
      </ol>
      {canComment ? (
        <add.Form method="post" action={action} ref={form} className="comment-form">
          <input type="hidden" name="intent" value="add" />
          <MentionTextarea
            name="text"
            label="Add a comment"
            candidates={candidates}
            error={add.data?.ok === false ? add.data.error : undefined}
            required
          />
          <button type="submit" className="button" disabled={add.state !== "idle"}>
            {add.state === "idle" ? "Comment" : "Posting…"}
          </button>
        </add.Form>
      ) : null}
    </section>
  );
}

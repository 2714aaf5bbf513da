import { useEffect } from "react";
import { useFetcher } from "react-router";
import { paths } from "../../lib/paths";
import type { CommentView } from "./comment-thread";
import { CommentThread } from "./comment-thread";
import type { MentionCandidate } from "./mention-textarea";

interface ThreadData {
  comments: CommentView[];
  candidates: MentionCandidate[];
  viewerId: number;
  canComment: boolean;
  timeZone: string;
}

/**
 * The claim's discussion, loaded from its own route so the claim page and the table's panel
 * only mount it. Its forms post there; React Router then reloads this fetcher with the rest.
 */
export function ClaimDiscussion({ slug, claimId }: { slug: string; claimId: number }) {
  const thread = useFetcher<ThreadData>();
  const href = paths.claimComments(slug, claimId);
  const { load } = thread;
  useEffect(() => {
    void load(href);
  }, [load, href]);
  if (!thread.data) return <p className="meta">Loading the discussion…</p>;
  return (
    <CommentThread
      comments={thread.data.comments}
      viewerId={thread.data.viewerId}
      canComment={thread.data.canComment}
      action={href}
      candidates={thread.data.candidates}
      timeZone={thread.data.timeZone}
    />
  );
}

import { tokenizeComment } from "../../lib/comments/comment-text";

/** A comment's text with its links and mentions; everything else as typed. */
export function CommentBody({ text, members }: { text: string; members: ReadonlyMap<string, string> }) {
  return (
    <p className="comment-body">
      {tokenizeComment(text).map((token, index) => {
        if (token.type === "link")
          return (
            <a key={index} href={token.href} rel="nofollow ugc noopener noreferrer" target="_blank">
              {token.text}
            </a>
          );
        if (token.type === "mention") {
          const name = members.get(token.username);
          return name ? (
            <span key={index} className="mention" title={name}>
              {token.text}
            </span>
          ) : (
            <span key={index}>{token.text}</span>
          );
        }
        return <span key={index}>{token.text}</span>;
      })}
    </p>
  );
}

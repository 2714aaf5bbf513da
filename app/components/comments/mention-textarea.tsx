import { useId, useRef, useState } from "react";
import { mentionAtCaret } from "../../lib/comments/comment-text";

export interface MentionCandidate {
  username: string;
  displayName: string;
}

interface Props {
  name: string;
  label: string;
  candidates: MentionCandidate[];
  defaultValue?: string;
  error?: string;
  required?: boolean;
}

const MAX_SUGGESTIONS = 6;

/**
 * A textarea that offers project members when the writer types "@": arrow keys move, Enter
 * or Tab picks, Escape closes (the ARIA combobox pattern on a textarea).
 */
export function MentionTextarea({ name, label, candidates, defaultValue, error, required }: Props) {
  const id = useId();
  const listId = `${id}-mentions`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const matches = mention
    ? candidates
        .filter((c) => c.username.startsWith(mention.query) || c.displayName.toLowerCase().includes(mention.query))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const open = matches.length > 0;

  const update = () => {
    const element = ref.current;
    if (!element) return;
    setMention(mentionAtCaret(element.value, element.selectionStart));
    setActive(0);
  };

  const pick = (candidate: MentionCandidate) => {
    const element = ref.current;
    if (!element || !mention) return;
    const caret = element.selectionStart;
    const inserted = `@${candidate.username} `;
    element.value = `${element.value.slice(0, mention.start)}${inserted}${element.value.slice(caret)}`;
    const position = mention.start + inserted.length;
    element.setSelectionRange(position, position);
    element.focus();
    setMention(null);
  };

  return (
    <div className="field mention-field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={hintId}>
        Plain text; links work. Type @ to mention someone in the project. Everyone in the project can read comments, so keep a verdict you
        have proposed to yourself until the second review.
      </p>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={3}
        maxLength={5000}
        defaultValue={defaultValue}
        required={required}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        onInput={update}
        onClick={update}
        onBlur={() => setTimeout(() => setMention(null), 150)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => (i + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            pick(matches[active]!);
          } else if (event.key === "Escape") {
            event.preventDefault();
            setMention(null);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list" hidden={!open}>
        {matches.map((candidate, index) => (
          <li
            key={candidate.username}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(candidate);
            }}
          >
            {candidate.displayName} <span className="meta">@{candidate.username}</span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

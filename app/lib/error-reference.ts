import { createContext, useContext } from "react";

// The request id of a failed request, shown on the error page so that a user can quote it
// and an operator can find the logged error (its stack is logged with the same id).

/** Set by the server renderer (entry.server.tsx) for the request being rendered. */
export const ServerRequestIdContext = createContext<string | null>(null);

/** The element holding the reference, read back while hydrating a server-rendered error page. */
export const ERROR_REFERENCE_ELEMENT_ID = "error-reference";

/** What the server puts in place of an unexpected error's message in production. */
const SANITIZED_SERVER_ERROR = "Unexpected Server Error";

let lastFailedDataRequest: string | null = null;

/** Called by entry.client.tsx when a data request of a client-side navigation answers 5xx. */
export function rememberFailedDataRequest(requestId: string | null): void {
  if (requestId) lastFailedDataRequest = requestId;
}

/**
 * The reference to show for an unexpected error: on the server, this request's id; in the
 * browser, the id of the failed data request (a client-side navigation) or, while hydrating
 * the server's error page, the id it rendered. Errors raised by the browser's own code have none.
 */
export function useErrorReference(error: unknown): string | null {
  const fromServer = useContext(ServerRequestIdContext);
  if (typeof document === "undefined") return fromServer;
  if (error instanceof Error && error.message === SANITIZED_SERVER_ERROR && lastFailedDataRequest) return lastFailedDataRequest;
  return document.getElementById(ERROR_REFERENCE_ELEMENT_ID)?.textContent || null;
}

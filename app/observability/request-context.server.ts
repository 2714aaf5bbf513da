import { AsyncLocalStorage } from "node:async_hooks";

/** What the server knows about the request being handled, wherever in the code it runs. */
export interface RequestState {
  requestId: string;
  /** The signed-in user, once a loader or action has looked the session up. */
  userId: number | null;
  /** Why the response is a 4xx (no route matched, a malformed URL), for the access line. */
  note: string | null;
}

// One store per request, set by the HTTP server's first middleware (server/request-log.ts).
// AsyncLocalStorage follows the request through every await, so loaders, the renderer and
// the error handler see it without it being passed along.
const storage = new AsyncLocalStorage<RequestState>();

export function runInRequest<T>(state: RequestState, fn: () => T): T {
  return storage.run(state, fn);
}

export function currentRequest(): RequestState | undefined {
  return storage.getStore();
}

export function noteRequestUser(userId: number): void {
  const state = storage.getStore();
  if (state) state.userId = userId;
}

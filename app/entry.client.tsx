import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { rememberFailedDataRequest } from "./lib/error-reference";

// React Router's default client entry, plus one thing: when a data request of a client-side
// navigation fails on the server, the error page shows that request's id (the server sends
// it as X-Request-Id; React Router hands the page only a sanitized error).
const fetchFromBrowser = window.fetch.bind(window);
window.fetch = async (...args: Parameters<typeof fetch>) => {
  const response = await fetchFromBrowser(...args);
  if (response.status >= 500) rememberFailedDataRequest(response.headers.get("X-Request-Id"));
  return response;
};

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});

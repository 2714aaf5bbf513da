import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import stylesheet from "./app.css?url";
import workspaceStylesheet from "./styles/claims-workspace.css?url";
import phoneStylesheet from "./styles/phone.css?url";
import { getAuthenticated } from "./auth/guards.server";
import { InboxLink } from "./components/inbox-link";
import { unreadNotificationCount } from "./models/notifications/inbox.server";
import { ERROR_REFERENCE_ELEMENT_ID, useErrorReference } from "./lib/error-reference";
import { useNonce } from "./nonce";
import { paths } from "./lib/paths";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: workspaceStylesheet },
  { rel: "stylesheet", href: phoneStylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  // Only for the header; every route checks access itself.
  const auth = await getAuthenticated(request);
  return {
    user: auth ? { username: auth.user.username, displayName: auth.user.displayName, isAdmin: auth.user.isAdmin } : null,
    unread: auth ? await unreadNotificationCount(auth.user) : 0,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link to={paths.home()} className="brand">
            Claimdesk
          </Link>
          {user ? (
            <nav aria-label="Main">
              <NavLink to={paths.projects()}>Projects</NavLink>
              {user.isAdmin ? <NavLink to={paths.adminUsers()}>Users</NavLink> : null}
              <InboxLink unread={data?.unread ?? 0} />
              <NavLink to={paths.account()}>Account</NavLink>
              <Form method="post" action={paths.logout()} className="inline-form">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
              <span className="whoami" aria-label="Signed in as">
                {user.displayName}
              </span>
            </nav>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function meta() {
  return [{ title: "Claimdesk" }];
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const reference = useErrorReference(error);
  let title = "Something went wrong";
  let message = "An unexpected error occurred. It has been logged.";
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `Error ${error.status}`;
    const body: unknown = error.data;
    message =
      typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
        ? body.message
        : typeof body === "string" && body !== ""
          ? body
          : error.statusText || message;
  } else if (error instanceof Error && import.meta.env.DEV) {
    message = error.message;
  }
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      {!isRouteErrorResponse(error) && reference ? (
        <p>
          If you report this, quote the reference <code id={ERROR_REFERENCE_ELEMENT_ID}>{reference}</code>.
        </p>
      ) : null}
      <p>
        <Link to={paths.home()}>Back to Claimdesk</Link>
      </p>
    </section>
  );
}

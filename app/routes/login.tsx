import { data, Form, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { serializeSessionCookie } from "../auth/cookie.server";
import { getAuthenticated } from "../auth/guards.server";
import { clientIpOf } from "../auth/request-context";
import { sessionCookieMaxAgeSeconds, signIn } from "../auth/sign-in.server";
import { Field, FormError } from "../components/forms";
import { parseFormData } from "../lib/form";
import { safeRedirectTarget } from "../lib/redirect-target";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Sign in · Claimdesk" }];

const signInSchema = z.object({
  username: z.string({ error: "Enter your username" }).trim().min(1, "Enter your username").max(100),
  // No length rules here beyond a sanity cap: old passwords must still work.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
  redirectTo: z.string().optional(),
});

// Passes Retry-After from a throttled sign-in through to the HTTP response.
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export async function loader({ request }: Route.LoaderArgs) {
  const auth = await getAuthenticated(request);
  if (auth) {
    const target = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(auth.user.mustChangePassword ? paths.accountPassword() : safeRedirectTarget(target));
  }
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseFormData(await request.formData(), signInSchema);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  const result = await signIn({
    username: parsed.data.username,
    password: parsed.data.password,
    ip: clientIpOf(context),
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) {
    const headers: HeadersInit = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    return data({ fieldErrors: {}, formError: result.message }, { status: result.status, headers });
  }
  const target = result.mustChangePassword ? paths.accountPassword() : safeRedirectTarget(parsed.data.redirectTo);
  throw redirect(target, { headers: { "Set-Cookie": serializeSessionCookie(request, result.token, sessionCookieMaxAgeSeconds()) } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const fieldErrors: Record<string, string> = actionData?.fieldErrors ?? {};
  return (
    <section className="narrow card">
      <h1>Sign in to Claimdesk</h1>
      {params.get("signedOut") ? (
        <p role="status" className="alert alert-success">
          You have been signed out.
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          autoFocus
          error={fieldErrors.username}
        />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
        <button type="submit" className="button primary" disabled={busy}>
          Sign in
        </button>
      </Form>
    </section>
  );
}

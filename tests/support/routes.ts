import type { RequestContext } from "../../app/auth/request-context";

export interface RouteOutcome {
  status: number;
  body: unknown;
  headers: Headers;
  location: string | null;
}

type RouteFunction = (args: never) => unknown;

const CONTEXT: RequestContext = { cspNonce: "test-nonce", clientIp: "203.0.113.7" };

export function buildRequest(
  path: string,
  options: { method?: string; cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
  }
  return new Request(`http://localhost${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function normalize(value: unknown): Promise<RouteOutcome> {
  if (value instanceof Response) {
    const text = await value.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: value.status, body, headers: value.headers, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, body: value.data, headers, location: headers.get("Location") };
  }
  return { status: 200, body: value, headers: new Headers(), location: null };
}

/**
 * Calls a loader or action as React Router would and reports the HTTP status it
 * amounts to: returned or thrown responses keep theirs, any other thrown error is a 500.
 */
export async function callRoute(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<RouteOutcome> {
  try {
    return await normalize(await (fn as (args: unknown) => unknown)({ request, params, context: CONTEXT }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalize(thrown);
    return { status: 500, body: thrown instanceof Error ? thrown.message : String(thrown), headers: new Headers(), location: null };
  }
}

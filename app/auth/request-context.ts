// What the HTTP server hands to every loader and action (see server/app.ts).
// A type alias, not an interface, so it fits AppLoadContext's index signature.
export type RequestContext = {
  cspNonce: string;
  clientIp: string | null;
};

declare module "react-router" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string | null;
  }
}

export function clientIpOf(context: unknown): string | null {
  const ip = (context as Partial<RequestContext> | undefined)?.clientIp;
  return typeof ip === "string" ? ip : null;
}

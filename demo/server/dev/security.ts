// The headers the demo page and the redirect page are served with: a strict
// Content Security Policy with Trusted Types (README.md, "Host checklist"),
// the policy a host is expected to ship. Lit's Trusted Types policy is named
// `lit-html`; nothing else in the page creates one.

export interface CspOptions {
  /** Origins the page may call besides its own (a real Entra authority). */
  connect?: readonly string[];
  /** Dev mode: Vite's HMR client opens a WebSocket to this origin (wss://…). */
  websocket?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = [
    "'self'",
    ...(options.websocket ? [options.websocket] : []),
    ...(options.connect ?? []),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect.join(' ')}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** Headers of every page, script and style the demo serves (not of the IdP or the API). */
export function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The MSAL 5 redirect page: never cached (its URL carries the authorization
 * response) and never with a Cross-Origin-Opener-Policy header (the popup must
 * keep its opener's BroadcastChannel partition).
 */
export const REDIRECT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
};

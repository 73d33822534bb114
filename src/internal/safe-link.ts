/**
 * The URL if a link may point at it (http, https, mailto), else ''. Lit binds an href as
 * given, and a host's `support-url` may come from configuration an attacker can reach: a
 * `javascript:` URL there would run when the admin clicks "Contact …".
 */
export function safeLink(url: string): string {
  if (!url) return '';
  try {
    const { protocol } = new URL(url, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? url : '';
  } catch {
    return '';
  }
}

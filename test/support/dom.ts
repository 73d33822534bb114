// Reading a page as a person does, for browser tests that must not import the sources
// (test/package/published.browser.test.ts runs the published build) as for those that do.

/** Polls `check` every 20 ms until it gives something truthy; fails after `timeout` ms. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what = 'condition',
  timeout = 8000,
): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every text a person sees, through shadow roots. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out.replace(/\s+/g, ' ');
}

/** What a control's `aria-describedby` says: the texts of the elements it names, in its root. */
export function describedText(control: Element): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? (root.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
}

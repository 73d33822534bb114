// Shared by the browser tests' axe checks (a11y.ts) and the stories' play functions
// (stories/support/dom.ts): no test framework here, so both can import it.

/**
 * Resolves when every finite CSS transition or animation in the page has finished, shadow
 * trees included (Document.getAnimations() leaves them out), so axe never measures a colour
 * mid-fade. Infinite ones (the spinner, the loading shimmer) are ignored, and the wait is
 * capped at `capMs`: a paused animation never finishes.
 */
export async function animationsSettled(capMs = 3000): Promise<void> {
  const roots: (Document | ShadowRoot)[] = [document];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  const finite = roots
    .flatMap((r) => r.getAnimations())
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
  await Promise.race([
    Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, capMs)),
  ]);
}

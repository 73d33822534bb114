// axe checks colour contrast on what is painted, so a check taken while a
// transition runs (a dialog un-greying after a failed request, the mode switch's
// segments changing colour) measures blended colours. Wait for every finite
// animation in the document and in every shadow tree, then run axe.
import { expect } from '@open-wc/testing';

/** The document and every shadow root in it (open ones: the package's elements use open roots). */
function roots(): DocumentOrShadowRoot[] {
  const found: DocumentOrShadowRoot[] = [document];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  return found;
}

export async function animationsSettled(): Promise<void> {
  // (Document.getAnimations() leaves out animations inside shadow trees.)
  const running = new Set(roots().flatMap((r) => r.getAnimations()));
  const finite = [...running].filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  // (Capped: a paused animation never finishes, and axe then measures what is painted.)
  await Promise.race([
    Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
}

export async function expectAccessible(element: Element): Promise<void> {
  await animationsSettled();
  await expect(element).to.be.accessible();
}

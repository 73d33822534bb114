// axe checks colour contrast on what is painted, so a check taken while a
// transition runs (a dialog un-greying after a failed request, say) measures
// blended colours. Wait for every finite animation in the document, shadow
// trees included, then run axe.
import { expect } from '@open-wc/testing';

export async function animationsSettled(): Promise<void> {
  const running = document
    .getAnimations()
    .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
}

export async function expectAccessible(element: Element): Promise<void> {
  await animationsSettled();
  await expect(element).to.be.accessible();
}

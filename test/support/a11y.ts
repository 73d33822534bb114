// axe checks colour contrast on what is painted, so a check taken while a
// transition runs (a dialog un-greying after a failed request, the mode switch's
// segments changing colour) measures blended colours: wait for them first.
import { expect } from '@open-wc/testing';
import { animationsSettled } from './animations.js';

export async function expectAccessible(element: Element): Promise<void> {
  await animationsSettled();
  await expect(element).to.be.accessible();
}

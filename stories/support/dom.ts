// Helpers for play functions: the elements render into shadow roots, so
// queries walk down host by host.
import { expect, waitFor } from 'storybook/test';
import { animationsSettled } from '../../test/support/animations.js';

/** Walks down shadow roots: deep(el, 'ucx-create-dialog', 'ucx-filter-editor', 'textarea'). */
export function deep<T extends Element = HTMLElement>(
  host: Element,
  ...selectors: string[]
): T | null {
  let scope: Element | null = host;
  for (const selector of selectors) {
    const root: ParentNode | null | undefined = scope?.shadowRoot;
    if (!root) return null;
    scope = root.querySelector(selector);
    if (!scope) return null;
  }
  return scope as T | null;
}

/** Like deep(), but waits until the element exists. */
export async function find<T extends Element = HTMLElement>(
  host: Element,
  ...selectors: string[]
): Promise<T> {
  let found: T | null = null;
  await waitFor(
    () => {
      found = deep<T>(host, ...selectors);
      expect(found, selectors.join(' » ')).toBeTruthy();
    },
    { timeout: 5000 },
  );
  return found as unknown as T;
}

/** The text a person sees in a shadow root (including nested ones). */
export function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent ?? '';
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return text.replace(/\s+/g, ' ');
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Waits a frame or two for the last change to render, then until every finite transition or
 * animation in the page has finished (test/support/animations.ts), so axe never measures a
 * colour mid-fade.
 */
export async function settled(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await animationsSettled();
}

/**
 * The wording a check expects, in the story's language: the toolbar's locale sets `lang` on
 * the story's wrapper, and a designer who reviews a story in Italian should see its play
 * function pass, as it does in English. `words(canvasElement)('Retry', 'Riprova')`.
 */
export function words(canvasElement: Element): (en: string, it: string) => string {
  // The element's own language (a story's `lang` control), else the toolbar's wrapper's,
  // inside the canvas (.storybook/preview.ts).
  const element = canvasElement.querySelector('ucx-user-sync, ucx-filter-editor');
  const wrapper = element?.closest('[lang]') ?? canvasElement.querySelector('[lang]');
  const italian = /^it\b/i.test(wrapper?.getAttribute('lang') ?? '');
  return (en, it) => (italian ? it : en);
}

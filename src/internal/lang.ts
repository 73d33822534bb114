import { displayLocale, resolveLocale } from '../i18n/localization.js';

/**
 * The element whose `lang` applies to `el`: itself, the closest ancestor with one (across
 * shadow roots), or `<html>`; null when none has one (the browser's language applies).
 */
export function langSource(el: Element): Element | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      if (node.getAttribute('lang')) return node;
      node = node.parentNode ?? null;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return document.documentElement.lang ? document.documentElement : null;
}

/** The language that applies to `el`: its own [lang], the closest ancestor's (across shadow roots), the document's, the browser's. */
export function closestLang(el: Element): string {
  return langSource(el)?.getAttribute('lang') || navigator.language || 'en';
}

/**
 * The language `el`'s texts are shown in: `closestLang` (with its region, `it-CH`) when the
 * page shows that language, else the page's (the runtime has one locale a page, so another
 * element's `lang` may have won). Requests (`Accept-Language`), dates and counts follow it, so
 * the server's texts and the formats match the words around them.
 */
export function displayLang(el: Element): string {
  const own = closestLang(el);
  const shown = displayLocale();
  return shown === undefined || resolveLocale(own) === shown ? own : shown;
}

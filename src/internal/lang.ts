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

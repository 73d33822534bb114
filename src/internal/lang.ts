/** The language that applies to `el`: its own [lang], the closest ancestor's (across shadow roots), the document's. */
export function closestLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode ?? null;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return document.documentElement.lang || navigator.language || 'en';
}

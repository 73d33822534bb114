/** Warned once per element name and attribute (a framework may render the element often). */
const warned = new Set<string>();

/**
 * Says in the console when a page set, as an attribute, a property that takes an object or a
 * function: the element never reads it there, so the value is silently lost otherwise. Vue
 * does this for a `:bound` value before the element is defined or under a kebab-case name, as
 * React 18 does for every prop; the fix is to set the property (`.requestHeaders` in Vue).
 */
export function warnPropertyAttributes(el: HTMLElement, properties: readonly string[]): void {
  for (const property of properties) {
    const attribute = property.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
    for (const name of new Set([attribute, property.toLowerCase()])) {
      const key = `${el.localName} ${name}`;
      if (!el.hasAttribute(name) || warned.has(key)) continue;
      warned.add(key);
      console.warn(
        `<${el.localName}>: the ${name} attribute is not read: set the ${property} property (in Vue, .${property}="…").`,
      );
    }
  }
}

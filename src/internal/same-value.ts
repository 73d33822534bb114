/**
 * Whether two values of a property say the same: arrays and plain objects by content, anything
 * else (a function, a class instance, a primitive) by identity. A framework that writes
 * `scopes={['…']}` or `msalConfig={{…}}` in its render passes a new array or object each time;
 * taken for a change, it would undo the sign-in the section prepared, and the next Create would
 * have to ask for another click. Never throws: a getter that does makes the values differ.
 */
export function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  // (Deeper than any configuration, or a structure that holds itself: compared by identity.)
  if (depth > 16 || !isPlain(a) || !isPlain(b)) return false;
  try {
    if (Array.isArray(a) || Array.isArray(b)) {
      return (
        Array.isArray(a) &&
        Array.isArray(b) &&
        a.length === b.length &&
        a.every((x, i) => sameValue(x, b[i], depth + 1))
      );
    }
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k], depth + 1))
    );
  } catch {
    return false;
  }
}

/** An array, or an object made by `{…}` (or with no prototype). */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(v);
    return Array.isArray(v) || proto === Object.prototype || proto === null;
  } catch {
    return false; // (a revoked Proxy)
  }
}

/** Lit's `hasChanged` for a property compared by content (see sameValue). */
export const changedByContent = (value: unknown, old: unknown): boolean => !sameValue(value, old);

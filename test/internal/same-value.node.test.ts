// When a property set again counts as changed (scopes, msalConfig): by content for arrays and
// plain objects, so a framework's re-render with equal new values keeps the prepared sign-in.
import { describe, expect, it } from 'vitest';
import { changedByContent, sameValue } from '../../src/internal/same-value.js';

describe('sameValue', () => {
  it('compares arrays and plain objects by content, nested', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(
      sameValue({ auth: { knownAuthorities: ['x'] } }, { auth: { knownAuthorities: ['x'] } }),
    ).toBe(true);
    expect(
      sameValue({ auth: { knownAuthorities: ['x'] } }, { auth: { knownAuthorities: ['y'] } }),
    ).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
  });

  it('compares functions and class instances by identity', () => {
    const log = () => undefined;
    expect(
      sameValue({ system: { loggerCallback: log } }, { system: { loggerCallback: log } }),
    ).toBe(true);
    expect(
      sameValue(
        { system: { loggerCallback: log } },
        { system: { loggerCallback: () => undefined } },
      ),
    ).toBe(false);
    expect(sameValue(new URL('https://a.example'), new URL('https://a.example'))).toBe(false);
  });

  it('never throws nor hangs: a structure that holds itself, a revoked Proxy, a throwing getter', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    const b: Record<string, unknown> = {};
    b['self'] = b;
    expect(sameValue(a, b)).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(sameValue(proxy, {})).toBe(false);
    const throwing = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(sameValue(throwing, { x: 1 })).toBe(false);
  });

  it("is Lit's hasChanged: true only when the content differs", () => {
    expect(changedByContent(['s'], ['s'])).toBe(false);
    expect(changedByContent(['s'], ['t'])).toBe(true);
    expect(changedByContent(undefined, undefined)).toBe(false);
    expect(changedByContent({}, undefined)).toBe(true);
  });
});

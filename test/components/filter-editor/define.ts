// The package entry that defines the editor alone (`ucx-user-sync/filter-editor`).
import { UcxFilterEditor } from '../../../src/ucx-filter-editor.js';

export { UcxFilterEditor };

/** The editor's textarea. */
export function textareaOf(el: UcxFilterEditor): HTMLTextAreaElement {
  const ta = el.shadowRoot?.querySelector('textarea');
  if (!ta) throw new Error('no textarea');
  return ta;
}

/** Highlighted tokens as [kind, text] pairs, error-range pieces merged into their kind. */
export function highlighted(el: UcxFilterEditor): Array<[string, string]> {
  const spans = Array.from(
    el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="highlight"] span') ?? [],
  );
  return spans.map((s) => [s.dataset.kind ?? '', s.textContent ?? '']);
}

/** The text of the pieces underlined as the error. */
export function errorRangeText(el: UcxFilterEditor): string {
  const spans = Array.from(
    el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="error-range"]') ?? [],
  );
  return spans.map((s) => s.textContent ?? '').join('');
}

export function part(el: UcxFilterEditor, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

export function visibleText(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Presses key with a modifier held, as a person does (e.g. Control + z). */
export async function chord(modifier: 'Control' | 'Shift' | 'Alt', key: string): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: key });
  } finally {
    await sendKeys({ up: modifier });
  }
}

/** Ctrl+Z (the test machines run Linux). */
export function undo(): Promise<void> {
  return chord('Control', 'z');
}

// Mocha's globals, typed here because the project has no @types/mocha (tsconfig "types": ["node"]).
type TestFn = (this: unknown) => void | Promise<void>;
const g = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: TestFn) => void;
};
export const describe = g.describe;
export const it = g.it;

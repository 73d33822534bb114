// Benchmark page: per-keystroke cost of <ucx-filter-editor> on a 1 KB filter
// (validation through parseFilter + highlighting + error/summary render).
import '../../../src/ucx-filter-editor.js';
import { parseFilter } from '../../../src/filter/index.js';
import type { UcxFilterEditor } from '../../../src/index.js';

const departments = ['Sales', 'Marketing', 'R&D', 'Support', 'Finance', 'Legal', 'Operations'];
let filter = '(|';
for (let i = 0; filter.length < 1000; i++) {
  const d = departments[i % departments.length]!;
  filter += `(&(department=${d})(location=City${i})(!(email=*@temp.example)))`;
}
filter += ')';

const el = document.createElement('ucx-filter-editor') as UcxFilterEditor;
document.body.append(el);
el.value = filter;
await el.updateComplete;
const textarea = el.shadowRoot!.querySelector('textarea')!;
textarea.focus();

async function keystroke(char: string): Promise<number> {
  const at = Math.floor(textarea.value.length / 2);
  const t0 = performance.now();
  textarea.setRangeText(char, at, at, 'end');
  textarea.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: char }),
  );
  await el.updateComplete;
  void textarea.getBoundingClientRect(); // style and layout of the highlight
  return performance.now() - t0;
}

const samples: number[] = [];
for (let i = 0; i < 30; i++) await keystroke('x'); // warm-up
for (let i = 0; i < 200; i++) samples.push(await keystroke(i % 2 ? 'a' : 'b'));
samples.sort((a, b) => a - b);

// Validation alone, in the browser: what the editor runs on every input.
const validation: number[] = [];
for (let i = 0; i < 50; i++) parseFilter(textarea.value);
for (let round = 0; round < 21; round++) {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) parseFilter(textarea.value);
  validation.push((performance.now() - t0) / 100);
}
validation.sort((a, b) => a - b);

(window as unknown as { __result: unknown }).__result = {
  length: filter.length,
  median: samples[100],
  p95: samples[190],
  validation: validation[10],
};

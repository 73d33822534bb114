// Benchmark page: the real element, first render of the section.
import '../../../src/ucx-user-sync.js';

const t0 = performance.now();
const el = document.createElement('ucx-user-sync');
// `#slow`: the backend answers 150 ms late, as over a real network (test/bench/support/pages.ts).
el.setAttribute(
  'endpoint',
  `${location.hash === '#slow' ? '/slow' : ''}/api/user-sync/integrations`,
);
el.setAttribute('client-id', '00000000-0000-0000-0000-000000000000');
document.body.append(el);
await el.updateComplete;
// The section's shell (header, + Create, loading state) rendered, styled and laid
// out: reading a layout property forces style and layout now, so the figure is
// the work done, not a wait for the next frame (frames would quantize it).
void el.shadowRoot!.querySelector('section')!.getBoundingClientRect();
{
  const shell = performance.now() - t0;
  // Then the list, once GET {endpoint} has answered and rendered.
  const poll = () => {
    const rows = el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;
    if (rows > 0) {
      void el.shadowRoot!.querySelector('section')!.getBoundingClientRect();
      (window as unknown as { __result: unknown }).__result = {
        shell,
        list: performance.now() - t0,
      };
    } else requestAnimationFrame(poll);
  };
  poll();
}

import { expect } from '@open-wc/testing';
import { dialogParts, fillCreate, posts, waitFor } from '../user-sync/helpers.js';
import { graphControl, mountWithGraph, previewParts } from './helpers.js';

async function previewFails(spec: Parameters<typeof graphControl.failNext>[0]) {
  const m = await mountWithGraph();
  const p = await fillCreate(m, '(department=Sales)');
  await graphControl.failNext(spec);
  const pv = previewParts(m.create);
  pv.button.click();
  const error = await waitFor(() => pv.error(), 'the preview error');
  return { m, p, pv, error };
}

async function createStillWorks(
  m: Awaited<ReturnType<typeof mountWithGraph>>,
  p: ReturnType<typeof dialogParts>,
) {
  expect(p.submit.getAttribute('aria-disabled')).to.equal('false');
  p.submit.click();
  await waitFor(() => !p.dialog.open, 'the dialog to close');
  expect(await posts(m)).to.have.length(1);
  expect(m.consent.starts).to.equal(1);
}

describe('<ucx-user-sync> preview: Graph errors are explained and never block Create', () => {
  beforeEach(async () => {
    await graphControl.reset();
  });
  after(async () => {
    await graphControl.reset();
  });

  it('403: explains the missing User.Read.All consent; Create still works', async () => {
    const { m, p, pv, error } = await previewFails({
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('needs User.Read.All consent');
    expect(error.textContent).to.contain('Insufficient privileges to complete the operation.');
    expect(error.textContent).to.contain('Authorization_RequestDenied');
    expect(error.textContent).to.contain('Microsoft Graph said:');
    expect(error.textContent).to.contain('does not stop you from creating');
    expect(pv.table()).to.equal(null);
    await expect(m.el).to.be.accessible();
    await createStillWorks(m, p);
  });

  it('no answer at all: the browser’s reason, not put in Graph’s mouth; Create still works', async () => {
    const m = await mountWithGraph();
    m.el.graphBaseUrl = 'http://127.0.0.1:9/v1.0'; // nothing listens on the discard port
    await m.el.updateComplete;
    const p = await fillCreate(m, '(department=Sales)');
    const pv = previewParts(m.create);
    pv.button.click();
    const error = await waitFor(() => pv.error(), 'the preview error');
    expect(error.textContent).to.contain('Details:');
    expect(error.textContent).not.to.contain('Microsoft Graph said');
    await createStillWorks(m, p);
  });

  it('429: says when to try again (Retry-After); Create still works', async () => {
    const { m, p, error } = await previewFails({ status: 429, retryAfter: 30 });
    expect(error.textContent).to.contain('429');
    expect(error.textContent).to.contain('Try again in 30 seconds');
    expect(error.textContent).to.contain('TooManyRequests');
    await createStillWorks(m, p);
  });

  it('429 with a long Retry-After says it in the unit a person would (in 2 minutes)', async () => {
    const { error } = await previewFails({ status: 429, retryAfter: 90 });
    expect(error.textContent).to.contain('Try again in 2 minutes.');
  });

  it('429 with a short Retry-After is retried once on its own', async () => {
    const m = await mountWithGraph();
    await fillCreate(m, '(department=Sales)');
    await graphControl.failNext({ status: 429, retryAfter: 1 });
    const pv = previewParts(m.create);
    pv.button.click();
    await waitFor(() => pv.count()?.dataset.count, 'the count after the retry', 10000);
    expect(pv.error()).to.equal(null);
    const statuses = (await graphControl.requests()).map((r) => r.status);
    expect(statuses).to.deep.equal([429, 200]);
  });

  it('400 unsupported query: explained, Graph’s message as text, never as HTML; Create works', async () => {
    const { m, p, error } = await previewFails({
      status: 400,
      code: 'Request_UnsupportedQuery',
      message: 'Unsupported query. <img src=x onerror="window.__pwned=1"><b>bold</b>',
    });
    expect(error.textContent).to.contain('can’t run this query');
    expect(error.textContent).to.contain('<img src=x onerror="window.__pwned=1"><b>bold</b>');
    expect(error.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await createStillWorks(m, p);
  });

  it('edit: a Graph error never blocks Save', async () => {
    const { integration } = await import('../../fixture-server/fixture.js');
    const m = await mountWithGraph({ items: [integration({ filter: '(department=Sales)' })] });
    m.root.querySelector<HTMLElement>('tr[data-id="int-a"] .edit')!.click();
    const p = dialogParts(m.edit);
    await waitFor(() => p.dialog.open, 'the edit dialog');
    p.editor.value = '(department=Marketing)';
    p.editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await graphControl.failNext({ status: 403, times: 10 });
    const pv = previewParts(m.edit);
    pv.button.click();
    await waitFor(() => pv.error(), 'the preview error');
    p.submit.click();
    await waitFor(() => !p.dialog.open, 'the dialog to close');
    expect((await m.fx.log()).filter((r) => r.method === 'PATCH')).to.have.length(1);
  });
});

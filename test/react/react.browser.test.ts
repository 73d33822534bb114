// The React wrapper (ucx-user-sync/react) rendered by react-dom in the
// browser: props reach the elements as properties, and custom events reach
// the typed `on…` handlers.
import { expect } from '@open-wc/testing';
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { UcxFilterEditor, UcxUserSync } from '../../src/react/index.js';
import type { UcxUserSync as UcxUserSyncElement } from '../../src/components/user-sync/user-sync.js';
import type { UcxFilterEditor as UcxFilterEditorElement } from '../../src/components/filter-editor/filter-editor.js';
import type { UcxErrorEvent, UcxFilterChangeEvent } from '../../src/react/index.js';

async function waitFor<T>(check: () => T | null | undefined | false, what: string): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ucx-user-sync/react', () => {
  let host: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    host.remove();
  });

  it('passes attributes, object props and functions to <ucx-user-sync> and delivers ucx-error', async () => {
    const requests: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      requests.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ title: 'Boom', code: 'internal', requestId: 'req-1' }), {
        status: 500,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    };
    const errors: UcxErrorEvent[] = [];
    const scopes = ['https://graph.microsoft.com/User.Read.All'];
    flushSync(() =>
      root.render(
        React.createElement(UcxUserSync, {
          endpoint: '/api/react-test/integrations',
          clientId: 'client-from-react',
          supportUrl: 'https://support.example.com/',
          scopes,
          fetch: fakeFetch,
          timeout: 2000,
          onUcxError: (e) => errors.push(e),
        }),
      ),
    );
    const el = host.querySelector('ucx-user-sync') as UcxUserSyncElement;
    expect(el).to.exist;
    expect(el.endpoint).to.equal('/api/react-test/integrations');
    expect(el.clientId).to.equal('client-from-react');
    expect(el.supportUrl).to.equal('https://support.example.com/');
    expect(el.scopes).to.equal(scopes);
    expect(el.fetch).to.equal(fakeFetch);
    expect(el.timeout).to.equal(2000);

    await waitFor(() => errors.length > 0, 'the ucx-error handler');
    expect(requests[0]).to.contain('/api/react-test/integrations');
    expect(errors[0]!.detail.stage).to.equal('load');
    expect(errors[0]!.detail.status).to.equal(500);
    expect(errors[0]!.detail.requestId).to.equal('req-1');
  });

  it('delivers ucx-integration-created to onIntegrationCreated and updates props on re-render', async () => {
    const created: unknown[] = [];
    const onIntegrationCreated = (e: Event) => created.push((e as CustomEvent).detail);
    const fetchEmpty: typeof fetch = async () =>
      new Response(JSON.stringify({ items: [] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    const render = (vendorName: string) =>
      flushSync(() =>
        root.render(
          React.createElement(UcxUserSync, {
            endpoint: '/api/x',
            vendorName,
            fetch: fetchEmpty,
            onIntegrationCreated,
          }),
        ),
      );
    render('Vendor A');
    const el = host.querySelector('ucx-user-sync') as UcxUserSyncElement;
    expect(el.vendorName).to.equal('Vendor A');
    render('Vendor B');
    expect(host.querySelector('ucx-user-sync')).to.equal(el);
    expect(el.vendorName).to.equal('Vendor B');

    // The element dispatches the event itself after a create; here we check
    // the React side of the wiring with the same event class the element uses.
    const { UcxIntegrationCreatedEvent } = await import('../../src/events/integration-created.js');
    const integration = {
      id: 'i1',
      source: 'entra-id',
      displayName: 'Contoso',
      filter: null,
      status: 'active',
      managedBy: 'customer',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    } as const;
    el.dispatchEvent(new UcxIntegrationCreatedEvent({ integration }));
    expect(created).to.deep.equal([{ integration }]);
  });

  it('renders <ucx-filter-editor> and delivers ucx-filter-change from a real edit', async () => {
    const changes: UcxFilterChangeEvent[] = [];
    flushSync(() =>
      root.render(
        React.createElement(UcxFilterEditor, {
          value: '(department=Sales)',
          mode: 'text',
          name: 'filter',
          onFilterChange: (e) => changes.push(e),
        }),
      ),
    );
    const editor = host.querySelector('ucx-filter-editor') as UcxFilterEditorElement;
    expect(editor.value).to.equal('(department=Sales)');
    expect(editor.mode).to.equal('text');
    expect(editor.name).to.equal('filter');
    await editor.updateComplete;
    expect(editor.getAttribute('name')).to.equal('filter');
    // Format is an admin action: it emits ucx-filter-change.
    const wide = '(&(department=Sales)(location=NYC))';
    flushSync(() =>
      root.render(
        React.createElement(UcxFilterEditor, {
          value: wide,
          onFilterChange: (e) => changes.push(e),
        }),
      ),
    );
    await editor.updateComplete;
    expect(editor.format()).to.equal(true);
    await waitFor(() => changes.length > 0, 'the onFilterChange handler');
    expect(changes.at(-1)!.detail.valid).to.equal(true);
    expect(changes.at(-1)!.detail.canonical).to.equal(wide);
  });

  it('in a form: reset returns to the value it was rendered with; defaultValue alone starts it', async () => {
    // The wrapper sets properties just after adding the element: the reset value is the first
    // rendered one, not the empty one it was connected with.
    flushSync(() =>
      root.render(
        React.createElement(
          'form',
          null,
          React.createElement(UcxFilterEditor, { name: 'a', value: '(department=Sales)' }),
          React.createElement(UcxFilterEditor, { name: 'b', defaultValue: '(location=NYC)' }),
        ),
      ),
    );
    const form = host.querySelector('form')!;
    const [a, b] = [...host.querySelectorAll('ucx-filter-editor')] as UcxFilterEditorElement[];
    await a!.updateComplete;
    await b!.updateComplete;
    // An uncontrolled editor shows its defaultValue, as a textarea does.
    expect(b!.value).to.equal('(location=NYC)');
    expect(new FormData(form).get('b')).to.equal('(location=NYC)');
    a!.value = '(department=Sales)x';
    b!.value = '';
    form.reset();
    expect(a!.value).to.equal('(department=Sales)');
    expect(b!.value).to.equal('(location=NYC)');
    expect(new FormData(form).get('a')).to.equal('(department=Sales)');
    expect(form.checkValidity()).to.equal(true);
  });
});

import { expectAccessible } from '../../support/a11y.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { integration, vendorWebex } from '../../fixture-server/fixture.js';
import { $, deepText, dialogParts, mount, waitFor } from './helpers.js';
import { DEFAULT_SUPPORT_URL } from '../../../src/index.js';

describe('<ucx-user-sync> section', () => {
  it('shows a loading state with a status message, then the list', async () => {
    // (Slow enough that axe, on a busy machine, still sees the loading state; not so slow
    // that the line says the server is: a third of the timeout.)
    const m = await mount(
      { items: [integration()], faults: [{ method: 'GET', delayMs: 1500 }] },
      { wait: false, timeout: 10_000 },
    );
    // The live region is in the page first, empty; "Loading…" goes in a frame later, so
    // screen readers announce it (a region born with its text is often not read).
    const status = $(m.root, '[role="status"]');
    expect(status.textContent?.trim(), 'empty at first render').to.equal('');
    await waitFor(() => m.root.querySelector('[part="loading"]'), 'the skeleton');
    await waitFor(() => status.textContent?.includes('Loading integrations…'), 'the status');
    expect(status.getBoundingClientRect().height).to.be.greaterThan(10);
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('true');
    // Unavailable, and saying why.
    const reason = () =>
      m.root.getElementById($(m.root, '.create').getAttribute('aria-describedby')!);
    expect(reason()?.textContent).to.contain('Loading integrations…');
    await expectAccessible(m.el);
    expect(m.root.querySelector('[part="loading"]'), 'still loading after axe').to.exist;
    await waitFor(() => m.root.querySelector('table'), 'the list');
    expect(status.textContent?.trim()).to.equal('');
    // With nothing to say, the status line (still a live region) leaves no blank row: the
    // list follows the header at the grid's gap.
    const gap = parseFloat(getComputedStyle($(m.root, 'section')).rowGap);
    const header = $(m.root, '[part="header"]').getBoundingClientRect();
    const list = $(m.root, '.table-wrap').getBoundingClientRect();
    expect(list.top - header.bottom).to.be.closeTo(gap, 1);
  });

  it('says when the list is slow to come, after a third of the timeout (10 s by default)', async () => {
    // (timeout 3000: the line changes after 1 s; the list comes after 2 s.)
    const m = await mount(
      { items: [integration()], faults: [{ method: 'GET', delayMs: 2000 }] },
      { wait: false, timeout: 3000 },
    );
    const status = $(m.root, '[role="status"]');
    await waitFor(() => status.textContent?.includes('Loading integrations…'), 'the status');
    const started = performance.now();
    await waitFor(
      () =>
        status.textContent?.includes('Still loading integrations… The server is slow to answer.'),
      'the slow line',
    );
    expect(performance.now() - started).to.be.above(300);
    expect(m.root.querySelector('[part="loading"]'), 'still loading').to.exist;
    await waitFor(() => m.root.querySelector('table'), 'the list');
    // Said to be slow, the load says when it is over (emptied, the line left them waiting).
    expect(status.textContent?.trim()).to.equal('Integrations loaded: 1.');
  });

  it('styles the list, the empty state and a load error, though the first render carries only the shell’s rules', async () => {
    const cssOf = (root: ShadowRoot) =>
      root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    const m = await mount(
      { items: [integration()], faults: [{ method: 'GET', delayMs: 600 }] },
      { wait: false },
    );
    await waitFor(() => m.root.querySelector('[part="loading"]'), 'the skeleton');
    const shell = cssOf(m.root as ShadowRoot);
    expect(shell).to.contain('.skeleton');
    expect(shell).to.not.contain('.table-wrap');
    await waitFor(() => m.root.querySelector('table'), 'the list');
    expect(getComputedStyle($(m.root, 'table')).borderCollapse).to.equal('collapse');
    expect(getComputedStyle($(m.root, '.badge')).borderTopLeftRadius).to.equal('999px');
    // The list ends the section: no empty grid rows (the dialogs' hosts) under it.
    await waitFor(() => m.root.querySelector('ucx-create-dialog'), 'the dialogs');
    const section = $(m.root, 'section');
    const below =
      section.getBoundingClientRect().bottom -
      $(m.root, '.table-wrap').getBoundingClientRect().bottom;
    const style = getComputedStyle(section);
    expect(below).to.be.closeTo(
      parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth),
      1,
    );

    const empty = await mount({ items: [] });
    expect(getComputedStyle($(empty.root, '[part="empty"]')).borderTopStyle).to.equal('dashed');
    const failed = await mount({
      faults: [{ method: 'GET', problem: { status: 503, title: 'Unavailable', code: 'down' } }],
    });
    expect(getComputedStyle($(failed.root, '[part="load-error"]')).borderTopStyle).to.equal(
      'solid',
    );
  });

  it('lists integrations: source, name, tenant, filter, status, managed by, dates', async () => {
    const m = await mount({
      items: [
        integration(),
        integration({
          id: 'int-b',
          displayName: 'Entra ID — fabrikam.com',
          filter: null,
          status: 'error',
          statusMessage: 'Consent was revoked.',
          lastSyncAt: undefined,
        }),
      ],
    });
    const rows = m.root.querySelectorAll('tr[part="row"]');
    expect(rows).to.have.length(2);
    const first = deepText(rows[0]!);
    expect(first).to.contain('Microsoft Entra ID');
    expect(first).to.contain('Entra ID — contoso.com');
    expect(first).to.contain('11111111-2222-3333-4444-555555555555');
    expect(first).to.contain('(department=Sales)');
    expect(first).to.contain('Active');
    expect(first).to.contain('Synchronized 42 users.');
    expect(first).to.contain('Managed by your organization');
    expect(first).to.contain('2024');
    expect(rows[0]!.querySelector('svg')).to.exist;
    const second = deepText(rows[1]!);
    expect(second).to.contain('All users');
    expect(second).to.contain('Error');
    expect(second).to.contain('Consent was revoked.');
    expect(second).to.contain('Never');
    expect(rows[0]!.querySelector('.edit')).to.exist;
    expect(rows[0]!.querySelector('.delete')).to.exist;
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('false');
    await expectAccessible(m.el);
  });

  it('in a narrow column (a phone), shows each row as a card: nothing scrolls sideways, Edit and Delete in view', async () => {
    const m = await mount({ items: [integration(), integration({ id: 'int-b' })] });
    const row = m.root.querySelector<HTMLElement>('tr[part="row"]')!;
    const wrap = $(m.root, '.table-wrap');
    m.el.style.inlineSize = '1000px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(getComputedStyle(row).display, 'wide: a table row').to.equal('table-row');

    m.el.style.inlineSize = '360px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(getComputedStyle(row).display).to.equal('block');
    expect(wrap.scrollWidth, 'no sideways scroll').to.be.at.most(wrap.clientWidth + 1);
    const box = $(m.root, '.base').getBoundingClientRect();
    for (const button of row.querySelectorAll<HTMLElement>('.edit, .delete')) {
      const b = button.getBoundingClientRect();
      expect(b.right <= box.right && b.left >= box.left, `${button.textContent} in view`).to.equal(
        true,
      );
    }
    // The column names over their cells (the header row is still there for screen readers).
    const status = row.querySelector<HTMLElement>('td.status')!;
    expect(status.dataset.label).to.equal('Status');
    expect(getComputedStyle(status, '::before').display).to.equal('block');
    expect(m.root.querySelector('thead')!.getBoundingClientRect().height).to.be.at.most(1);
    expect(row.getAttribute('role')).to.equal('row');
    await expectAccessible(m.el);
    m.el.style.inlineSize = '';
  });

  it('at every width, as a table or as cards, nothing is cut off: Edit and Delete stay in view', async () => {
    // Rows like the demo's: a long domain, a two-clause filter, a long status message.
    const m = await mount({
      items: [
        integration({
          displayName: 'Entra ID — fabrikam.onmicrosoft.com',
          filter: '(|(department=Marketing)(email=*@fabrikam.com))',
          status: 'error',
          statusMessage:
            'Microsoft Graph answered 403 Forbidden: the admin consent was revoked. Grant consent again to resume synchronization.',
        }),
        vendorWebex({ status: 'disabled' }),
      ],
    });
    const wrap = $(m.root, '.table-wrap');
    const row = $(m.root, 'tr[data-id="int-a"]');
    /** Whether a piece of text inside el (between spaces or break points) is split over lines. */
    const splitMidWord = (el: Element) =>
      [...el.childNodes].some((node) => {
        if (node.nodeType !== Node.TEXT_NODE) return false;
        const text = node.textContent!;
        const range = document.createRange();
        // The word the piece ends with (a piece is text up to a break point, spaces aside).
        range.setStart(node, text.trimEnd().lastIndexOf(' ') + 1);
        range.setEnd(node, text.trimEnd().length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      });
    for (let width = 320; width <= 1200; width += 40) {
      m.el.style.inlineSize = `${width}px`;
      await new Promise((r) => requestAnimationFrame(r));
      expect(wrap.scrollWidth, `${width}px: no sideways scroll`).to.be.at.most(
        wrap.clientWidth + 1,
      );
      // A domain is not split mid-word (fabrikam.onmicrosof|t.com), nor a tenant id inside
      // one of its groups: they wrap after a . or a -.
      expect(splitMidWord(row.querySelector('.name')!), `${width}px: name`).to.equal(false);
      expect(splitMidWord(row.querySelector('.sub code')!), `${width}px: tenant`).to.equal(false);
      // As cards, the filter takes the card's whole width, as the other cells do.
      if (getComputedStyle(row).display === 'block') {
        const filter = row.querySelector<HTMLElement>('td.filter')!;
        expect(filter.offsetWidth, `${width}px: filter width`).to.be.at.least(row.clientWidth - 2);
      }
      const box = wrap.getBoundingClientRect();
      for (const button of m.root.querySelectorAll<HTMLElement>('.edit, .delete')) {
        const b = button.getBoundingClientRect();
        expect(
          b.right <= box.right + 1 && b.left >= box.left - 1,
          `${width}px: ${button.textContent?.trim()}`,
        ).to.equal(true);
      }
    }
    m.el.style.inlineSize = '';
  });

  it('long unbroken names, ids, messages and filter values wrap: the table stays in the section', async () => {
    const m = await mount({
      items: [
        integration({
          displayName: `Entra ID — ${'x'.repeat(90)}`,
          tenantId: 'a'.repeat(96),
          statusMessage: `Graph said: see https://login.microsoftonline.com/common/oauth2/v2.0/authorize?${'q'.repeat(200)}`,
          filter: `(email=${'u'.repeat(164)}@example.com)`,
        }),
        integration({ id: 'int-b', source: 'a-very-long-source-identifier-of-some-directory' }),
      ],
    });
    m.el.style.inlineSize = '1200px';
    await new Promise((r) => requestAnimationFrame(r));
    const wrap = $(m.root, '.table-wrap');
    expect(wrap.scrollWidth, 'no sideways scroll').to.be.at.most(wrap.clientWidth + 1);
    const box = wrap.getBoundingClientRect();
    for (const button of m.root.querySelectorAll<HTMLElement>('.edit, .delete')) {
      expect(button.getBoundingClientRect().right).to.be.at.most(box.right + 1);
    }
    m.el.style.inlineSize = '360px'; // cards
    await new Promise((r) => requestAnimationFrame(r));
    expect(wrap.scrollWidth, 'no sideways scroll as cards').to.be.at.most(wrap.clientWidth + 1);
    m.el.style.inlineSize = '';
  });

  it('a megabyte of name or status from the server is cut short, not laid out whole', async () => {
    const m = await mount({
      items: [
        integration({ displayName: 'A'.repeat(1_000_000), statusMessage: 'B'.repeat(1_000_000) }),
      ],
    });
    const name = $(m.root, 'tr[data-id="int-a"] .name');
    expect(name.textContent!.length).to.be.below(1100);
    expect(name.textContent!.trim().endsWith('…')).to.equal(true);
    expect($(m.root, 'tr[data-id="int-a"]').textContent!.length).to.be.below(5000);
  });

  it('a filter over several lines breaks between its conditions, not inside one', async () => {
    // Values with spaces, where a line could also break (and did, inside a condition).
    const conditions = Array.from(
      { length: 12 },
      (_, i) => `(department=Sales and Marketing ${i + 1})`,
    );
    const filter = `(|${conditions.join('')})`;
    const m = await mount({ items: [integration({ filter })] });
    /** The lines a stretch of the code's text takes (the distinct tops of its boxes). */
    const linesOf = (code: HTMLElement, from: number, to: number) => {
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const end = at + n.data.length;
        if (from >= at && from <= end) range.setStart(n, from - at);
        if (to >= at && to <= end) range.setEnd(n, to - at);
        at = end;
      }
      const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      return new Set(boxes.map((r) => Math.round(r.top))).size;
    };
    let checked = 0;
    for (const width of ['1200px', '1000px', '900px', '800px', '360px', '320px']) {
      m.el.style.inlineSize = width;
      await new Promise((r) => requestAnimationFrame(r));
      const code = $(m.root, 'td.filter code');
      expect(code.textContent).to.equal(filter); // (copied as it is)
      expect(linesOf(code, 0, filter.length), `several lines at ${width}`).to.be.greaterThan(1);
      // Each condition that fits on a line is on one line: none is split where the line ran
      // out (the first, with the "(|" before it, may not fit on a narrow one).
      const fits = (text: string) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'white-space: nowrap; display: inline; max-inline-size: none';
        probe.textContent = text;
        code.append(probe);
        const wide = probe.getBoundingClientRect().width;
        probe.remove();
        return wide <= code.clientWidth;
      };
      for (const condition of conditions) {
        const from = filter.indexOf(condition);
        if (!fits(filter.slice(from === 2 ? 0 : from, from + condition.length))) continue;
        checked++;
        expect(linesOf(code, from, from + condition.length), `${condition} at ${width}`).to.equal(
          1,
        );
      }
    }
    expect(checked, 'conditions that fit on a line').to.be.greaterThan(10);
    m.el.style.inlineSize = '';
  });

  it("shows a server's right-to-left texts in their own direction, aligned as the row is", async () => {
    const m = await mount({
      items: [integration({ displayName: 'شركة مصر!', statusMessage: 'הסנכרון נכשל (קוד 5).' })],
    });
    const row = $(m.root, 'tr[data-id="int-a"]');
    const name = $(row, '.name');
    const message = [...row.querySelectorAll<HTMLElement>('.status .sub')].find((e) =>
      e.textContent!.includes('קוד'),
    )!;
    for (const text of [name, message]) {
      // Its own direction: the "!" and the parentheses read as the writer meant them...
      expect(getComputedStyle(text.querySelector('bdi')!).direction).to.equal('rtl');
      // ...at the start of its cell, where the row's other texts are: the words begin at the
      // left of their box (its own start would put them at the right).
      const words = document.createRange();
      words.selectNodeContents(text);
      const box = text.getBoundingClientRect();
      expect(words.getBoundingClientRect().left - box.left).to.be.below(2);
      expect(box.width - words.getBoundingClientRect().width).to.be.above(20); // (room to move)
    }
    expect(name.textContent).to.contain('شركة مصر!');
  });

  it('a very long filter scrolls in its own box, which the keyboard reaches; its summary is cut short', async () => {
    const members = Array.from({ length: 300 }, (_, i) => `(department=Department ${i})`);
    const m = await mount({
      items: [integration({ filter: `(|${members.join('')})` }), integration({ id: 'int-b' })],
    });
    const long = $(m.root, 'tr[data-id="int-a"]');
    const code = long.querySelector<HTMLElement>('td.filter code')!;
    expect(long.getBoundingClientRect().height).to.be.lessThan(innerHeight);
    expect(code.scrollHeight).to.be.greaterThan(code.clientHeight * 3);
    expect(code.tabIndex).to.equal(0);
    const summary = long.querySelector<HTMLElement>('td.filter .sub')!;
    expect(summary.scrollHeight).to.be.greaterThan(summary.clientHeight);
    // A short filter is neither: no extra tab stop.
    expect($(m.root, 'tr[data-id="int-b"] td.filter code').hasAttribute('tabindex')).to.equal(
      false,
    );
    await expectAccessible(m.el);
  });

  it('tells apart the actions of rows that share a name (a screen reader reads a button alone)', async () => {
    const m = await mount({
      items: [
        integration({ id: 'a', displayName: 'Sales' }),
        integration({
          id: 'b',
          displayName: 'Sales',
          tenantId: '99999999-0000-0000-0000-000000000000',
        }),
        integration({ id: 'c', displayName: 'Sales', tenantId: undefined }),
        integration({ id: 'd', displayName: 'Marketing' }),
      ],
    });
    const label = (id: string, action: string) =>
      $(m.root, `tr[data-id="${id}"] .${action}`).getAttribute('aria-label');
    expect(label('a', 'edit')).to.equal(
      'Edit filters of Sales (11111111-2222-3333-4444-555555555555)',
    );
    expect(label('b', 'delete')).to.equal('Delete Sales (99999999-0000-0000-0000-000000000000)');
    expect(label('c', 'edit')).to.equal('Edit filters of Sales (3)');
    expect(label('d', 'delete')).to.equal('Delete Marketing');
  });

  it('shows a date the browser cannot read as it came, not as "Never"', async () => {
    const m = await mount({
      items: [integration({ lastSyncAt: '2016-12-31T23:59:60Z', createdAt: 'yesterday' })],
    });
    const activity = $(m.root, 'tr[data-id="int-a"] td.activity').textContent!;
    expect(activity).to.contain('2016-12-31T23:59:60Z');
    expect(activity).not.to.contain('Never');
    expect(activity).to.contain('yesterday');
  });

  it("marks a row's Delete with the danger colour, which a host's theme sets", async () => {
    const m = await mount({ items: [integration()] });
    const edit = $(m.root, 'tr[data-id="int-a"] .edit');
    const del = $(m.root, 'tr[data-id="int-a"] .delete');
    expect(getComputedStyle(del).color).not.to.equal(getComputedStyle(edit).color);
    m.el.style.setProperty('--ucx-color-danger', 'rgb(200, 0, 0)');
    expect(getComputedStyle(del).color).to.equal('rgb(200, 0, 0)');
  });

  it('explains what the section is for when there are no integrations', async () => {
    const m = await mount({ items: [] });
    const empty = $(m.root, '[part="empty"]');
    expect(empty.textContent).to.contain('Import users from Microsoft Entra ID');
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('false');
    await expectAccessible(m.el);
  });

  it('shows a load error with the request id and retries', async () => {
    const events: CustomEvent[] = [];
    const m = await mount({
      items: [integration()],
      faults: [{ method: 'GET', problem: { status: 503, title: 'Unavailable', code: 'down' } }],
    });
    m.el.addEventListener('ucx-error', (e) => events.push(e));
    const error = $(m.root, '[part="load-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    const create = $(m.root, '.create');
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    // Create says why it is unavailable in a sentence, not with the whole alert (the server's
    // text, the request id and Retry read out on a button).
    const reason = m.root.getElementById(create.getAttribute('aria-describedby')!)!;
    expect(error.contains(reason)).to.equal(true);
    expect(reason.textContent?.trim()).to.equal('The integrations could not be loaded');
    expect(error.textContent).to.contain('HTTP 503');
    expect(error.textContent).to.match(/Request id:\s*fx-\d+/);
    await expectAccessible(m.el);
    $(m.root, '.retry').click();
    await waitFor(() => m.root.querySelector('table'), 'the list after retry');
    expect(m.root.querySelector('[part="load-error"]')).to.equal(null);
  });

  it('after a Retry that fails again, focus is back on Retry; after one that loads, on the title', async () => {
    const down = {
      method: 'GET' as const,
      problem: { status: 503, title: 'Unavailable', code: 'down' },
    };
    const m = await mount({ items: [integration()], faults: [down, down] });
    const name = (node: Element | null | undefined) =>
      node ? `${node.localName}.${[...node.classList].join('.')}` : 'nothing';
    const first = $(m.root, '.retry');
    first.focus();
    await sendKeys({ press: 'Enter' }); // (a keyboard user's Retry)
    // The error box is made again: wait for the new one, and for focus to settle.
    await waitFor(
      () => m.root.querySelector('.retry') && m.root.querySelector('.retry') !== first,
      'the second failure',
    );
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(name(m.root.activeElement)).to.equal('button.btn.retry');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => m.root.querySelector('table'), 'the list');
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(name(m.root.activeElement)).to.equal(name(m.root.querySelector('.title')));
    // The Retry that worked is said, as the one that failed was (its alert).
    expect($(m.root, '[role="status"]').textContent?.trim()).to.equal('Integrations loaded: 1.');
  });

  it('a Retry that ends after the admin went elsewhere leaves focus where the admin is', async () => {
    const down = {
      method: 'GET' as const,
      problem: { status: 503, title: 'Unavailable', code: 'down' },
    };
    const m = await mount({ items: [integration()], faults: [down, { ...down, delayMs: 600 }] });
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Somewhere else on the page';
    document.body.append(elsewhere);
    try {
      const first = $(m.root, '.retry');
      first.focus();
      await sendKeys({ press: 'Enter' });
      elsewhere.focus(); // while the list loads again
      await waitFor(
        () => m.root.querySelector('.retry') && m.root.querySelector('.retry') !== first,
        'the second failure',
      );
      await m.el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(document.activeElement === elsewhere, 'focus stayed on the page’s button').to.equal(
        true,
      );
    } finally {
      elsewhere.remove();
    }
  });

  it('treats an HTML page answered with 200 as a load failure', async () => {
    const m = await mount({
      faults: [{ method: 'GET', status: 200, raw: '<!doctype html><p>Sign in</p>' }],
    });
    const text = $(m.root, '[part="load-error"]').textContent!;
    expect(text).to.contain('can’t read');
    // Loading changes nothing, so nothing "may not have been saved".
    expect(text).not.to.contain('saved');
    expect(m.root.querySelector('[part="empty"]')).to.equal(null);
  });

  it('reports a load failure with ucx-error (stage load)', async () => {
    let detail: unknown;
    document.addEventListener('ucx-error', (e) => (detail = e.detail), { once: true });
    await mount({ faults: [{ method: 'GET', drop: true, times: 50 }] });
    expect(detail).to.include({ stage: 'load', code: 'network' });
  });

  it('refresh() reloads the list and never throws', async () => {
    const m = await mount({ items: [] });
    await m.fx.faults([]);
    await m.fx.setItems([integration()]);
    await m.el.refresh();
    await waitFor(() => m.root.querySelector('table'), 'the refreshed list');
    const bad = document.createElement('ucx-user-sync');
    document.body.append(bad);
    await bad.refresh();
    expect(await bad.openCreateDialog()).to.equal(false);
    bad.remove();
  });

  it('names the vendor lock, keeps that row read-only and refuses Create', async () => {
    const m = await mount({ items: [vendorWebex(), integration()] });
    const create = $(m.root, '.create');
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    const reason = $(m.root, '#lock-reason');
    expect(create.getAttribute('aria-describedby')).to.equal('lock-reason');
    expect(reason.textContent).to.contain(
      'Users’ synchronization is managed by Imagicle Support: only they can add integrations.',
    );
    const link = reason.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://support.example.com/contact');
    const vendorRow = m.root.querySelector('tr[data-id="int-webex"]')!;
    expect(vendorRow.textContent).to.contain('Managed by Imagicle Support');
    expect(vendorRow.querySelector('button')).to.equal(null);
    expect(vendorRow.querySelector('a')?.getAttribute('href')).to.equal(
      'https://support.example.com/contact',
    );
    create.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(m.create.open).to.equal(false);
    expect(await m.el.openCreateDialog()).to.equal(false);
    expect(m.create.open).to.equal(false);
    await expectAccessible(m.el);
    const log = await m.fx.log();
    expect(log.filter((r) => r.method !== 'GET')).to.deep.equal([]);
  });

  it('uses a configured vendor name', async () => {
    const m = await mount({ items: [vendorWebex()] });
    m.el.vendorName = 'Acme Care';
    await m.el.updateComplete;
    expect($(m.root, '#lock-reason').textContent).to.contain('managed by Acme Care');
    expect(m.root.querySelector('tr[data-id="int-webex"]')!.textContent).to.contain(
      'Managed by Acme Care',
    );
  });

  it("links the vendor's site when the host sets no support-url (and nothing for another vendor)", async () => {
    const m = await mount({ items: [vendorWebex()] }, { supportUrl: '' });
    const links = () =>
      [$(m.root, '#lock-reason'), m.root.querySelector('tr[data-id="int-webex"]')!].map((e) =>
        e.querySelector('a')?.getAttribute('href'),
      );
    expect(links()).to.deep.equal([DEFAULT_SUPPORT_URL, DEFAULT_SUPPORT_URL]);
    expect(DEFAULT_SUPPORT_URL).to.match(/^https:\/\/www\.imagicle\.com\//);
    m.el.vendorName = 'Acme Care'; // Imagicle's site is no contact for another vendor
    await m.el.updateComplete;
    expect(links()).to.deep.equal([undefined, undefined]);
  });

  it('does not lock for an inactive or customer-managed Webex integration', async () => {
    const m = await mount({
      items: [
        vendorWebex({ status: 'disabled' }),
        vendorWebex({ id: 'w2', managedBy: 'customer' }),
      ],
    });
    expect($(m.root, '.create').getAttribute('aria-disabled')).to.equal('false');
    expect(m.root.querySelector('#lock-reason')).to.equal(null);
    // The vendor row stays read-only even when it does not lock the section.
    expect(m.root.querySelector('tr[data-id="int-webex"] button')).to.equal(null);
  });

  it('reads the list again while an integration is pending, until it has settled, and says so', async () => {
    const pending = integration({
      status: 'pending',
      statusMessage: 'First synchronization running.',
    });
    const m = await mount({ items: [pending] });
    const gets = async () => (await m.fx.log()).filter((r) => r.method === 'GET').length;
    expect(await gets()).to.equal(1);
    // The backend's next answer: the first synchronization is done.
    await m.fx.faults([
      {
        method: 'GET',
        status: 200,
        body: {
          items: [
            {
              ...pending,
              status: 'active',
              statusMessage: 'First synchronization completed: 12 users.',
            },
          ],
        },
      },
    ]);
    await waitFor(
      () => deepText(m.root.querySelector('[part~="row"]')!).includes('Active'),
      'the row to become Active, without a reload',
      9000,
    );
    expect(deepText($(m.root, '[role="status"]'))).to.contain(
      '“Entra ID — contoso.com” status: Active.',
    );
    expect(await gets()).to.equal(2);
    // Nothing pending any more: no further reads.
    await new Promise((r) => setTimeout(r, 3500));
    expect(await gets()).to.equal(2);
  });

  it('a background read sent before a delete does not bring the deleted row back', async () => {
    const a = integration({ status: 'pending' });
    const b = integration({ id: 'int-b', displayName: 'Entra ID — fabrikam.com' });
    const m = await mount({ items: [a, b] });
    // The poll's read (after 3 s) answers late, with the list as it was when it was sent.
    await m.fx.faults([{ method: 'GET', delayMs: 2500, status: 200, body: { items: [a, b] } }]);
    await new Promise((r) => setTimeout(r, 3400));
    $(m.root, 'tr[data-id="int-b"] .delete').click();
    const p = dialogParts(m.confirm);
    await waitFor(() => p.dialog.open, 'the confirmation');
    p.submit.click();
    await waitFor(() => !m.root.querySelector('tr[data-id="int-b"]'), 'row removed');
    // Past the late answer: the row stays gone.
    await new Promise((r) => setTimeout(r, 2800));
    expect(m.root.querySelector('tr[data-id="int-b"]')).to.equal(null);
    expect(m.root.querySelector('tr[data-id="int-a"]')).to.exist;
  });
});

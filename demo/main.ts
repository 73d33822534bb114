// The demo host page: configures <ucx-user-sync> from /demo/config.json (served
// by the dev stack, so the same page can point at the local identity provider
// or at a real Entra tenant), shows the events the host receives, and drives
// the reference backend's vendor-lock switch. No innerHTML anywhere: the page
// runs under Trusted Types.
import '../src/ucx-user-sync.js';
import type { UcxUserSync } from '../src/index.js';
import type { DemoConfig } from './server/dev/config.js';

const HOST_EVENTS = [
  'ucx-integration-created',
  'ucx-integration-updated',
  'ucx-integration-deleted',
  'ucx-consent-granted',
  'ucx-before-create',
  'ucx-error',
] as const;

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Event details can hold an ID token: the panel shows that it is there, not what it is. */
function redact(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, v) =>
      key === 'idToken' && typeof v === 'string' ? `‹${v.length} characters›` : v,
    ),
  );
}

function logEvent(event: Event): void {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  const detail = document.createElement('pre');
  detail.textContent = JSON.stringify(redact((event as CustomEvent).detail), null, 2);
  item.append(name, detail);
  byId('events').prepend(item);
}

const englishTexts = new Map<Element, string>();
const englishTitle = document.title;

/** The host page's own texts in Italian (their `data-it`) or back in English. */
function translateHostPage(italian: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-it]')) {
    if (!englishTexts.has(el)) englishTexts.set(el, el.textContent ?? '');
    el.textContent = italian ? el.dataset['it']! : englishTexts.get(el)!;
  }
  document.title = italian ? 'Integrazioni · Acme UC Admin (demo di ucx-user-sync)' : englishTitle;
}

async function main(): Promise<void> {
  const config = (await (await fetch('/demo/config.json')).json()) as DemoConfig;
  const element = document.createElement('ucx-user-sync') as UcxUserSync;
  element.setAttribute('endpoint', config.endpoint);
  element.setAttribute('client-id', config.clientId);
  element.setAttribute('authority', config.authority);
  element.setAttribute('redirect-uri', config.redirectUri);
  element.setAttribute('support-url', config.supportUrl);
  if (config.graphBaseUrl) element.setAttribute('graph-base-url', config.graphBaseUrl);
  if (config.msalConfig) element.msalConfig = config.msalConfig;
  for (const type of HOST_EVENTS) element.addEventListener(type, logEvent);
  byId('element-slot').append(element);

  if (config.hint) byId('idp-hint').textContent = config.hint;
  byId('clear-events').addEventListener('click', () => byId('events').replaceChildren());

  const lang = byId<HTMLInputElement>('lang-it');
  lang.addEventListener('change', () => {
    // The whole console changes language, as a host's would: its own texts (data-it) and the
    // element, which follows the page's lang. The demo controls keep lang="en".
    document.documentElement.lang = lang.checked ? 'it' : 'en';
    translateHostPage(lang.checked);
  });

  const lock = byId<HTMLInputElement>('vendor-lock');
  if (!config.vendorLockUrl) {
    lock.disabled = true;
  } else {
    const state = (await (await fetch(config.vendorLockUrl)).json().catch(() => null)) as {
      active?: boolean;
    } | null;
    lock.checked = Boolean(state?.active);
    // Busy while saving, but not disabled: disabling the focused box would drop keyboard
    // focus to the page's body. A change made meanwhile is sent after this one.
    let saving = Promise.resolve();
    let queued = 0;
    lock.addEventListener('change', () => {
      const active = lock.checked;
      queued++;
      lock.setAttribute('aria-busy', 'true');
      saving = saving
        .then(async () => {
          await fetch(config.vendorLockUrl!, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ active }),
          });
          await element.refresh();
        })
        .catch(() => undefined) // (a failed save must not stop the next ones)
        .finally(() => {
          if (--queued === 0) lock.removeAttribute('aria-busy');
        });
    });
  }
}

void main();

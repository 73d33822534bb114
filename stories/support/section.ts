// Rendering <ucx-user-sync> for stories: a fresh fake backend and a fake
// consent provider per render, chosen by the `backend` and `consentFlow` args
// (so a designer can switch between canned states with the controls).
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import { fn } from 'storybook/test';
import type { UcxUserSync } from '../../src/components/user-sync/user-sync.js';
import {
  CREATE_FAILS_502,
  DELETE_FAILS_503,
  ENDPOINT,
  LOAD_ERROR_500,
  POPULATED,
  SAVE_REJECTS_FILTER_400,
  WEBEX_VENDOR,
  ENTRA_SALES,
  LONG_VALUES,
  fakeBackend,
  type FakeBackend,
  type FakeBackendOptions,
} from './fake-backend.js';
import { fakeConsent, type ConsentBehaviour } from './fake-consent.js';
import { FAKE_GRAPH_BASE_URL, installFakeGraph } from './fake-graph.js';

export const BACKENDS = {
  populated: { items: POPULATED },
  empty: { items: [] },
  loading: { items: POPULATED, list: { kind: 'never' } },
  'load error (500)': { list: LOAD_ERROR_500 },
  'vendor-locked': { items: [WEBEX_VENDOR, ENTRA_SALES] },
  'long values': { items: LONG_VALUES },
  'create never answers': { items: POPULATED, create: { kind: 'never' } },
  'create fails (502 + request id)': { items: POPULATED, create: CREATE_FAILS_502 },
  // (Slow enough to review "Still working…", then it succeeds on its own.)
  'slow create (25 s)': { items: POPULATED, create: { kind: 'ok', delay: 25_000 } },
  'save never answers': { items: POPULATED, update: { kind: 'never' } },
  'save rejects the filter (400)': { items: POPULATED, update: SAVE_REJECTS_FILTER_400 },
  'delete never answers': { items: POPULATED, remove: { kind: 'never' } },
  'delete fails (503 + request id)': { items: POPULATED, remove: DELETE_FAILS_503 },
} satisfies Record<string, FakeBackendOptions>;

export type BackendName = keyof typeof BACKENDS;

export const CONSENT_FLOWS = {
  'granted at once': { kind: 'grant', delay: 150 },
  'popup stays open': { kind: 'hold' },
  'admin declines (AADSTS65004)': {
    kind: 'fail',
    delay: 150,
    failure: { kind: 'declined', code: 'AADSTS65004', retryable: true },
  },
  'popup blocked': {
    kind: 'fail',
    failure: { kind: 'popup-blocked', code: 'popup_window_error', retryable: true },
  },
} satisfies Record<string, ConsentBehaviour>;

export type ConsentFlowName = keyof typeof CONSENT_FLOWS;

export interface SectionArgs {
  endpoint: string;
  clientId: string;
  authority: string;
  redirectUri: string;
  supportUrl: string;
  vendorName: string;
  timeout: number;
  removalConfirmThreshold: number;
  lang: string;
  backend: BackendName;
  consentFlow: ConsentFlowName;
  onIntegrationCreated: (e: Event) => void;
  onIntegrationUpdated: (e: Event) => void;
  onIntegrationDeleted: (e: Event) => void;
  onConsentGranted: (e: Event) => void;
  onBeforeCreate: (e: Event) => void;
  onUcxError: (e: Event) => void;
}

export const sectionArgs = (): SectionArgs => ({
  endpoint: ENDPOINT,
  clientId: '00000000-0000-0000-0000-00000000c1d0',
  authority: 'https://login.microsoftonline.com/organizations',
  redirectUri: '/redirect.html',
  supportUrl: 'https://support.example.com/contact',
  vendorName: 'Imagicle Support',
  timeout: 600_000,
  removalConfirmThreshold: 50,
  lang: '',
  backend: 'populated',
  consentFlow: 'granted at once',
  onIntegrationCreated: fn(),
  onIntegrationUpdated: fn(),
  onIntegrationDeleted: fn(),
  onConsentGranted: fn(),
  onBeforeCreate: fn(),
  onUcxError: fn(),
});

const events = { table: { category: 'Events' } } as const;
const fixture = { table: { category: 'Storybook fixture' } } as const;

/** Rows for the section's args, and for manifest members the stories set themselves. */
export const sectionArgTypes: Partial<ArgTypes<SectionArgs & Record<string, unknown>>> = {
  endpoint: { control: 'text', description: 'Base URL of the integrations collection.' },
  clientId: { control: 'text', name: 'client-id' },
  authority: { control: 'text' },
  redirectUri: { control: 'text', name: 'redirect-uri' },
  supportUrl: { control: 'text', name: 'support-url' },
  vendorName: { control: 'text', name: 'vendor-name' },
  timeout: { control: { type: 'number', min: 100, step: 100 } },
  removalConfirmThreshold: {
    control: { type: 'number', min: 0, step: 1 },
    name: 'removal-confirm-threshold',
  },
  // Set by the stories to their fakes, or unused by the fake consent: documented, with no
  // control (one would change nothing).
  fetch: { control: false, description: 'Here: the fake backend that `backend` chooses.' },
  consent: { control: false, description: 'Here: the fake consent that `consentFlow` chooses.' },
  graphBaseUrl: { control: false, description: "Here: the stories' Microsoft Graph stand-in." },
  requestHeaders: { control: false },
  scopes: { control: false },
  msalConfig: { control: false },
  lang: {
    control: 'select',
    options: ['', 'en', 'it'],
    description: "UI language; empty follows the page (the toolbar's Locale).",
  },
  backend: {
    ...fixture,
    control: 'select',
    options: Object.keys(BACKENDS),
    description: 'Canned behaviour of the fake backend behind the `fetch` property.',
  },
  consentFlow: {
    ...fixture,
    control: 'select',
    options: Object.keys(CONSENT_FLOWS),
    description: 'What the fake consent provider (the `consent` property) does.',
  },
  onIntegrationCreated: { ...events, action: 'ucx-integration-created' },
  onIntegrationUpdated: { ...events, action: 'ucx-integration-updated' },
  onIntegrationDeleted: { ...events, action: 'ucx-integration-deleted' },
  onConsentGranted: { ...events, action: 'ucx-consent-granted' },
  onBeforeCreate: { ...events, action: 'ucx-before-create' },
  onUcxError: { ...events, action: 'ucx-error' },
};

/**
 * The dialogs' stories render the section, which sets their own members: documented, with
 * no control (one would change nothing).
 */
export const dialogArgTypes: Partial<ArgTypes<SectionArgs & Record<string, unknown>>> = {
  ...sectionArgTypes,
  ...Object.fromEntries(
    ['mode', 'delegate', 'stillWorkingDelay'].map((name) => [
      name,
      { control: false, description: 'Set by `<ucx-user-sync>`.' },
    ]),
  ),
};

/** The fake backend of the story rendered last (for play functions). */
export let currentBackend: FakeBackend | undefined;

export function renderSection(args: SectionArgs) {
  installFakeGraph();
  const backend = fakeBackend(BACKENDS[args.backend] ?? BACKENDS.populated);
  currentBackend = backend;
  const consent = fakeConsent(CONSENT_FLOWS[args.consentFlow] ?? CONSENT_FLOWS['granted at once']);
  // Another backend is another section (keyed): the list is read when it connects, so the
  // `backend` control shows its state at once, as its own story does.
  return html`${keyed(
    args.backend,
    html`<ucx-user-sync
      endpoint=${args.endpoint}
      client-id=${args.clientId}
      authority=${args.authority}
      redirect-uri=${args.redirectUri}
      support-url=${args.supportUrl}
      vendor-name=${args.vendorName}
      timeout=${args.timeout}
      .removalConfirmThreshold=${args.removalConfirmThreshold}
      lang=${ifDefined(args.lang || undefined)}
      graph-base-url=${FAKE_GRAPH_BASE_URL}
      .fetch=${backend.fetch}
      .consent=${consent}
      @ucx-integration-created=${args.onIntegrationCreated}
      @ucx-integration-updated=${args.onIntegrationUpdated}
      @ucx-integration-deleted=${args.onIntegrationDeleted}
      @ucx-consent-granted=${args.onConsentGranted}
      @ucx-before-create=${args.onBeforeCreate}
      @ucx-error=${args.onUcxError}
    ></ucx-user-sync>`,
  )}`;
}

/** The section in a story's canvas. */
export function sectionOf(canvas: HTMLElement): UcxUserSync {
  const el = canvas.querySelector('ucx-user-sync');
  if (!el) throw new Error('no <ucx-user-sync>');
  return el;
}

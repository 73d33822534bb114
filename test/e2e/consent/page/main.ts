// Test page for the consent e2e tests: uses the real provider the way the
// element does (prepare when the dialog opens, start() synchronously inside the
// click handler). Configuration comes from the query string.

import { createMsalConsent } from '../../../../src/auth/msal-consent.js';
import type { ConsentFailure, ConsentResult } from '../../../../src/auth/types.js';
import { ConsentError } from '../../../../src/auth/types.js';
import { toConsentFailure } from '../../../../src/auth/consent-errors.js';

const params = new URLSearchParams(location.search);
const knownAuthority = params.get('knownAuthority');
const timeout = params.get('popupTimeoutMs');

const provider = createMsalConsent({
  clientId: params.get('clientId') ?? '',
  authority: params.get('authority') ?? undefined,
  redirectUri: params.get('redirectUri') ?? undefined,
  // `scopesText`: the scopes as one string, as a host may set them (OAuth's own spelling).
  scopes: params.has('scopesText')
    ? (params.get('scopesText') ?? undefined)
    : (params.get('scopes')?.split(' ') ?? undefined),
  popupTimeoutMs: timeout ? Number(timeout) : undefined,
  msalConfig: knownAuthority
    ? { auth: { knownAuthorities: [knownAuthority] }, system: { protocolMode: 'OIDC' } }
    : undefined,
});

interface Outcome {
  ok: boolean;
  result?: ConsentResult;
  failure?: ConsentFailure;
}

const log = {
  outcomes: [] as Outcome[],
  prepared: false,
  prepareFailure: undefined as ConsentFailure | undefined,
};
const status = document.getElementById('status')!;

function record(p: Promise<ConsentResult>) {
  status.textContent = 'Waiting for Microsoft sign-in…';
  p.then(
    (result) => {
      log.outcomes.push({ ok: true, result });
      console.info('[consent] outcome ok');
      status.textContent = `Consent granted by ${result.username}`;
    },
    (error: unknown) => {
      const failure = error instanceof ConsentError ? error.failure : toConsentFailure(error);
      log.outcomes.push({ ok: false, failure });
      // A signal the test can wait for without evaluating script in the page
      // (Playwright's evaluations count as user gestures).
      console.info(`[consent] outcome ${failure.kind}`);
      status.textContent = `Consent failed: ${failure.kind}`;
    },
  );
}

function prepare() {
  provider.prepare().then(
    () => {
      log.prepared = true;
    },
    (error: unknown) => {
      log.prepareFailure = toConsentFailure(error);
    },
  );
}

document.getElementById('open-dialog')!.addEventListener('click', prepare);
document.getElementById('create')!.addEventListener('click', () => {
  // Synchronous, like the element: no await before start().
  record(provider.start());
});
document.getElementById('cancel')!.addEventListener('click', () => provider.cancel());

Object.assign(window, {
  consentLog: log,
  consentProvider: {
    getAccessToken: () => provider.getAccessToken(),
    get pending() {
      return provider.pending;
    },
    get ready() {
      return provider.ready;
    },
  },
});

if (params.get('prepare') !== 'manual') prepare();
if (params.get('autostart') === '1') {
  // Outside any user gesture (for the blocked-popup test).
  const tick = () => {
    if (provider.ready) record(provider.start());
    else setTimeout(tick, 50);
  };
  tick();
}

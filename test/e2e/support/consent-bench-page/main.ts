// Page of test/bench/consent.bench.ts: the same consent round trip through our
// wrapper (createMsalConsent().start()) and through raw MSAL
// (PublicClientApplication.loginPopup), each started inside a real click.
// Durations run from the click handler to the resolved promise.
import { PublicClientApplication } from '@azure/msal-browser';
import { createMsalConsent } from '../../../../src/auth/msal-consent.js';

const params = new URLSearchParams(location.search);
const clientId = params.get('clientId') ?? '';
const authority = params.get('authority') ?? '';
const redirectUri = params.get('redirectUri') ?? '';
const knownAuthority = params.get('knownAuthority') ?? '';
const scopes = ['https://graph.microsoft.com/.default'];

const wrapper = createMsalConsent({
  clientId,
  authority,
  redirectUri,
  scopes,
  msalConfig: { auth: { knownAuthorities: [knownAuthority] }, system: { protocolMode: 'OIDC' } },
});
const raw = new PublicClientApplication({
  auth: { clientId, authority, redirectUri, knownAuthorities: [knownAuthority] },
  cache: { cacheLocation: 'memoryStorage' },
  system: { protocolMode: 'OIDC', popupBridgeTimeout: 10 * 60_000 },
});

interface BenchLog {
  ready: boolean;
  samples: { kind: 'wrapper' | 'raw'; ms: number; ok: boolean; code?: string }[];
}
const log: BenchLog = { ready: false, samples: [] };
Object.assign(window, { benchLog: log });

void Promise.all([wrapper.prepare(), raw.initialize()]).then(() => {
  log.ready = true;
});

const status = document.getElementById('status')!;
function measure(kind: 'wrapper' | 'raw', start: () => Promise<unknown>): void {
  const t0 = performance.now();
  let p: Promise<unknown>;
  try {
    p = start(); // synchronously inside the click handler
  } catch (e) {
    p = Promise.reject(e);
  }
  p.then(
    () => {
      log.samples.push({ kind, ms: performance.now() - t0, ok: true });
      status.textContent = `${kind} ${log.samples.length}`;
    },
    (e: unknown) => {
      const code =
        (e as { errorCode?: string; failure?: { code: string } }).errorCode ??
        (e as { failure?: { code: string } }).failure?.code;
      log.samples.push({ kind, ms: performance.now() - t0, ok: false, ...(code ? { code } : {}) });
    },
  );
}

document
  .getElementById('wrapper')!
  .addEventListener('click', () => measure('wrapper', () => wrapper.start()));
document
  .getElementById('raw')!
  .addEventListener('click', () =>
    measure('raw', () => raw.loginPopup({ scopes, prompt: 'consent' })),
  );

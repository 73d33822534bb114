// The default ConsentProvider: Microsoft's sign-in popup through
// @azure/msal-browser 5, where an administrator grants consent for the
// organization.
//
// - MSAL is loaded with a dynamic import() in prepare() only, never at first
//   paint, and initialized ahead of the click, so that start() can call
//   loginPopup() synchronously inside the click handler (no await before it),
//   which is what keeps popup blockers quiet.
// - Cache in memory only; MSAL's logger is silenced (no PII, no tokens, no
//   redirect URLs).
// - MSAL 5 cannot see that the admin closed the popup: it waits on its redirect
//   bridge for system.popupBridgeTimeout. We give admins minutes (10 by default)
//   and offer cancel() for our own Cancel button; a second start() overrides
//   the pending interaction (one popup at a time).
// - The Graph access token never leaves this object except through
//   getAccessToken() (for the in-browser Graph preview); ConsentResult carries
//   the ID token and the tenant, never the access token.

import type {
  AuthenticationResult,
  Configuration,
  EventMessage,
  PopupRequest,
  PublicClientApplication,
} from '@azure/msal-browser';
import type { ConsentResult } from '../backend/types.js';
import { toConsentError, toConsentFailure } from './consent-errors.js';
import { ConsentError, type ConsentFailure, type ConsentProvider } from './types.js';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];
/** How long MSAL waits for the popup's answer by default: a real admin may need minutes. */
export const DEFAULT_POPUP_TIMEOUT_MS = 10 * 60_000;
/** Microsoft's tenant of personal (consumer) accounts. */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

const REFUSED_TENANTS = new Set(['common', 'consumers', CONSUMER_TENANT_ID]);

/** A partial MSAL configuration, merged over the defaults. */
export type MsalConfigOverrides = {
  auth?: Partial<Configuration['auth']>;
  cache?: Configuration['cache'];
  system?: Configuration['system'];
  experimental?: Configuration['experimental'];
  telemetry?: Configuration['telemetry'];
};

export interface MsalConsentOptions {
  /** The Entra application (client) id. */
  clientId: string;
  /** Default https://login.microsoftonline.com/organizations; never common/consumers. */
  authority?: string;
  /** The page that runs MSAL's redirect bridge; default `/redirect.html` on this origin. */
  redirectUri?: string;
  /** Default ['https://graph.microsoft.com/.default']; one space-separated string works too. */
  scopes?: readonly string[] | string;
  /** Partial MSAL configuration merged over the defaults (tests, the demo, special clouds). */
  msalConfig?: MsalConfigOverrides;
  /** MSAL's system.popupBridgeTimeout; default 10 minutes. */
  popupTimeoutMs?: number;
  /** The prompt of loginPopup; default 'consent'. */
  prompt?: PopupRequest['prompt'];
  /**
   * What a start() does while another is pending: 'override' (default) closes
   * the pending popup, rejects its promise with `cancelled` and opens a new one;
   * 'reject' rejects the new call with `in-progress` and focuses the open popup.
   */
  whilePending?: 'override' | 'reject';
}

/** The MSAL-backed provider, with what the in-browser Graph preview needs. */
export interface MsalConsentProvider extends ConsentProvider {
  /** Resolves with every field of the result filled. */
  start(): Promise<ConsentResult>;
  /** The Graph access token of the last successful consent, while it is valid; in memory only. */
  getAccessToken(): string | undefined;
  /** The last successful result, kept for the dialog's life. */
  readonly result: ConsentResult | undefined;
  /** True while a popup interaction is pending. */
  readonly pending: boolean;
  /** Forgets the result and the access token. */
  clear(): void;
}

type MsalModule = typeof import('@azure/msal-browser');

interface Attempt {
  correlationId: string;
  popup: Window | null;
  settled: boolean;
  resolve(result: ConsentResult): void;
  reject(error: ConsentError): void;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Deep merge of plain objects; arrays and everything else are replaced. */
function merge<T extends Record<string, unknown>>(
  base: T,
  over: Record<string, unknown> | undefined,
): T {
  if (!over) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : value;
  }
  return out as T;
}

function failure(kind: ConsentFailure['kind'], code: string, retryable: boolean): ConsentError {
  return new ConsentError({ kind, code, retryable });
}

/** Checks the authority: HTTPS, parseable, not the consumer or common endpoints. */
export function checkAuthority(authority: string): ConsentFailure | undefined {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    return { kind: 'misconfigured', code: 'invalid_authority', retryable: false };
  }
  if (url.protocol !== 'https:') {
    return { kind: 'misconfigured', code: 'authority_uri_insecure', retryable: false };
  }
  const tenant = (url.pathname.split('/').find((s) => s.length > 0) ?? '').toLowerCase();
  if (REFUSED_TENANTS.has(tenant)) {
    return { kind: 'misconfigured', code: 'consumer_authority', retryable: false };
  }
  return undefined;
}

function defaultRedirectUri(): string {
  return typeof location === 'undefined'
    ? '/redirect.html'
    : new URL('/redirect.html', location.origin).href;
}

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

function toResult(auth: AuthenticationResult, clientId: string): ConsentResult | ConsentError {
  const claims = (auth.idTokenClaims ?? {}) as Record<string, unknown>;
  const tid = typeof claims['tid'] === 'string' ? claims['tid'] : auth.tenantId;
  if (!tid || !auth.idToken) return failure('unknown', 'missing_id_token_claims', true);
  if (tid.toLowerCase() === CONSUMER_TENANT_ID)
    return failure('wrong-account', 'consumer_tenant', true);
  const username =
    (typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : '') ||
    auth.account?.username ||
    '';
  const name =
    (typeof claims['name'] === 'string' ? claims['name'] : '') || auth.account?.name || '';
  return {
    tenantId: tid,
    clientId,
    username,
    name,
    idToken: auth.idToken,
    scopes: [...auth.scopes],
    consentedAt: new Date().toISOString(),
  };
}

/** Where MSAL 5 keeps its "interaction in progress" flag (sessionStorage, whatever the cache). */
const INTERACTION_STATUS_KEY = 'msal.interaction.status';

/**
 * The scopes as a list: `'User.Read openid'` (one string, as OAuth writes them) is split at
 * its spaces, not spread into letters; anything else that isn't a list of text is the default.
 */
function scopeList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return [...value];
  return [...DEFAULT_SCOPES];
}

/**
 * Creates the MSAL-backed consent provider. Never throws: a bad configuration
 * makes prepare() and start() reject with a `misconfigured` ConsentError.
 */
export function createMsalConsent(options: MsalConsentOptions): MsalConsentProvider {
  const scopes = scopeList(options.scopes);
  const whilePending = options.whilePending ?? 'override';
  const defaults: Configuration = {
    auth: {
      clientId: options.clientId,
      authority: options.authority ?? DEFAULT_AUTHORITY,
      redirectUri: options.redirectUri ?? defaultRedirectUri(),
    },
    cache: { cacheLocation: 'memoryStorage' },
    system: {
      popupBridgeTimeout: options.popupTimeoutMs ?? DEFAULT_POPUP_TIMEOUT_MS,
    },
  };
  const config = merge(
    defaults as unknown as Record<string, unknown>,
    options.msalConfig as Record<string, unknown> | undefined,
  ) as unknown as Configuration;
  // Not negotiable, whatever msalConfig says: memory cache, no logging of PII.
  config.cache = { ...config.cache, cacheLocation: 'memoryStorage' };
  config.system = {
    ...config.system,
    loggerOptions: {
      ...config.system?.loggerOptions,
      piiLoggingEnabled: false,
      loggerCallback: config.system?.loggerOptions?.loggerCallback ?? (() => {}),
    },
  };

  let configError: ConsentFailure | undefined;
  if (!options.clientId) {
    configError = { kind: 'misconfigured', code: 'missing_client_id', retryable: false };
  } else {
    configError = checkAuthority(config.auth.authority ?? DEFAULT_AUTHORITY);
  }

  let msal: MsalModule | undefined;
  let pca: PublicClientApplication | undefined;
  let preparing: Promise<void> | undefined;
  let current: Attempt | undefined;
  /** MSAL interactions we abandoned that may still hold MSAL's in-progress flag. */
  let abandoned = 0;
  let lastResult: ConsentResult | undefined;
  let accessToken: { token: string; expiresOn: number } | undefined;
  const popupsByCorrelation = new Map<string, Attempt>();

  const closePopup = (attempt: Attempt) => {
    try {
      attempt.popup?.close();
    } catch {
      // Cross-origin or already gone.
    }
  };

  const onEvent = (event: EventMessage) => {
    if (!msal || event.eventType !== msal.EventType.POPUP_OPENED) return;
    const attempt = event.correlationId ? popupsByCorrelation.get(event.correlationId) : undefined;
    if (!attempt) return;
    const payload = event.payload as { popupWindow?: Window } | null;
    attempt.popup = payload?.popupWindow ?? null;
    if (attempt.settled) closePopup(attempt);
  };

  const prepare = (): Promise<void> => {
    if (configError) return Promise.reject(new ConsentError(configError));
    if (pca) return Promise.resolve();
    preparing ??= (async () => {
      let mod: MsalModule;
      try {
        mod = await import('@azure/msal-browser');
      } catch {
        throw failure('offline', 'msal_load_failed', true);
      }
      const app = new mod.PublicClientApplication(config);
      await app.initialize();
      app.addEventCallback(onEvent);
      msal = mod;
      pca = app;
    })().catch((error: unknown) => {
      preparing = undefined;
      throw toConsentError(error);
    });
    return preparing;
  };

  const settle = (attempt: Attempt) => {
    attempt.settled = true;
    popupsByCorrelation.delete(attempt.correlationId);
    if (current === attempt) current = undefined;
  };

  const abandon = (attempt: Attempt, code: string, clearFlag = true) => {
    if (attempt.settled) return;
    settle(attempt);
    abandoned += 1;
    closePopup(attempt);
    // MSAL can't see that popup close, so its "interaction in progress" flag would stay in
    // sessionStorage until its own wait ends: nothing of a flow is left in storage. (Not
    // when a new popup replaces this one: the flag is the new interaction's by then.)
    try {
      if (clearFlag) globalThis.sessionStorage?.removeItem(INTERACTION_STATUS_KEY);
    } catch {
      // Storage blocked: then nothing was written there either.
    }
    attempt.reject(failure('cancelled', code, true));
  };

  const start = (): Promise<ConsentResult> => {
    if (configError) return Promise.reject(new ConsentError(configError));
    if (!pca) {
      prepare().catch(() => {});
      return Promise.reject(failure('not-ready', 'not_ready', true));
    }
    const previous = current;
    if (previous && whilePending === 'reject') {
      try {
        previous.popup?.focus();
      } catch {
        // ignore
      }
      return Promise.reject(failure('in-progress', 'interaction_in_progress', true));
    }
    const correlationId = randomId();
    let resolve!: (r: ConsentResult) => void;
    let reject!: (e: ConsentError) => void;
    const promise = new Promise<ConsentResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const attempt: Attempt = { correlationId, popup: null, settled: false, resolve, reject };
    popupsByCorrelation.set(correlationId, attempt);
    const request: PopupRequest = {
      scopes,
      prompt: options.prompt ?? 'consent',
      correlationId,
      overrideInteractionInProgress: previous !== undefined || abandoned > 0,
    };
    // Synchronous: MSAL opens the (blank) popup inside this call.
    let interaction: Promise<AuthenticationResult>;
    try {
      interaction = pca.loginPopup(request);
    } catch (error) {
      popupsByCorrelation.delete(correlationId);
      return Promise.reject(toConsentError(error));
    }
    if (previous) abandon(previous, 'superseded', false);
    current = attempt;
    interaction.then(
      (auth) => {
        if (attempt.settled) return;
        settle(attempt);
        const result = toResult(auth, options.clientId);
        if (result instanceof ConsentError) {
          attempt.reject(result);
          return;
        }
        abandoned = 0;
        lastResult = result;
        accessToken = auth.accessToken
          ? {
              token: auth.accessToken,
              expiresOn: auth.expiresOn?.getTime() ?? Date.now() + 3_000_000,
            }
          : undefined;
        attempt.resolve(result);
      },
      (error: unknown) => {
        if (attempt.settled) return;
        settle(attempt);
        closePopup(attempt);
        attempt.reject(new ConsentError(toConsentFailure(error)));
      },
    );
    return promise;
  };

  return {
    prepare,
    start,
    get ready() {
      return pca !== undefined && !configError;
    },
    get pending() {
      return current !== undefined;
    },
    get result() {
      return lastResult;
    },
    cancel() {
      if (current) abandon(current, 'cancelled_by_user');
    },
    getAccessToken() {
      if (!accessToken) return undefined;
      if (accessToken.expiresOn - 60_000 <= Date.now()) {
        accessToken = undefined;
        return undefined;
      }
      return accessToken.token;
    },
    clear() {
      lastResult = undefined;
      accessToken = undefined;
    },
  };
}

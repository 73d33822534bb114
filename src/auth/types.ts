// The contract between the element and whatever performs consent.
// The default provider (src/auth/msal-consent.ts) uses @azure/msal-browser;
// tests and hosts may inject their own through the element's `consent` property.
import type { ConsentResult } from '../backend/types.js';

export type { ConsentResult };

/** Why consent did not produce a result; each maps to a localized message. */
export type ConsentFailureKind =
  | 'popup-blocked'
  | 'cancelled' // closed popup / user_cancelled: quietly back to the form
  | 'timed-out' // our own long timeout or MSAL's redirect-bridge timeout
  | 'declined' // AADSTS65004 / access_denied
  | 'admin-approval-required' // AADSTS90094
  | 'wrong-account' // AADSTS50020 personal or guest account
  | 'app-unavailable' // AADSTS50194, AADSTS700016
  | 'misconfigured' // AADSTS50011, AADSTS9002326, insecure authority, bad config
  | 'policy-blocked' // AADSTS53003, AADSTS50076
  | 'offline' // no_network_connectivity
  | 'in-progress' // interaction_in_progress
  | 'not-ready' // MSAL still loading when Create was clicked: click again
  | 'unknown';

export interface ConsentFailure {
  kind: ConsentFailureKind;
  /** MSAL errorCode and/or AADSTS number, safe to show; never MSAL's raw message. */
  code: string;
  /** Whether trying again can help. */
  retryable: boolean;
}

export interface ConsentProvider {
  /**
   * Loads and initializes whatever the popup needs. Called when the create
   * dialog opens, so that start() can open the popup synchronously later.
   */
  prepare(): Promise<void>;
  /** True once prepare() has finished and start() can open a popup at once. */
  readonly ready: boolean;
  /**
   * Opens the consent popup. MUST be called synchronously inside the click
   * handler (no await before it) or the browser blocks the popup.
   * Rejects with a ConsentError.
   */
  start(): Promise<ConsentResultInit>;
  /** Abandons a pending sign-in (our own Cancel button). */
  cancel(): void;
  /**
   * Optional: the Microsoft Graph access token obtained by the last start(),
   * kept in memory only, for the in-browser preview of matching users.
   * `undefined` when there is none or it expired (the preview then asks for
   * sign-in again). Never sent to the backend.
   */
  getAccessToken?(): string | undefined | Promise<string | undefined>;
}

/**
 * The simplest consent a host can inject: a function that signs in (called synchronously
 * in the click, so it may open a popup) and resolves with the result, or rejects (with a
 * ConsentError, or anything: shown as unknown). The element wraps it as a ConsentProvider
 * that is always ready, cannot be cancelled (a late result is ignored) and has no Graph
 * token (Preview then explains it can't read the directory).
 */
export type ConsentFunction = () => Promise<ConsentResultInit> | ConsentResultInit;

/**
 * What a host's consent resolves with: a ConsentResult whose `username`, `name`, `scopes`
 * and `consentedAt` may be left out (filled as the MSAL provider fills them: empty names, no
 * scopes, the time it arrived). `tenantId`, `clientId` and `idToken` are required.
 */
export type ConsentResultInit = Omit<ConsentResult, OptionalConsentField> &
  Partial<Pick<ConsentResult, OptionalConsentField>>;
type OptionalConsentField = 'username' | 'name' | 'scopes' | 'consentedAt';

/** A ConsentFunction as a ConsentProvider. */
export function consentProviderOf(start: ConsentFunction): ConsentProvider {
  return {
    ready: true,
    prepare: () => Promise.resolve(),
    start: () => {
      try {
        return Promise.resolve(start());
      } catch (e) {
        return Promise.reject(e);
      }
    },
    cancel: () => undefined,
  };
}

export class ConsentError extends Error {
  readonly failure: ConsentFailure;
  constructor(failure: ConsentFailure) {
    super(`consent failed: ${failure.kind} (${failure.code})`);
    this.name = 'ConsentError';
    this.failure = failure;
  }
}

/**
 * What a consent rejection says: a ConsentError's failure, or the `failure` of anything
 * shaped like one (a host's provider may bring its own copy of the class, from another
 * bundle); anything else is unknown.
 */
export function consentFailureOf(e: unknown): ConsentFailure {
  try {
    if (e instanceof ConsentError) return e.failure;
    const failure = (e as { failure?: Partial<ConsentFailure> } | null)?.failure;
    if (failure && typeof failure.kind === 'string' && typeof failure.code === 'string') {
      return { kind: failure.kind, code: failure.code, retryable: failure.retryable !== false };
    }
  } catch {
    // A getter that throws, a revoked Proxy: nothing to read.
  }
  return { kind: 'unknown', code: 'unknown', retryable: true };
}

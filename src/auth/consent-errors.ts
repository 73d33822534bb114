// Maps whatever MSAL (or our own wrapper) throws to a ConsentFailure: a kind
// with a localized message, a code that is safe to show, and whether trying
// again can help. Works on the shape of MSAL's errors (errorCode, subError,
// errorMessage, errorNo) so that this module never imports @azure/msal-browser
// at run time. MSAL's message text is only searched for an AADSTS number; it
// is never returned.
//
// Sources: MSAL 5 error codes from
// @azure/msal-browser 5.30 (BrowserAuthErrorCodes, ClientConfigurationErrorCodes,
// ClientAuthErrorCodes); Entra error numbers from Microsoft's
// reference-error-codes page.

import { ConsentError, type ConsentFailure, type ConsentFailureKind } from './types.js';

interface Rule {
  kind: ConsentFailureKind;
  retryable: boolean;
}

/** Entra (AADSTS) error numbers we know, without the prefix. */
const AADSTS_RULES: Record<string, Rule> = {
  // The admin pressed Cancel on the consent page.
  '65004': { kind: 'declined', retryable: true },
  // The user can't consent for the organization: an admin must approve.
  '90094': { kind: 'admin-approval-required', retryable: true },
  '90095': { kind: 'admin-approval-required', retryable: true },
  // Personal (MSA) or guest account on an organizations authority.
  '50020': { kind: 'wrong-account', retryable: true },
  '500200': { kind: 'wrong-account', retryable: true },
  '90072': { kind: 'wrong-account', retryable: true },
  // The app isn't multi-tenant, isn't in the tenant, or is disabled.
  '50194': { kind: 'app-unavailable', retryable: false },
  '700016': { kind: 'app-unavailable', retryable: false },
  '7000112': { kind: 'app-unavailable', retryable: false },
  '650052': { kind: 'app-unavailable', retryable: false },
  // Redirect URI not registered (as SPA), bad request shape.
  '50011': { kind: 'misconfigured', retryable: false },
  '9002326': { kind: 'misconfigured', retryable: false },
  '700054': { kind: 'misconfigured', retryable: false },
  '900144': { kind: 'misconfigured', retryable: false },
  '90102': { kind: 'misconfigured', retryable: false },
  // Conditional Access, MFA.
  '53003': { kind: 'policy-blocked', retryable: true },
  '53000': { kind: 'policy-blocked', retryable: true },
  '53001': { kind: 'policy-blocked', retryable: true },
  '50076': { kind: 'policy-blocked', retryable: true },
  '50079': { kind: 'policy-blocked', retryable: true },
  '50158': { kind: 'policy-blocked', retryable: true },
};

/** MSAL error codes (errorCode or subError). */
const CODE_RULES: Record<string, Rule> = {
  // Popup blocked, or an await before loginPopup.
  popup_window_error: { kind: 'popup-blocked', retryable: true },
  empty_window_error: { kind: 'popup-blocked', retryable: true },
  // Closed popup (MSAL 4 / legacy polling) and superseded interactions.
  user_cancelled: { kind: 'cancelled', retryable: true },
  user_canceled: { kind: 'cancelled', retryable: true },
  interaction_in_progress_cancelled: { kind: 'cancelled', retryable: true },
  // MSAL 5: the redirect bridge never answered (closed popup, or too slow).
  timed_out: { kind: 'timed-out', retryable: true },
  redirect_bridge_timeout: { kind: 'timed-out', retryable: true },
  monitor_window_timeout: { kind: 'timed-out', retryable: true },
  redirect_bridge_empty_response: { kind: 'cancelled', retryable: true },
  // One interaction at a time.
  interaction_in_progress: { kind: 'in-progress', retryable: true },
  // Network.
  no_network_connectivity: { kind: 'offline', retryable: true },
  network_error: { kind: 'offline', retryable: true },
  post_request_failed: { kind: 'offline', retryable: true },
  get_request_failed: { kind: 'offline', retryable: true },
  endpoints_resolution_error: { kind: 'offline', retryable: true },
  msal_load_failed: { kind: 'offline', retryable: true },
  // Configuration (ours or the host's).
  authority_uri_insecure: { kind: 'misconfigured', retryable: false },
  untrusted_authority: { kind: 'misconfigured', retryable: false },
  url_parse_error: { kind: 'misconfigured', retryable: false },
  empty_url_error: { kind: 'misconfigured', retryable: false },
  redirect_uri_empty: { kind: 'misconfigured', retryable: false },
  invalid_authority_metadata: { kind: 'misconfigured', retryable: false },
  invalid_cloud_discovery_metadata: { kind: 'misconfigured', retryable: false },
  authority_mismatch: { kind: 'misconfigured', retryable: false },
  issuer_validation_failed: { kind: 'misconfigured', retryable: false },
  empty_input_scopes_error: { kind: 'misconfigured', retryable: false },
  invalid_response_mode: { kind: 'misconfigured', retryable: false },
  openid_config_error: { kind: 'misconfigured', retryable: false },
  redirect_in_iframe: { kind: 'misconfigured', retryable: false },
  block_nested_popups: { kind: 'misconfigured', retryable: false },
  non_browser_environment: { kind: 'misconfigured', retryable: false },
  crypto_nonexistent: { kind: 'misconfigured', retryable: false },
  uninitialized_public_client_application: { kind: 'not-ready', retryable: true },
  invalid_authority: { kind: 'misconfigured', retryable: false },
  consumer_authority: { kind: 'misconfigured', retryable: false },
  missing_client_id: { kind: 'misconfigured', retryable: false },
  invalid_client: { kind: 'misconfigured', retryable: false },
  unauthorized_client: { kind: 'app-unavailable', retryable: false },
  // Generic OAuth answers without an AADSTS number.
  access_denied: { kind: 'declined', retryable: true },
  consent_required: { kind: 'admin-approval-required', retryable: true },
  consumer_tenant: { kind: 'wrong-account', retryable: true },
};

const AADSTS_RE = /AADSTS(\d{5,7})/;
const SAFE_TOKEN_RE = /^[A-Za-z0-9_.-]{1,64}$/;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function findAadsts(...sources: string[]): string | undefined {
  for (const source of sources) {
    const match = AADSTS_RE.exec(source);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Turns anything thrown during consent into a ConsentFailure. */
export function toConsentFailure(error: unknown): ConsentFailure {
  if (error instanceof ConsentError) return error.failure;
  if (typeof error !== 'object' || error === null) {
    return { kind: 'unknown', code: 'unknown_error', retryable: true };
  }
  const e = error as Record<string, unknown>;
  const errorCode = str(e['errorCode']);
  const subError = str(e['subError']);
  const errorNo = typeof e['errorNo'] === 'number' ? String(e['errorNo']) : str(e['errorNo']);
  const numberOnly = /^\d{5,7}$/.test(errorNo) ? errorNo : undefined;
  const aadsts =
    findAadsts(errorCode, subError, errorNo) ?? numberOnly ?? findAadsts(str(e['errorMessage']));

  const codeParts: string[] = [];
  if (SAFE_TOKEN_RE.test(errorCode)) codeParts.push(errorCode);
  if (subError && SAFE_TOKEN_RE.test(subError) && !AADSTS_RE.test(subError))
    codeParts.push(subError);
  if (aadsts) codeParts.push(`AADSTS${aadsts}`);

  const rule =
    (aadsts ? AADSTS_RULES[aadsts] : undefined) ??
    (subError ? CODE_RULES[subError] : undefined) ??
    (errorCode ? CODE_RULES[errorCode] : undefined);

  if (codeParts.length === 0) {
    // Not an MSAL error: name the class at most (TypeError, SyntaxError, …).
    const name =
      error instanceof Error && SAFE_TOKEN_RE.test(error.name) ? error.name : 'unknown_error';
    codeParts.push(name);
  }
  const code = codeParts.join(' ');
  if (rule) return { kind: rule.kind, code, retryable: rule.retryable };
  return { kind: 'unknown', code, retryable: true };
}

/** Wraps anything thrown during consent in a ConsentError. */
export function toConsentError(error: unknown): ConsentError {
  if (error instanceof ConsentError) return error;
  return new ConsentError(toConsentFailure(error));
}

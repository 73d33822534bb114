// Public surface of the consent layer. Side-effect free: @azure/msal-browser is
// only loaded by createMsalConsent(...).prepare().
export { ConsentError, consentProviderOf } from './types.js';
export type {
  ConsentFailure,
  ConsentFailureKind,
  ConsentFunction,
  ConsentProvider,
  ConsentResult,
  ConsentResultInit,
} from './types.js';
export {
  CONSUMER_TENANT_ID,
  DEFAULT_AUTHORITY,
  DEFAULT_POPUP_TIMEOUT_MS,
  DEFAULT_SCOPES,
  checkAuthority,
  createMsalConsent,
} from './msal-consent.js';
export type {
  MsalConfigOverrides,
  MsalConsentOptions,
  MsalConsentProvider,
} from './msal-consent.js';
export { toConsentError, toConsentFailure } from './consent-errors.js';
export { CONSENT_MESSAGES, consentMessage } from './consent-messages.js';
export type {
  ConsentMessage,
  ConsentMessageLocale,
  ConsentMessageText,
} from './consent-messages.js';

// What the admin is told when Microsoft sign-in fails, as localized text. Apart from
// failures.ts, which the section's first paint needs (a list load's failure): only the
// dialogs sign in, and they load on demand.
import { msg, str } from '@lit/localize';
import type { ConsentFailure } from '../auth/types.js';
import type { FailureView } from './failures.js';

/**
 * The sentence for a consent failure, or undefined for a quiet one (cancelled): localized,
 * where the auth module's consentMessage is the English one hosts may use.
 */
function consentMessage(f: ConsentFailure, action: ConsentAction): string | undefined {
  const code = f.code;
  // The button to press again: the one that asked for the sign-in (an edit signs in only
  // from Preview; there is no Create to press).
  const button =
    action === 'preview'
      ? msg('Preview', { id: 'preview.action' })
      : msg('Create', { id: 'user-sync.dialog.create' });
  switch (f.kind) {
    case 'cancelled':
      return undefined;
    case 'popup-blocked':
      return msg(
        str`The browser blocked the Microsoft sign-in window. Allow pop-ups for this site and click ${button} again.`,
        { id: 'user-sync.consent.popup-blocked' },
      );
    case 'timed-out':
      return msg(
        str`Microsoft sign-in didn’t finish in time, or its window was closed. Click ${button} to try again.`,
        { id: 'user-sync.consent.timed-out' },
      );
    case 'declined':
      return msg(
        str`The permissions were declined. Users’ synchronization can’t run without them: click ${button} and accept them.`,
        { id: 'user-sync.consent.declined' },
      );
    case 'admin-approval-required':
      return msg(
        'An administrator (Global, Privileged Role or Cloud Application Administrator) must grant these permissions for the organization. Ask one to sign in, or sign in with such an account.',
        { id: 'user-sync.consent.admin-approval-required' },
      );
    case 'wrong-account':
      return msg('Sign in with a work account of your organization, not a personal or guest one.', {
        id: 'user-sync.consent.wrong-account',
      });
    case 'app-unavailable':
      return msg('This application isn’t available for your organization.', {
        id: 'user-sync.consent.app-unavailable',
      });
    case 'misconfigured':
      return msg(
        str`Microsoft sign-in is not configured correctly (${code}). Contact the administrator of this console.`,
        { id: 'user-sync.consent.misconfigured' },
      );
    case 'policy-blocked':
      return msg('Your organization’s policy blocked the sign-in.', {
        id: 'user-sync.consent.policy-blocked',
      });
    case 'offline':
      return msg('You appear to be offline. Check the connection and try again.', {
        id: 'user-sync.consent.offline',
      });
    case 'in-progress':
      return msg('A Microsoft sign-in is already in progress: finish it or close its window.', {
        id: 'user-sync.consent.in-progress',
      });
    case 'not-ready':
      return msg(str`Still loading Microsoft sign-in — click ${button} again.`, {
        id: 'user-sync.consent.not-ready',
      });
    default:
      return msg(str`Microsoft sign-in failed (${code}). Try again.`, {
        id: 'user-sync.consent.unknown',
      });
  }
}

/** What asked for the sign-in: Create, or Preview (in either dialog). */
export type ConsentAction = 'create' | 'preview';

export function consentFailureView(
  f: ConsentFailure,
  action: ConsentAction = 'create',
): FailureView | undefined {
  const message = consentMessage(f, action);
  if (message === undefined) return undefined;
  return {
    stage: 'consent',
    code: f.kind,
    title: msg('Microsoft sign-in didn’t complete', { id: 'user-sync.consent.title' }),
    message,
    retryable: f.retryable,
    refreshList: false,
    vendorLock: false,
    dropConsent: false,
  };
}

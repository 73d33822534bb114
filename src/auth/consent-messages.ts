// What the admin is told for each consent failure, in English and Italian, as
// plain data (this layer does not import Lit or @lit/localize; the element
// wires these texts into its localized messages). Each text says what happened
// and what to do. `{code}` is replaced by the failure's code where shown.

import type { ConsentFailureKind } from './types.js';

export type ConsentMessageLocale = 'en' | 'it';

export interface ConsentMessageText {
  title: string;
  /** What happened and what to do. */
  body: string;
  /** Label of the action button, when there is one. */
  action?: string;
}

export interface ConsentMessage {
  /** Quietly back to the form (no error window), e.g. a closed popup. */
  quiet: boolean;
  /** Offer "Try again" (a fresh click, so the popup is not blocked). */
  retry: boolean;
  /** Show the failure code (support needs it). */
  showCode: boolean;
  en: ConsentMessageText;
  it: ConsentMessageText;
}

export const CONSENT_MESSAGES: Record<ConsentFailureKind, ConsentMessage> = {
  'popup-blocked': {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'The sign-in window was blocked',
      body: 'Your browser blocked the Microsoft sign-in window. Allow pop-ups for this site, then select Try again.',
      action: 'Try again',
    },
    it: {
      title: 'La finestra di accesso è stata bloccata',
      body: 'Il browser ha bloccato la finestra di accesso Microsoft. Consenti le finestre pop-up per questo sito, poi seleziona Riprova.',
      action: 'Riprova',
    },
  },
  cancelled: {
    quiet: true,
    retry: true,
    showCode: false,
    en: {
      title: 'Sign-in cancelled',
      body: 'The Microsoft sign-in was cancelled. Nothing was changed; select Create to try again.',
    },
    it: {
      title: 'Accesso annullato',
      body: "L'accesso Microsoft è stato annullato. Non è stato modificato nulla; seleziona Crea per riprovare.",
    },
  },
  'timed-out': {
    quiet: true,
    retry: true,
    showCode: false,
    en: {
      title: 'Sign-in not completed',
      body: 'The Microsoft sign-in window was closed or did not answer in time. Your data is unchanged; select Create to try again.',
    },
    it: {
      title: 'Accesso non completato',
      body: 'La finestra di accesso Microsoft è stata chiusa o non ha risposto in tempo. I dati non sono stati modificati; seleziona Crea per riprovare.',
    },
  },
  declined: {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'Permissions were not granted',
      body: 'The requested permissions were declined. The synchronization cannot read your directory without them. Try again and select Accept to grant them for your organization.',
      action: 'Try again',
    },
    it: {
      title: 'Le autorizzazioni non sono state concesse',
      body: 'Le autorizzazioni richieste sono state rifiutate. Senza di esse la sincronizzazione non può leggere la directory. Riprova e seleziona Accetta per concederle per la tua organizzazione.',
      action: 'Riprova',
    },
  },
  'admin-approval-required': {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'An administrator must approve',
      body: 'This account cannot grant these permissions for the organization. Sign in with a Global Administrator, Privileged Role Administrator or Cloud Application Administrator account, or ask one to approve the application.',
      action: 'Sign in with another account',
    },
    it: {
      title: "È necessaria l'approvazione di un amministratore",
      body: "Questo account non può concedere queste autorizzazioni per l'organizzazione. Accedi con un account Amministratore globale, Amministratore ruolo con privilegi o Amministratore applicazione cloud, oppure chiedi a uno di loro di approvare l'applicazione.",
      action: 'Accedi con un altro account',
    },
  },
  'wrong-account': {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'Use a work account',
      body: "Personal and guest accounts can't grant access to your organization's directory. Try again and sign in with a work account of the organization.",
      action: 'Try again',
    },
    it: {
      title: 'Usa un account aziendale',
      body: "Gli account personali e guest non possono concedere l'accesso alla directory dell'organizzazione. Riprova e accedi con un account aziendale dell'organizzazione.",
      action: 'Riprova',
    },
  },
  'app-unavailable': {
    quiet: false,
    retry: false,
    showCode: true,
    en: {
      title: "This application isn't available for your organization",
      body: 'Microsoft says the application is not available in your tenant (code {code}). Contact support with this code.',
    },
    it: {
      title: "L'applicazione non è disponibile per la tua organizzazione",
      body: "Microsoft indica che l'applicazione non è disponibile nel tuo tenant (codice {code}). Contatta l'assistenza indicando questo codice.",
    },
  },
  misconfigured: {
    quiet: false,
    retry: false,
    showCode: true,
    en: {
      title: 'Sign-in is not configured correctly',
      body: 'The Microsoft sign-in for this page is misconfigured (code {code}). Contact the administrator of this console or support with this code.',
    },
    it: {
      title: "L'accesso non è configurato correttamente",
      body: "L'accesso Microsoft per questa pagina non è configurato correttamente (codice {code}). Contatta l'amministratore della console o l'assistenza indicando questo codice.",
    },
  },
  'policy-blocked': {
    quiet: false,
    retry: true,
    showCode: true,
    en: {
      title: "Blocked by your organization's policy",
      body: "Your organization's sign-in policy (Conditional Access or multi-factor authentication) stopped the sign-in (code {code}). Complete the required steps or contact your IT department, then try again.",
      action: 'Try again',
    },
    it: {
      title: 'Bloccato dai criteri della tua organizzazione',
      body: "I criteri di accesso dell'organizzazione (accesso condizionale o autenticazione a più fattori) hanno bloccato l'accesso (codice {code}). Completa i passaggi richiesti o contatta il reparto IT, poi riprova.",
      action: 'Riprova',
    },
  },
  offline: {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'You appear to be offline',
      body: "Microsoft sign-in couldn't be reached. Check your connection, then try again.",
      action: 'Try again',
    },
    it: {
      title: 'Sembra che tu sia offline',
      body: "Non è stato possibile raggiungere l'accesso Microsoft. Controlla la connessione, poi riprova.",
      action: 'Riprova',
    },
  },
  'in-progress': {
    quiet: false,
    retry: false,
    showCode: false,
    en: {
      title: 'Sign-in already in progress',
      body: 'A Microsoft sign-in window is already open. Finish it there, or cancel it and select Create again.',
    },
    it: {
      title: 'Accesso già in corso',
      body: 'Una finestra di accesso Microsoft è già aperta. Completa lì l’accesso, oppure annullalo e seleziona di nuovo Crea.',
    },
  },
  'not-ready': {
    quiet: false,
    retry: true,
    showCode: false,
    en: {
      title: 'Still loading',
      body: 'Microsoft sign-in is still loading. Select Create again.',
      action: 'Create',
    },
    it: {
      title: 'Caricamento in corso',
      body: "L'accesso Microsoft è ancora in caricamento. Seleziona di nuovo Crea.",
      action: 'Crea',
    },
  },
  unknown: {
    quiet: false,
    retry: true,
    showCode: true,
    en: {
      title: 'Sign-in failed',
      body: 'Microsoft sign-in failed (code {code}). Try again; if it keeps failing, contact support with this code.',
      action: 'Try again',
    },
    it: {
      title: 'Accesso non riuscito',
      body: "L'accesso Microsoft non è riuscito (codice {code}). Riprova; se il problema persiste, contatta l'assistenza indicando questo codice.",
      action: 'Riprova',
    },
  },
};

/** The text for a failure in a locale, with `{code}` filled in. */
export function consentMessage(
  kind: ConsentFailureKind,
  code: string,
  locale: ConsentMessageLocale = 'en',
): ConsentMessageText & Omit<ConsentMessage, 'en' | 'it'> {
  const entry = CONSENT_MESSAGES[kind];
  const text = entry[locale];
  return {
    quiet: entry.quiet,
    retry: entry.retry,
    showCode: entry.showCode,
    title: text.title,
    body: text.body.replace('{code}', code),
    ...(text.action ? { action: text.action } : {}),
  };
}

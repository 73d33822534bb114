// The reference backend's own texts (status messages, problem titles and details) in Italian,
// for a request whose Accept-Language prefers it: the element sends its section's language on
// every call (README, "The backend contract"), and a console in Italian should not show rows
// in English. Texts are stored in English and translated on the way out, so a language change
// applies to rows written before it.

const TEXTS: readonly (readonly [RegExp, string])[] = [
  [
    /^First synchronization completed: (\d+) users\.$/,
    'Prima sincronizzazione completata: $1 utenti.',
  ],
  [
    /^Last synchronization completed: (\d+) users\.$/,
    'Ultima sincronizzazione completata: $1 utenti.',
  ],
  [
    /^Synchronized with the new filters: (\d+) users\.$/,
    'Sincronizzata con i nuovi filtri: $1 utenti.',
  ],
  [
    /^Consent confirmed\. The first synchronization is running\.$/,
    'Consenso confermato. La prima sincronizzazione è in corso.',
  ],
  [/^Consent confirmed\.$/, 'Consenso confermato.'],
  [
    /^Switched off\. (.+) manages this integration\.$/,
    'Disattivata. Questa integrazione è gestita da $1.',
  ],
  [
    /^Synchronizing Webex users\. Configured and monitored by (.+)\.$/,
    'Sincronizzazione degli utenti Webex in corso. Configurata e monitorata da $1.',
  ],
  [
    /^Microsoft Graph answered 403 Forbidden: the admin consent was revoked\. Grant consent again to resume synchronization\.$/,
    'Microsoft Graph ha risposto 403 Forbidden: il consenso dell’amministratore è stato revocato. Concedi di nuovo il consenso per riprendere la sincronizzazione.',
  ],
  [
    /^This Entra ID tenant is already synchronized by "(.*)"\. Edit that integration instead\.$/,
    'Questo tenant Entra ID è già sincronizzato da “$1”. Modifica quell’integrazione.',
  ],
  [/^Integration already exists$/, 'L’integrazione esiste già'],
  [
    /^(.+) manages the synchronization of this organization: no integration can be added here\. Contact \1 to change it\.$/,
    'La sincronizzazione di questa organizzazione è gestita da $1: qui non si possono aggiungere integrazioni. Per cambiarla contatta $1.',
  ],
  [
    /^(.+) manages this integration: it can't be changed here\.$/,
    'Questa integrazione è gestita da $1: qui non si può modificare.',
  ],
  [/^Managed by the vendor$/, 'Gestita dal fornitore'],
  [/^Integration not found$/, 'Integrazione non trovata'],
  [
    /^No integration has this id\. It may have been deleted meanwhile\.$/,
    'Nessuna integrazione ha questo id. Potrebbe essere stata eliminata nel frattempo.',
  ],
  [/^Internal server error$/, 'Errore interno del server'],
  [/^Service unavailable$/, 'Servizio non disponibile'],
  [
    /^Something went wrong on the server\. Quote request id (\S+) to support\.$/,
    'Si è verificato un errore sul server. Comunica all’assistenza l’id della richiesta $1.',
  ],
  [
    /^The server failed \(injected fault\)\. Quote request id (\S+) to support\.$/,
    'Il server non ha risposto correttamente (guasto simulato). Comunica all’assistenza l’id della richiesta $1.',
  ],
  [/^Too many requests$/, 'Troppe richieste'],
  [/^Too many requests: try again in (\d+) s\.$/, 'Troppe richieste: riprova tra $1 s.'],
  [/^Consent not accepted$/, 'Consenso non accettato'],
  [
    /^The consent was given to another application\.$/,
    'Il consenso è stato dato a un’altra applicazione.',
  ],
];

/** True when the first language of an Accept-Language header is Italian. */
export function prefersItalian(acceptLanguage: string | undefined): boolean {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'it' || first.startsWith('it-');
}

function translate(text: string): string {
  for (const [pattern, italian] of TEXTS) {
    if (pattern.test(text)) return text.replace(pattern, italian);
  }
  return text; // (a text with no translation stays as it is: never an empty one)
}

const TRANSLATED_KEYS = new Set(['statusMessage', 'title', 'detail']);

/** A response body with its status messages and problem texts in Italian. */
export function inItalian(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(inItalian);
  if (!body || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      typeof value === 'string' && TRANSLATED_KEYS.has(key) ? translate(value) : inItalian(value),
    ]),
  );
}

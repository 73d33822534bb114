// The reference backend's own texts (status messages, problem titles and details) in Italian,
// for a request whose Accept-Language prefers it: the element sends its section's language on
// every call (README, "The backend contract"), and a console in Italian should not show rows
// in English. Texts are stored in English and translated on the way out, so a language change
// applies to rows written before it.

import { FILTER_TEXTS } from './italian-filter.js';

type Replacement = string | ((match: string, ...groups: string[]) => string);

/** A field as named in a validation message: the body itself, or a field in quotes. */
const fieldName = (name: string): string =>
  name === 'The body' ? 'Il corpo della richiesta' : `“${name.slice(1, -1)}”`;

const TEXTS: readonly (readonly [RegExp, Replacement])[] = [
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
    'Spenta. Questa integrazione è gestita da $1.',
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
  [
    /^(.+) manages this integration: it can't be deleted here\.$/,
    'Questa integrazione è gestita da $1: qui non si può eliminare.',
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
  // The ID token's checks (token.ts): an admin sees them in the failure window.
  [/^Consent could not be verified$/, 'Impossibile verificare il consenso'],
  [/^Consent not confirmed$/, 'Consenso non confermato'],
  [/^The ID token has expired: sign in again\.$/, 'Il token ID è scaduto: accedi di nuovo.'],
  [
    /^The ID token was issued for another application \(audience\)\.$/,
    'Il token ID è stato emesso per un’altra applicazione (audience).',
  ],
  [/^The ID token is not valid yet\.$/, 'Il token ID non è ancora valido.'],
  [/^The ID token's "(.+)" claim is invalid\.$/, 'L’attestazione “$1” del token ID non è valida.'],
  [/^The ID token signature is invalid\.$/, 'La firma del token ID non è valida.'],
  [
    /^The ID token was signed with a key the identity provider does not publish\.$/,
    'Il token ID è firmato con una chiave che il provider di identità non pubblica.',
  ],
  [/^The ID token uses an unaccepted algorithm\.$/, 'Il token ID usa un algoritmo non accettato.'],
  [
    /^The ID token is malformed or could not be verified\.$/,
    'Il token ID non è valido o non è stato possibile verificarlo.',
  ],
  [
    /^The ID token has no tenant \(tid claim\)\.$/,
    'Il token ID non indica alcun tenant (attestazione tid).',
  ],
  [
    /^The ID token was issued by an identity provider this backend does not trust\.$/,
    'Il token ID è stato emesso da un provider di identità di cui questo backend non si fida.',
  ],
  [
    /^Personal Microsoft accounts cannot be used: sign in with a work or school account of the organization\.$/,
    'Non si possono usare account Microsoft personali: accedi con un account aziendale o scolastico dell’organizzazione.',
  ],
  [
    /^The tenant in the request differs from the tenant that granted consent\.$/,
    'Il tenant della richiesta è diverso da quello che ha dato il consenso.',
  ],
  [/^Identity provider unavailable$/, 'Provider di identità non disponibile'],
  [
    /^The identity provider's signing keys could not be fetched\. Try again later\.$/,
    'Non è stato possibile ottenere le chiavi di firma del provider di identità. Riprova più tardi.',
  ],
  // The request's own problems (app.ts): rare from the element, but shown as they come.
  [/^Idempotency-Key reused$/, 'Idempotency-Key già usata'],
  [
    /^This Idempotency-Key was already used for a different request\. Use a new key\.$/,
    'Questa Idempotency-Key è già stata usata per una richiesta diversa. Usane una nuova.',
  ],
  [
    /^This key was already used for a different request body\.$/,
    'Questa chiave è già stata usata per un corpo di richiesta diverso.',
  ],
  [/^Unsupported data source$/, 'Origine dati non supportata'],
  [/^Only "(.+)" is supported\.$/, 'È supportato solo “$1”.'],
  [
    /^This backend can't create "(.+)" integrations\.$/,
    'Questo backend non può creare integrazioni “$1”.',
  ],
  [/^Invalid LDAP filters$/, 'Filtri LDAP non validi'],
  [/^Invalid request$/, 'Richiesta non valida'],
  [/^"active" must be a boolean\.$/, '“active” deve essere un valore booleano.'],
  // The request's fields, as the schema check words them (schema.ts, messageOf).
  [/^The Idempotency-Key header is required\.$/, 'L’intestazione Idempotency-Key è obbligatoria.'],
  [
    /^The Idempotency-Key header must be 1 to 255 visible ASCII characters\.$/,
    'L’intestazione Idempotency-Key deve avere da 1 a 255 caratteri ASCII visibili.',
  ],
  [/^(The body|"[^"]*") is required\.$/, (_, f) => `${fieldName(f)} è obbligatorio.`],
  [
    /^(The body|"[^"]*") is not a known field\.$/,
    (_, f) => `${fieldName(f)} non è un campo previsto.`,
  ],
  [
    /^(The body|"[^"]*") must be one of (.+)\.$/,
    (_, f, v) => `${fieldName(f)} deve essere uno tra ${v}.`,
  ],
  [
    /^(The body|"[^"]*") must be a valid (.+)\.$/,
    (_, f, v) => `${fieldName(f)} deve essere un ${v} valido.`,
  ],
  [
    /^(The body|"[^"]*") must be at most (\d+) characters long\.$/,
    (_, f, n) => `${fieldName(f)} può avere al massimo ${n} caratteri.`,
  ],
  [
    /^(The body|"[^"]*") must be (.+)\.$/,
    (_, f, v) => `${fieldName(f)} deve essere ${v.replace(/ or /g, ' o ')}.`,
  ],
  [
    /^(The body|"[^"]*") has an invalid format\.$/,
    (_, f) => `${fieldName(f)} ha un formato non valido.`,
  ],
  [/^(The body|"[^"]*") must not be empty\.$/, (_, f) => `${fieldName(f)} non deve essere vuoto.`],
  [/^(The body|"[^"]*") is invalid\.$/, (_, f) => `${fieldName(f)} non è valido.`],
  [/^Request too large$/, 'Richiesta troppo grande'],
  [
    /^The request body is larger than this server accepts\.$/,
    'Il corpo della richiesta supera la dimensione accettata da questo server.',
  ],
  [/^The request body is larger than (\d+) bytes\.$/, 'Il corpo della richiesta supera $1 byte.'],
  [/^Invalid JSON$/, 'JSON non valido'],
  [/^The request body is not valid JSON\.$/, 'Il corpo della richiesta non è un JSON valido.'],
  [/^Unsupported media type$/, 'Tipo di contenuto non supportato'],
  [/^Send the body as application\/json\.$/, 'Invia il corpo come application/json.'],
  [/^Not found$/, 'Non trovato'],
  [/^Nothing is served at (.+)\.$/, 'Nessuna risorsa a $1.'],
  [/^Method not allowed$/, 'Metodo non consentito'],
  [/^(\S+) is not supported here\. Allowed: (.+)\.$/, '$1 non è supportato qui. Consentiti: $2.'],
  // The filter engine's messages (an invalid-filter problem's detail and field error).
  ...FILTER_TEXTS,
];

/** True when the first language of an Accept-Language header is Italian. */
export function prefersItalian(acceptLanguage: string | undefined): boolean {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'it' || first.startsWith('it-');
}

function translate(text: string): string {
  for (const [pattern, italian] of TEXTS) {
    if (pattern.test(text)) {
      return typeof italian === 'string'
        ? text.replace(pattern, italian)
        : text.replace(pattern, italian);
    }
  }
  return text; // (a text with no translation stays as it is: never an empty one)
}

/** The texts a person reads: status messages, a problem's title and detail, its field errors. */
const TRANSLATED_KEYS = new Set(['statusMessage', 'title', 'detail', 'message']);

/** A response body with its status messages and problem texts in Italian. */
export function inItalian(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(inItalian);
  if (!body || typeof body !== 'object') return body;
  const translated = Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      typeof value === 'string' && TRANSLATED_KEYS.has(key) ? translate(value) : inItalian(value),
    ]),
  );
  // A validation problem's detail is its field errors' messages, one after another
  // (app.ts): translated one by one, as the field errors are.
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  if (typeof detail === 'string' && Array.isArray(errors) && errors.length > 1) {
    const messages = errors.map((e: { message?: unknown }) => String(e?.message));
    if (messages.join(' ') === detail) {
      translated['detail'] = (translated['errors'] as { message?: unknown }[])
        .map((e) => String(e.message))
        .join(' ');
    }
  }
  return translated;
}

// What the admin is told about a backend failure (README, "The backend contract"), as
// localized text; a sign-in's failures are in consent-failures.ts, which only the dialogs
// load. Server text stays text.
import { msg, str } from '@lit/localize';
import type { BackendError } from '../backend/errors.js';
import { KNOWN_PROBLEM_CODES } from '../backend/types.js';
import { getLocale, resolveLocale } from '../i18n/localization.js';

export type Operation = 'create' | 'update' | 'delete' | 'load';

export interface FailureView {
  stage: 'consent' | 'backend' | 'load';
  code: string;
  title: string;
  /** Our sentence: what happened and what to do. */
  message: string;
  /** The server's `detail` (else its problem `title`, see serverText), shown as text. */
  detail?: string;
  requestId?: string;
  status?: number;
  /** Trying again with the same data can help. */
  retryable: boolean;
  /** The list may be out of date: refresh it. */
  refreshList: boolean;
  /**
   * No answer came (the network, a timeout): the server may still finish the request, so
   * the list is read again a little later too.
   */
  unanswered?: boolean;
  /** The server refused the request's idempotency key: the next try needs a new one. */
  newKey?: boolean;
  /** The vendor lock applies (show the contact link). */
  vendorLock: boolean;
  /** A message for the filter field (400 errors[] on `filter`, 413/414). */
  filterError?: string;
  /** Where the backend placed the filter error, in the text that was sent. */
  filterErrorRange?: { offset: number; length: number };
  /** The cached consent result is no longer good (401/403 consent-invalid). */
  dropConsent: boolean;
  /**
   * The integration edited or deleted no longer exists (404 not-found): its dialog has
   * nothing left to do or retry, and reviewing the data can't help.
   */
  gone?: boolean;
}

/** Why + Create is locked (also the answer to a create the backend refused for the lock). */
export function vendorLockMessage(vendorName: string): string {
  return msg(
    str`Users’ synchronization is managed by ${vendorName}: only they can add integrations.`,
    { id: 'user-sync.lock.reason' },
  );
}

/** The backend refused to change or delete an integration because the vendor manages it. */
function vendorLockedChangeMessage(vendorName: string): string {
  return msg(
    str`This integration is managed by ${vendorName}: only they can change or delete it.`,
    {
      id: 'user-sync.lock.change-refused',
    },
  );
}

/**
 * The failure window's title; `unsure` when the server may have done it anyway (a timeout,
 * an answer the page can't read): "may not have been", not "was not".
 */
function titleFor(op: Operation, unsure = false): string {
  switch (op) {
    case 'create':
      return unsure
        ? msg('The integration may not have been created', {
            id: 'user-sync.failure.title.create-unsure',
          })
        : msg('The integration was not created', { id: 'user-sync.failure.title.create' });
    case 'update':
      return unsure
        ? msg('The filters may not have been saved', {
            id: 'user-sync.failure.title.update-unsure',
          })
        : msg('The filters were not saved', { id: 'user-sync.failure.title.update' });
    case 'delete':
      return unsure
        ? msg('The integration may not have been deleted', {
            id: 'user-sync.failure.title.delete-unsure',
          })
        : msg('The integration was not deleted', { id: 'user-sync.failure.title.delete' });
    default:
      return msg('The integrations could not be loaded', { id: 'user-sync.failure.title.load' });
  }
}

/**
 * What to tell support, after a failure the server should explain: its request id where the
 * answer has one to quote (a backend may send none, or a cross-origin one may not expose it:
 * Access-Control-Expose-Headers), else when it happened.
 */
function askSupport(e: BackendError): string {
  return e.requestId
    ? msg('Try again; if it keeps happening, contact support with the request id.', {
        id: 'user-sync.failure.ask-support',
      })
    : msg('Try again; if it keeps happening, contact support and say when it happened.', {
        id: 'user-sync.failure.ask-support-no-id',
      });
}

/** A problem's `title` that only names its HTTP status (the reason phrases of the statuses a backend answers with), which our sentence already says. */
const REASON_PHRASE =
  /^(bad request|unauthori[sz]ed|forbidden|not found|method not allowed|not acceptable|request time-?out|conflict|gone|precondition failed|(payload|content|request entity) too large|(request-)?uri too long|unsupported media type|unprocessable (entity|content)|locked|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out)$/i;

/**
 * What the server said about it, shown as text: its `detail`; else, for a problem of a kind
 * this element doesn't know (`maintenance`), its `title`, which names that kind (RFC 9457)
 * and is all a backend that writes no detail says ("Down for maintenance until 18:00"),
 * unless the title is only the status's reason phrase, which our sentence already gives.
 */
function serverText(e: BackendError): string | undefined {
  if (e.detail) return e.detail;
  const title = e.title?.trim();
  // (The contract's codes, which our own sentences explain.)
  const known = (KNOWN_PROBLEM_CODES as readonly string[]).includes(e.code);
  return title && !known && !REASON_PHRASE.test(title) ? title : undefined;
}

/**
 * When to try again after a `Retry-After` of so many seconds ("in 1 second", "tra 2 minuti"),
 * '' for none (or none that makes sense). In a language the package has words for, as the
 * sentence around it: a host's runtime may be in another, whose text for the sentence falls
 * back to English. (The backend's answers, and Graph's in Preview.)
 */
export function retryIn(wait: number): string {
  if (!(Number.isFinite(wait) && wait > 0)) return ''; // (RelativeTimeFormat throws on Infinity)
  const [n, unit] =
    wait < 60 ? [wait, 'second'] : wait < 5400 ? [wait / 60, 'minute'] : [wait / 3600, 'hour'];
  return new Intl.RelativeTimeFormat(resolveLocale(getLocale())).format(
    Math.ceil(n),
    unit as Intl.RelativeTimeFormatUnit,
  );
}

export function describeBackendError(
  e: BackendError,
  op: Operation,
  vendorName: string,
): FailureView {
  const said = serverText(e);
  const base: FailureView = {
    stage: op === 'load' ? 'load' : 'backend',
    code: e.code,
    title: titleFor(op),
    message: '',
    ...(said ? { detail: said } : {}),
    ...(e.requestId ? { requestId: e.requestId } : {}),
    ...(e.status ? { status: e.status } : {}),
    retryable: false,
    refreshList: false,
    vendorLock: false,
    dropConsent: false,
  };
  const status = e.status ?? 0;
  // A change the server may have made all the same (no answer came, or a gateway's): "may
  // not have been", a retry that is the same request, and the list read again later too.
  const mayHaveBeenDone = (message: string): FailureView => ({
    ...base,
    title: titleFor(op, true),
    message,
    retryable: true,
    refreshList: true,
    unanswered: true,
  });
  if (e.code === 'request-headers-failed') {
    // The page's own hook threw before anything was sent: not the network's fault.
    return {
      ...base,
      message: msg(
        'This page could not prepare the request (its request headers failed), so nothing was sent. Reload the page and try again.',
        { id: 'user-sync.failure.request-headers' },
      ),
      retryable: true,
    };
  }
  if (e.kind === 'network') {
    // A fetch that fails can't say whether the request got there: the connection may have
    // broken after the server had it (it then did the work). Loading changes nothing.
    if (op === 'load') {
      return {
        ...base,
        message: msg('Couldn’t reach the server. Check the connection and try again.', {
          id: 'user-sync.failure.network',
        }),
        retryable: true,
      };
    }
    return mayHaveBeenDone(
      op === 'create'
        ? msg(
            'Couldn’t reach the server, or the connection broke before it answered. Check the connection and try again: nothing will be created twice.',
            { id: 'user-sync.failure.network-create' },
          )
        : msg(
            'Couldn’t reach the server, or the connection broke before it answered, so the change may or may not have been made. Check the connection and try again.',
            { id: 'user-sync.failure.network-change' },
          ),
    );
  }
  if (e.kind === 'timeout') {
    if (op === 'load') {
      return {
        ...base,
        message: msg('The server is taking too long to answer. Try again.', {
          id: 'user-sync.failure.timeout-load',
        }),
        retryable: true,
      };
    }
    return mayHaveBeenDone(
      op === 'create'
        ? msg(
            'The server is taking too long to answer. Try again: nothing will be created twice.',
            {
              id: 'user-sync.failure.timeout',
            },
          )
        : msg(
            'The server is taking too long to answer, so the change may or may not have been made. Try again.',
            { id: 'user-sync.failure.timeout-change' },
          ),
    );
  }
  if (e.kind === 'busy') {
    return {
      ...base,
      message: msg('A request is already in progress. Wait for it to finish.', {
        id: 'user-sync.failure.busy',
      }),
    };
  }
  if (e.code === 'invalid-response') {
    return {
      ...base,
      title: titleFor(op, true),
      // Loading the list changes nothing: no "may not have been saved" there.
      message: `${
        op === 'load'
          ? msg(str`The server answered with something this page can’t read (HTTP ${status}).`, {
              id: 'user-sync.failure.invalid-response-load',
            })
          : op === 'create'
            ? msg(
                str`The server answered with something this page can’t read (HTTP ${status}): the integration may have been created anyway. Try again: nothing will be created twice.`,
                { id: 'user-sync.failure.invalid-response-create' },
              )
            : msg(
                str`The server answered with something this page can’t read (HTTP ${status}), so the change may not have been made.`,
                { id: 'user-sync.failure.invalid-response' },
              )
      } ${askSupport(e)}`,
      retryable: true,
      refreshList: op !== 'load',
    };
  }
  if (e.code === 'vendor-managed-lock') {
    return {
      ...base,
      message:
        op === 'create' ? vendorLockMessage(vendorName) : vendorLockedChangeMessage(vendorName),
      refreshList: true,
      vendorLock: true,
    };
  }
  if (e.code === 'already-exists') {
    return {
      ...base,
      message: msg('An integration for this data source and organization already exists.', {
        id: 'user-sync.failure.already-exists',
      }),
      refreshList: true,
    };
  }
  if (e.code === 'idempotency-key-reused') {
    // The server holds this request's key for other data (the dialog sends a new one for
    // new data, so a backend that compares bodies differently): the next try goes out
    // with a new key, as a new request.
    return {
      ...base,
      message: msg(
        'The server had already received this request with other data. Try again: it will be sent as a new request.',
        { id: 'user-sync.failure.key-reused' },
      ),
      retryable: true,
      newKey: true,
    };
  }
  const filterField = e.fieldErrors.find((f) => f.field === 'filter');
  if (status === 400 || status === 422) {
    return {
      ...base,
      message: filterField
        ? msg('The server found a problem in the filters.', {
            id: 'user-sync.failure.invalid-filter',
          })
        : msg('The server rejected the data.', { id: 'user-sync.failure.bad-request' }),
      ...(filterField ? { filterError: filterField.message || e.detail || '' } : {}),
      ...(filterField?.offset !== undefined && filterField.length !== undefined
        ? { filterErrorRange: { offset: filterField.offset, length: filterField.length } }
        : {}),
      detail:
        e.detail ?? (e.fieldErrors.length ? e.fieldErrors.map((f) => f.message).join(' ') : said),
      retryable: false,
    } as FailureView;
  }
  if (status === 401) {
    return {
      ...base,
      message: msg('Your sign-in is no longer valid. Sign in again, then try again.', {
        id: 'user-sync.failure.unauthorized',
      }),
      dropConsent: true,
    };
  }
  if (status === 403) {
    return {
      ...base,
      message:
        e.code === 'consent-invalid'
          ? msg('Microsoft didn’t confirm the permissions. Sign in again and grant them.', {
              id: 'user-sync.failure.consent-invalid',
            })
          : msg('You are not allowed to do this. Ask an administrator for access.', {
              id: 'user-sync.failure.forbidden',
            }),
      dropConsent: e.code === 'consent-invalid',
    };
  }
  if (status === 404 && e.code === 'not-found' && (op === 'update' || op === 'delete')) {
    return {
      ...base,
      message: msg('This integration no longer exists. The list has been refreshed.', {
        id: 'user-sync.failure.gone',
      }),
      refreshList: true,
      gone: true,
    };
  }
  if (status === 404 || status === 405) {
    return {
      ...base,
      message: msg(
        str`The integrations endpoint is misconfigured (HTTP ${status}). Contact the administrator of this console.`,
        { id: 'user-sync.failure.misconfigured' },
      ),
    };
  }
  if (status === 413 || status === 414) {
    const tooLong = msg('The filters are too long for the server. Shorten them and try again.', {
      id: 'user-sync.failure.too-long',
    });
    return { ...base, message: tooLong, filterError: tooLong };
  }
  if (status === 409) {
    return {
      ...base,
      message: msg('The change conflicts with the current state. The list has been refreshed.', {
        id: 'user-sync.failure.conflict',
      }),
      refreshList: true,
    };
  }
  // When to try again, if the answer said (429, 503).
  const when = retryIn(e.retryAfter ?? 0);
  if (status === 429) {
    // The client waited (Retry-After up to 10 s) and tried once; a longer wait is the admin's.
    return {
      ...base,
      message: when
        ? msg(str`The server is busy. Try again ${when}.`, {
            id: 'user-sync.failure.rate-limited-for',
          })
        : msg('The server is busy. Wait a moment and try again.', {
            id: 'user-sync.failure.rate-limited',
          }),
      retryable: true,
    };
  }
  if ((status === 502 || status === 504) && op !== 'load') {
    // A gateway's answer: the backend behind it may have done the change, or may still be
    // doing it, as after a timeout.
    return mayHaveBeenDone(
      op === 'create'
        ? msg(
            str`A gateway answered for the server (HTTP ${status}): the integration may have been created all the same. Try again: nothing will be created twice.`,
            { id: 'user-sync.failure.gateway-create' },
          )
        : msg(
            str`A gateway answered for the server (HTTP ${status}), so the change may or may not have been made. Try again.`,
            { id: 'user-sync.failure.gateway-change' },
          ),
    );
  }
  if (status === 503 && when) {
    return {
      ...base,
      message: msg(str`The server is unavailable (HTTP 503). Try again ${when}.`, {
        id: 'user-sync.failure.unavailable-for',
      }),
      retryable: true,
      refreshList: op !== 'load',
    };
  }
  if (status >= 500) {
    return {
      ...base,
      message: `${msg(str`The server had a problem (HTTP ${status}).`, {
        id: 'user-sync.failure.server',
      })} ${askSupport(e)}`,
      retryable: true,
      refreshList: op !== 'load',
    };
  }
  return {
    ...base,
    message: msg(str`Something went wrong (HTTP ${status}).`, { id: 'user-sync.failure.other' }),
    retryable: true,
  };
}

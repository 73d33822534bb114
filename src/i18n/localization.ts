// @lit/localize runtime mode, configured once for the whole package.
// The element's `lang` (or the closest [lang], then the document's) selects the
// locale; English is the source locale and needs no module.
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type UcxLocale = typeof sourceLocale | (typeof targetLocales)[number];

const loaders: Record<string, () => Promise<unknown>> = {
  it: () => import('./locales/it.js'),
};

let api: ReturnType<typeof configureLocalization> | undefined;
/** The runtime is ours (not a host app's, which then owns the locale). */
let ours = false;

/** The locale msg() currently reads, whoever's runtime loaded it (ours or the host app's). */
let shown: string = sourceLocale;
let watching = false;

/** Follows the runtime's ready events (set up on first use: importing has no side effects). */
function watch(): void {
  if (watching) return;
  watching = true;
  window.addEventListener(LOCALE_STATUS_EVENT, (e) => {
    if (e.detail.status === 'ready') shown = e.detail.readyLocale;
  });
}

/**
 * The host app's own @lit/localize runtime, which can be configured only once per page.
 * It then owns the locale: the elements follow its changes (msg() reads its translations,
 * README "Internationalization"), and `lang` no longer switches anything.
 */
function hostManaged(): ReturnType<typeof configureLocalization> {
  return { getLocale: () => shown, setLocale: () => Promise.resolve() };
}

function localization(): ReturnType<typeof configureLocalization> {
  if (!api) {
    try {
      api = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (locale) => {
          const load = loaders[locale];
          return (load ? load() : Promise.reject(new Error(`no locale ${locale}`))) as ReturnType<
            Parameters<typeof configureLocalization>[0]['loadLocale']
          >;
        },
      });
      ours = true;
    } catch {
      api = hostManaged(); // "lit-localize can only be configured once"
    }
  }
  return api;
}

/** Maps a BCP 47 tag (`it-IT`, `en-GB`, `IT`) to a supported locale. */
export function resolveLocale(lang: string | null | undefined): UcxLocale {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (targetLocales as readonly string[]).includes(primary)
    ? (primary as UcxLocale)
    : sourceLocale;
}

/**
 * The locale the strings are in now. Never configures the runtime itself, so a host app can
 * still configure its own after the elements have rendered in English.
 */
export function getLocale(): string {
  watch();
  return shown;
}

let pending: Promise<void> | undefined;
let wanted: string | undefined;

/**
 * The locale the strings are in, or are about to be in (the one being loaded): what the page
 * shows. The elements ask the backend for its texts in it and write dates in it, so two
 * sections with different `lang` on one page (which show one language) mix no other.
 * Undefined when the runtime isn't ours (a host app's, whose locale we may not have seen
 * set, or none configured: English only): then each element's own language applies.
 */
export function displayLocale(): string | undefined {
  return ours ? (wanted ?? shown) : undefined;
}

/** Switches the (page-wide) runtime locale; never throws. */
export function useLocale(lang: string | null | undefined): Promise<void> {
  watch();
  const locale = resolveLocale(lang);
  if (locale === wanted) return pending ?? Promise.resolve();
  // English is the source locale: msg() returns it with no configuration, so a page that
  // stays in English never sets up the runtime (one less thing in the first render).
  if (wanted === undefined && locale === (api ? api.getLocale() : sourceLocale)) {
    wanted = locale;
    return Promise.resolve();
  }
  wanted = locale;
  pending = localization()
    .setLocale(locale)
    .catch(() => undefined);
  return pending;
}

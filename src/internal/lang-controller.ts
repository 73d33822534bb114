import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { useLocale } from '../i18n/localization.js';
import { langSource, closestLang } from './lang.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps the (page-wide) runtime locale on the element's language, `closestLang`. The section
 * and the filter editor (which a host may also use alone) share it. The runtime has one
 * locale, so the last language set wins:
 * - an element applies its language when it connects, unless it only has the browser's and
 *   another element has already chosen one (a host's own editor doesn't undo the section's);
 * - when an element's `lang` changes, that element applies it;
 * - when `<html lang>` changes, the elements that take their language from it apply it.
 */
export class LangController implements ReactiveController {
  static #connected = new Set<LangController>();
  static #observer: MutationObserver | undefined;
  static #chosen = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    LangController.#connected.add(this);
    const observer = (LangController.#observer ??= new MutationObserver((records) => {
      const changed = new Set(records.map((r) => r.target));
      const html = document.documentElement;
      for (const c of LangController.#connected) {
        // Its own lang changed, or `<html lang>` where it takes its language from there.
        const fromPage = (source = langSource(c.host)) => source === html || source === null;
        if (changed.has(c.host) || (changed.has(html) && fromPage())) c.#apply();
      }
    }));
    // (Observing a node again replaces its registration; a removed element's registration
    // stays, harmless: only connected ones apply.)
    observer.observe(document.documentElement, { attributeFilter: ['lang'] });
    observer.observe(this.host, { attributeFilter: ['lang'] });
    if (langSource(this.host) || !LangController.#chosen) this.#apply();
  }

  hostDisconnected(): void {
    LangController.#connected.delete(this);
  }

  #apply(): void {
    if (!this.host.isConnected) return;
    if (langSource(this.host)) LangController.#chosen = true;
    void useLocale(closestLang(this.host));
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { useLocale } from '../i18n/localization.js';
import { closestLang } from './lang.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps the (page-wide) runtime locale on the element's language, `closestLang`: when it
 * connects, and when its `lang` or the page's `<html lang>` changes. Shared by the section and
 * the filter editor, which a host may also use alone.
 */
export class LangController implements ReactiveController {
  /** Connected elements: one observer watches `<html lang>` and their own `lang` for them all. */
  static #connected = new Set<LangController>();
  static #observer: MutationObserver | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    LangController.#connected.add(this);
    const observer = (LangController.#observer ??= new MutationObserver(() => {
      for (const c of LangController.#connected) c.apply();
    }));
    // (Observing a node again replaces its registration; a removed element's stays harmless,
    // as only connected ones apply.)
    observer.observe(document.documentElement, { attributeFilter: ['lang'] });
    observer.observe(this.host, { attributeFilter: ['lang'] });
    this.apply();
  }

  hostDisconnected(): void {
    LangController.#connected.delete(this);
  }

  apply(): void {
    if (this.host.isConnected) void useLocale(closestLang(this.host));
  }
}

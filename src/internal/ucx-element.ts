import { LitElement } from 'lit';
import { localized } from '@lit/localize';

/**
 * Base class of the package's elements: localized (re-renders when the runtime
 * locale changes) and with a typed `emit()` helper.
 */
@localized()
export class UcxElement extends LitElement {
  /** Dispatches `event` from this element; false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}

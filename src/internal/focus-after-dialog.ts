/**
 * Gives focus back when a dialog of the section closes: to the control that opened it, or,
 * when that has left the page (its row was deleted, or read away by a refresh or a poll), to
 * `fallback`, else the section's + Create beside the dialog, rather than the page's body.
 */
export function focusAfterDialog(
  dialog: Element,
  trigger: HTMLElement | undefined,
  fallback?: HTMLElement,
): void {
  if (trigger?.isConnected) trigger.focus();
  if (trigger?.matches(':focus')) return;
  const create = (dialog.getRootNode() as ParentNode).querySelector?.<HTMLElement>(
    '[part~="create-button"]',
  );
  (fallback?.isConnected ? fallback : create)?.focus();
}

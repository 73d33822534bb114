/**
 * Gives focus back when a dialog of the section closes: to the control that opened it, or,
 * when that can't take it (its row was deleted, or read away by a refresh or a poll; a host's
 * menu item, hidden since), to the section's + Create beside the dialog, rather than the
 * page's body.
 */
export function focusAfterDialog(dialog: Element, trigger: HTMLElement | undefined): void {
  if (trigger?.isConnected) trigger.focus();
  if (trigger?.matches(':focus')) return;
  (dialog.getRootNode() as ParentNode)
    .querySelector?.<HTMLElement>('[part~="create-button"]')
    ?.focus();
}

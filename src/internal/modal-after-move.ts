/**
 * A modal `<dialog>` taken out of the page leaves the top layer and comes back open but no
 * longer modal (HTML's dialog removing steps): no backdrop, the page behind it usable. After
 * such a move (a framework's portal, a host re-parenting the section), this shows it modally
 * again. That takes a close() first, whose `close` event comes later: true means one is on
 * its way, which the caller's close handler must skip (the dialog is still open).
 */
export function showModalAgain(dialog: HTMLDialogElement | null | undefined): boolean {
  if (!dialog?.isConnected || !dialog.open || dialog.matches(':modal')) return false;
  dialog.close();
  try {
    dialog.showModal();
  } catch {
    /* (a dialog that can't be modal here stays closed) */
  }
  return true;
}

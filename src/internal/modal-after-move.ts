/**
 * A modal `<dialog>` taken out of the page leaves the top layer and comes back open but no
 * longer modal (HTML's dialog removing steps): no backdrop, the page behind it usable. After
 * such a move (a framework's portal, a host re-parenting the section), this shows it modally
 * again. That takes a close() first, whose `close` event comes later, to a dialog that is
 * open again: stopped here (a capture listener on the dialog runs before its own handlers),
 * so no element takes it for the admin's.
 */
export function showModalAgain(dialog: HTMLDialogElement | null | undefined): void {
  if (!dialog?.isConnected || !dialog.open || dialog.matches(':modal')) return;
  dialog.addEventListener(
    'close',
    (e) => {
      if (dialog.open) e.stopImmediatePropagation();
    },
    { capture: true, once: true },
  );
  dialog.close();
  try {
    dialog.showModal();
  } catch {
    /* (a dialog that can't be modal here stays closed, and its close event goes through) */
  }
}

import { UcxErrorEvent } from '../events/error.js';

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

/**
 * A create, save or delete the move cut off, once the dialog is back in the page: the server
 * may have had it, so the list is read again, and the host is told as of a timeout (back in
 * the page: a listener on the document hears it; a section taken away for good says nothing
 * to a page that removed it).
 */
export function reportInterrupted(
  delegate:
    { refresh(options?: { unsure?: boolean }): unknown; emit(event: Event): boolean } | undefined,
  message: string,
): void {
  delegate?.refresh({ unsure: true });
  delegate?.emit(new UcxErrorEvent({ stage: 'backend', code: 'interrupted', message }));
}

// A slow request in a dialog (create, edit, delete) says, after a while, that it is still
// working and can be cancelled (busy at once, "still working" after ~10 s).
import { msg } from '@lit/localize';

/** Milliseconds before "Still working…" appears. */
export const STILL_WORKING_DELAY = 10_000;

/** The still-working sentence, written when shown (so it follows a change of language). */
const stillWorking = () =>
  msg('Still working… You can wait or cancel.', { id: 'user-sync.dialog.still-working' });

/**
 * After `delay` ms, hands `say` what writes the still-working sentence; clear the returned
 * timer to stop.
 */
export function sayStillWorkingAfter(
  delay: number,
  say: (text: () => string) => void,
): ReturnType<typeof setTimeout> {
  return setTimeout(() => say(stillWorking), delay);
}

// Text a dialog keeps on screen (a status line, a reason under Create) is kept as what writes
// it, not as its words: each render writes it in the language of that moment, so text already
// shown follows a change of `lang` (README: "the language changes without a reload"). Server
// text stays as it came, inside such a function. Only the dialogs import this module.

/** Writes the text in the current language; '' when there is none. */
export type LazyText = (() => string) | '';

/** The words of `text` now ('' for none). */
export const textOf = (text: LazyText): string => (text ? text() : '');

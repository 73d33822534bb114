/**
 * A count as the language writes numbers (English 1,225; Italian 1225 but 12.250), the same
 * in the preview and in the removal confirmation beside it. Only the dialogs import this.
 */
export function formatCount(n: number, lang: string | undefined): string {
  try {
    return new Intl.NumberFormat(lang || undefined).format(n);
  } catch {
    return String(n); // (a lang that isn't a language tag)
  }
}

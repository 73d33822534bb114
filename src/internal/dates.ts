// Intl.DateTimeFormat is costly to create (the first one loads locale data),
// so one formatter per locale serves every row.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * Creates the locale's formatter ahead of use. The first Intl object a page makes costs
 * tens of milliseconds (the engine sets up its locale data), so the section does this
 * while it waits for the list, not while the list renders.
 */
export function prepareDateFormat(locale: string): void {
  try {
    formatterFor(locale);
  } catch {
    // formatDateTime falls back to ISO text
  }
}

/**
 * A localized date-time; '' when the value is missing. One the browser can't read (a leap
 * second, a server's own format) is shown as it came: it is still a date, not "Never".
 */
export function formatDateTime(value: string | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    return formatterFor(locale).format(date);
  } catch {
    return date.toISOString();
  }
}

/** "27 Nov 2026, 10:55" in the given zone: how the UI shows a moment to the team. */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "now", "4 min", "3 h", "2 d": how long ago, short enough for a queue row. */
export function ago(date: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/**
 * Replaces {key} placeholders in one pass, so a value is never read as a placeholder or as a
 * replacement pattern (String.replace turns "$&" and "$'" in a plain string into text of the
 * template). The values are plain text: templates escape them.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

/**
 * An email address as HTML that a narrow column breaks at its "@" and dots rather than in the
 * middle of a word: escaped, with <wbr> before each of those.
 */
export function breakableAddress(address: string): string {
  return escapeHtml(address).replace(/([@.])/g, '<wbr>$1');
}

/** Text as HTML, for the few strings built outside the templates (which escape by themselves). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A stored key as a label a person reads: "billing_dispute" → "Billing dispute". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

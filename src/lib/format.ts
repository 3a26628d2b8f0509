/** "27 Nov 2026, 10:55" in the given zone: how the UI shows a moment to the team. */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

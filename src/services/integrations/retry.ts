/**
 * Pauses between attempts of a delivery that failed: quick at first (a receiver restarting),
 * then growing, for about a day and a quarter in all. After the last, the delivery is failed and
 * waits in the log for someone to send it again.
 */
export const RETRY_PAUSES_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 43_200_000];
export const MAX_ATTEMPTS = RETRY_PAUSES_MS.length + 1;

/** When to try again after `attempts` failed attempts; undefined: give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | undefined {
  const pause = RETRY_PAUSES_MS[attempts - 1];
  return pause === undefined ? undefined : new Date(now.getTime() + pause);
}

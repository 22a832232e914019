/** Today's date in UTC as YYYY-MM-DD: the only place the tools read the clock for dates. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

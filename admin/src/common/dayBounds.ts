/**
 * Date inputs hold a calendar day (YYYY-MM-DD); the API compares instants, so
 * "from" becomes the start of that day and "until" its end, both in the
 * officer's time zone. Used as the `parse` of DateInput filters.
 */
export const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : '');
export const endOfDay = (value: string) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : '');

/**
 * Other mail is no request: nothing obliges the company to keep it, and Art. 5(1)(e) says not
 * longer than needed. What the officer did not make a request of within the retention period
 * (OTHER_MAIL_RETENTION_DAYS, counted from its receipt) is deleted with its raw copy.
 */
export function otherMailCutoff(now: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error('the retention must be a whole number of days, 1 or more');
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
}

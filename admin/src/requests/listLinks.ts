import { todayInRome } from './dates';
import { OPEN_STATUSES } from './choices';

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const listWith = (filter: Record<string, unknown>) =>
  `/requests?${new URLSearchParams({
    filter: JSON.stringify(filter),
    order: 'ASC',
    sort: 'workingDueDate',
  })}`;

/** The request list, filtered as the dashboard's figures count (deadlines in Rome). */
export const requestListLinks = (today = todayInRome()) => ({
  open: listWith({ status: [...OPEN_STATUSES] }),
  overdue: listWith({ status: [...OPEN_STATUSES], workingDueDate_lte: addDays(today, -1) }),
  dueSoon: listWith({ status: [...OPEN_STATUSES], workingDueDate_gte: today, workingDueDate_lte: addDays(today, 7) }),
  // Identity information asked (any date) and not received yet.
  waitingOnSubject: listWith({
    status: [...OPEN_STATUSES],
    identityInfoRequestedAt_gte: '2000-01-01',
    identityInfoReceivedAt: null,
  }),
  byStatus: (status: string) => listWith({ status: [status] }),
  closed: listWith({ status: ['completed', 'rejected'] }),
  answeredLate: listWith({ status: ['completed', 'rejected'], answeredLate: true }),
});

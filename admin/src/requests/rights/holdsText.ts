import { HOLD_GROUND_LETTERS } from '../choices';
import type { HoldGround, HoldState } from '../../api';
import type { Translate } from './rightsText';

export const H = 'app.requests.rights.holds';

export const HOLD_STATE_COLORS: Record<HoldState, 'info' | 'warning' | 'default'> = {
  in_force: 'info',
  review_due: 'warning',
  ended: 'default',
  lifted: 'default',
};

/** In force or due for review: it keeps its records, and only lifting ends it. */
export const holdInForce = (state: HoldState) => state === 'in_force' || state === 'review_due';

/**
 * A day chosen in a date input as the instant the API stores: midday UTC is the same calendar day
 * in Rome in every season, so the day shown back (and in the letter) is the day chosen.
 */
export const dayToInstant = (day: string) => `${day}T12:00:00.000Z`;

/** "Legal claims (Art. 17(3)(e))", its article written as the officer's language writes it. */
export const groundName = (translate: Translate, ground: HoldGround) =>
  translate(`${H}.ground_with_article`, {
    ground: translate(`${H}.grounds.${ground}`),
    article: translate(`${H}.article`, { letter: HOLD_GROUND_LETTERS[ground] }),
  });

import type { RecordStop } from '../api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The activity a stop names, or "all direct marketing" for an objection to all of it. */
export const stoppedActivity = (translate: Translate, stop: Pick<RecordStop, 'activity'>) =>
  stop.activity ?? translate('app.requests.stops.all_marketing');

/** Why, in the middle of a sentence: "objection (Art. 21(1))", "consent withdrawn (Art. 7(3))". */
export const stopReasonWords = (translate: Translate, stop: Pick<RecordStop, 'reason'>) => {
  const words = translate(`app.requests.stops.reasons.${stop.reason}`);
  return words.charAt(0).toLowerCase() + words.slice(1);
};

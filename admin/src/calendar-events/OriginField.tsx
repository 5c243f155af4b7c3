import type { FieldProps } from 'react-admin';

import { VocabularyChipField } from '../common/VocabularyChipField';
import type { CalendarEvent } from '../api';
import { ORIGINS_VOCABULARY, originColors } from './vocabulary';

/** How the event came to be: created by the user, by the system, or imported from Google. */
export const OriginField = ({ source = 'origin' }: Partial<FieldProps<CalendarEvent>>) => (
  <VocabularyChipField source={source} vocabulary={ORIGINS_VOCABULARY} colors={originColors} />
);

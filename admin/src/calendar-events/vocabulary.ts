import type { ChipColor } from '../common/VocabularyChipField';
import { EVENT_ORIGINS } from '../choices';

export const ORIGINS_VOCABULARY = 'resources.calendar-events.origins';

export const originChoices = EVENT_ORIGINS.map((origin) => ({ id: origin, name: `${ORIGINS_VOCABULARY}.${origin}` }));

export const originColors: Record<string, ChipColor> = { manual: 'primary', system: 'secondary', imported: 'default' };

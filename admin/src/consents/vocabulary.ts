import type { ChipColor } from '../common/VocabularyChipField';
import { CONSENT_ACTIONS, CONSENT_CATEGORIES } from '../choices';
import type { ConsentCategory } from '../api';

export const ACTIONS_VOCABULARY = 'resources.consents.actions';
export const CATEGORIES_VOCABULARY = 'resources.consents.categories';

export const consentActionChoices = CONSENT_ACTIONS.map((action) => ({
  id: action,
  name: `${ACTIONS_VOCABULARY}.${action}`,
}));

export const consentActionColors: Record<string, ChipColor> = {
  grant: 'success',
  update: 'info',
  withdraw: 'warning',
};

/** The categories of the cookie policy, in its order; a missing one counts as refused. */
export const categoryEntries = (categories: Partial<Record<ConsentCategory, boolean>> | null | undefined) =>
  CONSENT_CATEGORIES.map((category) => [category, categories?.[category] === true] as const);

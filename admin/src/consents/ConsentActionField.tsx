import type { FieldProps } from 'react-admin';

import { VocabularyChipField } from '../common/VocabularyChipField';
import type { ConsentRecord } from '../api';
import { ACTIONS_VOCABULARY, consentActionColors } from './vocabulary';

/** What the visitor did on the cookie banner: gave, changed or withdrew consent. */
export const ConsentActionField = ({ source = 'action' }: Partial<FieldProps<ConsentRecord>>) => (
  <VocabularyChipField source={source} vocabulary={ACTIONS_VOCABULARY} colors={consentActionColors} />
);

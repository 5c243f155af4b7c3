import { Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatDay, formatInstant } from '../dates';
import type { DataSubjectRequest } from '../../api';
import {
  CHANNELS_VOCABULARY,
  GROUNDS_VOCABULARY,
  LANGUAGES_VOCABULARY,
  METHODS_VOCABULARY,
  REJECTION_VOCABULARY,
  STATUSES_VOCABULARY,
  TYPES_VOCABULARY,
} from '../vocabulary';
import { FileSection, fileTableSx } from './FileSection';

/** The request as recorded: who asked what, when, by which channel, its deadlines and its end. */
export const RequestFacts = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const day = (value: string | null) => formatDay(value, locale, 'long');
  const instant = (value: string | null) => formatInstant(value, locale);
  const word = (vocabulary: string, value: string | null) =>
    value ? translate(`${vocabulary}.${value}`, { _: value }) : null;
  const rows: Array<[string, string | null]> = [
    ['reference', request.reference],
    ['type', word(TYPES_VOCABULARY, request.type)],
    ['status', word(STATUSES_VOCABULARY, request.status)],
    ['channel', word(CHANNELS_VOCABULARY, request.channel)],
    ['language', word(LANGUAGES_VOCABULARY, request.language)],
    ['receivedAt', instant(request.receivedAt)],
    ['subjectName', request.subjectName],
    ['subjectEmail', request.subjectEmail],
    ['subjectPhone', request.subjectPhone],
    ['description', request.description],
    ['dueDate', day(request.dueDate)],
    ['extendedDueDate', day(request.extendedDueDate)],
    ['extensionReason', request.extensionReason],
    ['pausedDueDate', day(request.pausedDueDate)],
    ['identityVerifiedAt', instant(request.identityVerifiedAt)],
    ['identityMethod', word(METHODS_VOCABULARY, request.identityMethod)],
    ['rejectionReason', word(REJECTION_VOCABULARY, request.rejectionReason)],
    ['rejectionGround', word(GROUNDS_VOCABULARY, request.rejectionGround)],
    ['rejectionStatement', request.rejectionStatement],
    ['feeAmount', request.feeAmount === null ? null : `€ ${request.feeAmount.toFixed(2)}`],
    ['outcome', request.outcome],
    ['closedAt', instant(request.closedAt)],
    ['lateByDays', request.answeredLate ? String(request.lateByDays ?? '') : null],
  ];
  return (
    <FileSection title={translate('app.requests.file.request.title')} testId="file-request">
      <Box component="table" sx={fileTableSx}>
        <tbody>
          {rows
            .filter(([, value]) => value !== null && value !== '')
            .map(([field, value]) => (
              <tr key={field}>
                <th scope="row">{translate(`resources.requests.fields.${field}`)}</th>
                <td style={{ whiteSpace: 'pre-wrap' }}>{value}</td>
              </tr>
            ))}
        </tbody>
      </Box>
    </FileSection>
  );
};

import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import { L, letterName } from '../letters/lettersText';
import type { DataSubjectRequest, Letter } from '../../api';
import { FileSection, fileTableSx } from './FileSection';

/** Every letter of the request: which, to whom, when written and sent, and its state. */
export const LettersSection = ({ request, letters }: { request: DataSubjectRequest; letters: Letter[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string) => translate(`app.requests.file.letters.${key}`);
  return (
    <FileSection title={t('title')} testId="file-letters">
      {letters.length === 0 ? (
        <Typography variant="body2">{t('none')}</Typography>
      ) : (
        <Box component="table" sx={fileTableSx}>
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('subject')}</th>
              <th>{t('to')}</th>
              <th>{t('sent')}</th>
              <th>{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatInstant(letter.createdAt, locale)}</td>
                <td>
                  <strong>{letterName(translate, letter.kind, request.type)}</strong>
                  <br />
                  {letter.subject}
                </td>
                <td>{letter.to}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatInstant(letter.sentAt, locale) ?? t('not_sent')}</td>
                <td>{translate(`${L}.states.${letter.state}`, { _: letter.state })}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
    </FileSection>
  );
};

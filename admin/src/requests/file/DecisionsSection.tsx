import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { RequestEvent } from '../../api';
import { FileSection, fileTableSx } from './FileSection';
import { decisionsOf } from './requestFile';

/** Every decision taken on the request, oldest first, with who took it and the reason recorded. */
export const DecisionsSection = ({ events }: { events: RequestEvent[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const decisions = decisionsOf(events);
  const t = (key: string) => translate(`app.requests.file.decisions.${key}`);
  return (
    <FileSection title={t('title')} testId="file-decisions">
      {decisions.length === 0 ? (
        <Typography variant="body2">{t('none')}</Typography>
      ) : (
        <Box component="table" sx={fileTableSx}>
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('decision')}</th>
              <th>{t('who')}</th>
              <th>{t('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((event) => (
              <tr key={event.id} data-kind={event.kind}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatInstant(event.at, locale)}</td>
                <td>{translate(`resources.requests.events.${event.kind}`, { _: event.kind })}</td>
                <td>{event.actorEmail ?? translate('app.audit.system_actor')}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{event.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
    </FileSection>
  );
};

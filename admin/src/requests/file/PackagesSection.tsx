import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../../i18n';
import { formatInstant } from '../dates';
import type { RequestEvent } from '../../api';
import { codeSx, FileSection, fileTableSx } from './FileSection';
import { packagesOf } from './requestFile';

/** The ZIPs handed over, each with the SHA-256 the console computed while sending it. */
export const PackagesSection = ({ events }: { events: RequestEvent[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const packages = packagesOf(events);
  const t = (key: string) => translate(`app.requests.file.packages.${key}`);
  const kilobytes = (size: number) =>
    `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(Math.max(1, size / 1024))} KB`;
  return (
    <FileSection title={t('title')} testId="file-packages">
      {packages.length === 0 ? (
        <Typography variant="body2">{t('none')}</Typography>
      ) : (
        <Box component="table" sx={fileTableSx}>
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('kind')}</th>
              <th>{t('who')}</th>
              <th>{t('size')}</th>
              <th>{t('checksum')}</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((found) => (
              <tr key={`${found.at}-${found.sha256}`}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatInstant(found.at, locale)}</td>
                <td>{translate(`app.requests.file.packages.kinds.${found.kind}`, { _: found.kind })}</td>
                <td>{found.by ?? translate('app.audit.system_actor')}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{found.size === null ? '' : kilobytes(found.size)}</td>
                <Box component="td" sx={codeSx}>
                  {found.sha256}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
    </FileSection>
  );
};

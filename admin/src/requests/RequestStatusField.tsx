import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import type { DataSubjectRequest, RequestStatus } from '../api';
import { STATUSES_VOCABULARY, statusColors } from './vocabulary';

export const RequestStatusChip = ({
  status,
  size = 'small',
}: {
  /** A RequestStatus; one this console does not know yet shows as it is. */
  status: string;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  const color = statusColors[status as RequestStatus] ?? 'default';
  return (
    <Chip
      size={size}
      color={color}
      variant={status === 'rejected' ? 'outlined' : 'filled'}
      data-testid="request-status"
      data-status={status}
      label={translate(`${STATUSES_VOCABULARY}.${status}`, { _: status })}
    />
  );
};

export const RequestStatusField = ({ source = 'status' }: Partial<FieldProps<DataSubjectRequest>>) => {
  const status = useFieldValue<DataSubjectRequest>({ source }) as RequestStatus | undefined;
  return status ? <RequestStatusChip status={status} /> : null;
};

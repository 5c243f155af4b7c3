import type { ErasureAction, ErasureReport, ErasureStepStatus } from '../../api';

export const T = 'app.requests.rights.erasure';

export const STATUS_COLORS: Record<ErasureStepStatus | 'pending', 'success' | 'error' | 'warning' | 'default'> = {
  done: 'success',
  failed: 'error',
  waived: 'warning',
  pending: 'default',
};

/** A record a legal hold keeps (`kept`) has no colour: nothing happens to it. */
export const ACTION_COLORS: Partial<Record<ErasureAction, 'error' | 'info' | 'warning'>> = {
  delete: 'error',
  revoke_and_delete: 'error',
  mask: 'info',
  unlink: 'info',
  remove_attendee: 'warning',
  mask_mention: 'info',
};

/** "Found through 1 e-mail and 1 phone number, which go on the suppression list", naming only what there is. */
export const foundThrough = (translate: (key: string, options?: object) => string, report: ErasureReport) => {
  const parts = [
    report.identifiers.emails ? translate(`${T}.dialog.emails`, { smart_count: report.identifiers.emails }) : null,
    report.identifiers.phones ? translate(`${T}.dialog.phones`, { smart_count: report.identifiers.phones }) : null,
  ].filter((part): part is string => !!part);
  if (parts.length === 2) return translate(`${T}.dialog.found_through`, { emails: parts[0], phones: parts[1] });
  if (parts.length === 1) return translate(`${T}.dialog.found_through_one`, { identifiers: parts[0] });
  return '';
};

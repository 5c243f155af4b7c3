import type {
  IdentityInfoChannel,
  IdentityMethod,
  MinorDecision,
  RejectionReason,
  RequestActionBodies,
  WorkflowAction,
} from '../../api';

/** The values of an action dialog's form, as react-admin gives them. */
export type FieldValues = Record<string, unknown>;

const iso = (value: unknown) => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toISOString();
  }
  return undefined;
};

const textOrUndefined = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The actions whose dialog posts its form's values (a document is read from its file; a note has its own route). */
export type FormAction = Exclude<WorkflowAction, 'identity-documents' | 'note'>;

/** The body the API expects for each action, from the dialog's form values. */
export const bodies: { [A in FormAction]: (values: FieldValues) => RequestActionBodies[A] } = {
  'identity-check': (v) => ({ text: textOrUndefined(v.text) }),
  verify: (v) => ({ method: v.method as IdentityMethod, note: textOrUndefined(v.note) }),
  extend: (v) => ({ reason: trimmed(v.reason), communicatedAt: iso(v.communicatedAt) ?? '' }),
  close: (v) => ({ outcome: trimmed(v.outcome) }),
  // The API ends the statement's sentence with its own full stop.
  reject: (v) => ({
    reason: v.reason as RejectionReason,
    ground:
      v.reason === 'merits' || v.reason === 'excessive'
        ? (v.ground as RequestActionBodies['reject']['ground'])
        : undefined,
    details: textOrUndefined(v.details)?.replace(/[.\s]+$/, ''),
  }),
  'identity-info-requested': (v) => ({
    what: trimmed(v.what),
    how: v.how as IdentityInfoChannel,
    askedAt: iso(v.askedAt) ?? '',
    respondBy: typeof v.respondBy === 'string' ? v.respondBy.slice(0, 10) : '',
  }),
  'identity-info-received': (v) => ({ receivedAt: iso(v.receivedAt) ?? '', what: trimmed(v.what) }),
  fee: (v) => ({
    amount: Number(v.amount),
    basis: v.basis as RequestActionBodies['fee']['basis'],
    justification: trimmed(v.justification),
  }),
  minor: (v) => ({ decision: v.decision as MinorDecision, note: textOrUndefined(v.note) }),
};

/** A file as base64, without the data: prefix. */
export const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });

/** What a dialog's form starts with: today's date where a date is asked, the usual choice where one is. */
export const defaultsOf = (action: WorkflowAction): FieldValues => {
  switch (action) {
    case 'verify':
      return { method: 'email_from_known_address' };
    case 'extend':
      return { communicatedAt: new Date().toISOString() };
    case 'identity-info-requested':
      return { how: 'email', askedAt: new Date().toISOString() };
    case 'identity-info-received':
      return { receivedAt: new Date().toISOString() };
    case 'fee':
      return { basis: 'excessive' };
    default:
      return {};
  }
};

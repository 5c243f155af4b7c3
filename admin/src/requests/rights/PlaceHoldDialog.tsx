import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import {
  FormDataConsumer,
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../../common/DateInputs';

import type { AppDataProvider } from '../../dataProvider';
import { ERASABLE_SOURCES } from '../../sources/catalogue';
import { todayInRome } from '../dates';
import { HOLD_GROUNDS } from '../choices';
import type { DataSubjectRequest, HoldGround } from '../../api';
import { FormDialog } from './FormDialog';
import { H, dayToInstant, groundName } from './holdsText';
import { explained, type KnownRefusal } from './explainError';
import { R } from './rightsText';
import { sourceName } from './shared';
import { useSubmit } from './useSubmit';

/** The refusals of `POST .../holds` the officer reads in their language. */
const PLACE_REFUSALS: KnownRefusal[] = [
  { status: 409, message: /is complete/, key: `${H}.errors.erasure_complete` },
  { status: 409, message: /^Verify the subject/, key: `${R}.verify_first` },
  { status: 409, message: /^Nothing more can be done/, key: `${H}.errors.closed` },
  { status: 409, field: 'source', key: `${H}.errors.already_erased` },
  { status: 400, message: /incomplete/, key: `${H}.errors.incomplete` },
  { status: 400, field: 'source', message: /has no records/, key: `${H}.errors.nothing_to_keep` },
  { status: 400, field: 'recordId', key: `${H}.errors.not_their_record` },
  { status: 400, field: 'legalReference', key: `${H}.errors.legal_reference` },
  { status: 400, field: 'endsAt', key: `${H}.errors.date` },
  { status: 400, field: 'reviewAt', key: `${H}.errors.date` },
];

const inTheFuture = (value: unknown) =>
  typeof value === 'string' && value && value <= todayInRome() ? `${H}.errors.date` : undefined;

/** A legal obligation names the law that imposes it (docs/erasure.md). */
const lawOfAnObligation = (value: unknown, all: Record<string, unknown>) =>
  all.ground === 'legal_obligation' && !(typeof value === 'string' && value.trim())
    ? `${H}.errors.legal_reference`
    : undefined;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Places a legal hold (Art. 17(3)): what to keep, the ground, the law, why, and until when. */
export const PlaceHoldDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const place = useSubmit(
    explained(translate, PLACE_REFUSALS, (values: Record<string, unknown>) => {
      const day = text(values.untilKind === 'end' ? values.endsAt : values.reviewAt);
      return dataProvider.placeHold(request.id, {
        source: String(values.source),
        recordId: text(values.recordId),
        ground: values.ground as HoldGround,
        legalReference: text(values.legalReference),
        reason: text(values.reason) ?? '',
        ...(values.untilKind === 'end' ? { endsAt: day && dayToInstant(day) } : { reviewAt: day && dayToInstant(day) }),
      });
    }),
    (hold) => {
      notify(`${H}.placed_done`, {
        type: 'success',
        messageArgs: { reference: request.reference, smart_count: hold.records.length },
      });
      onClose();
    },
  );
  return (
    <FormDialog
      title={translate(`${H}.dialog.title`, { reference: request.reference })}
      description={translate(`${H}.dialog.description`)}
      confirm={`${H}.dialog.confirm`}
      icon={<GavelOutlinedIcon />}
      onSubmit={place}
      onClose={onClose}
      maxWidth="md"
    >
      <SelectInput
        source="source"
        label={`${H}.dialog.source`}
        choices={ERASABLE_SOURCES.map((source) => ({ id: source, name: sourceName(translate, source) }))}
        translateChoice={false}
        validate={required()}
      />
      <TextInput
        source="recordId"
        label={`${H}.dialog.record`}
        helperText={`${H}.dialog.record_help`}
        validate={maxLength(200)}
      />
      <SelectInput
        source="ground"
        label={`${H}.dialog.ground`}
        choices={HOLD_GROUNDS.map((ground) => ({
          id: ground,
          name: groundName(translate, ground),
        }))}
        translateChoice={false}
        validate={required()}
      />
      <TextInput
        source="legalReference"
        label={`${H}.dialog.legal_reference`}
        helperText={`${H}.dialog.legal_reference_help`}
        validate={[lawOfAnObligation, maxLength(500)]}
      />
      <TextInput
        source="reason"
        label={`${H}.dialog.reason`}
        helperText={`${H}.dialog.reason_help`}
        multiline
        minRows={2}
        validate={[required(), minLength(10), maxLength(2000)]}
      />
      <RadioButtonGroupInput
        source="untilKind"
        label={`${H}.dialog.until`}
        defaultValue="review"
        choices={[
          { id: 'end', name: `${H}.dialog.until_end` },
          { id: 'review', name: `${H}.dialog.until_review` },
        ]}
        helperText={false}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.untilKind === 'end' ? (
            <DateInput
              key="endsAt"
              source="endsAt"
              label={`${H}.dialog.ends_at`}
              helperText={`${H}.dialog.ends_at_help`}
              validate={[required(), inTheFuture]}
            />
          ) : (
            <DateInput
              key="reviewAt"
              source="reviewAt"
              label={`${H}.dialog.review_at`}
              helperText={`${H}.dialog.review_at_help`}
              validate={[required(), inTheFuture]}
            />
          )
        }
      </FormDataConsumer>
    </FormDialog>
  );
};

import { Alert, Box, Button, Grid } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { useEffect, useRef } from 'react';
import {
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
  FormDataConsumer,
  useInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeInput } from '../common/DateInputs';
import { SectionTitle } from '../common/SectionTitle';
import type { DataSubjectRequest } from '../api';
import { TYPES_VOCABULARY, channelChoices, languageChoices, typeChoices } from './vocabulary';

/** The date-time input gives local "YYYY-MM-DDTHH:mm": the API wants an ISO instant. */
const toInstant = (value: string | null) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

/**
 * Edit only: a type read from an e-mail's wording is a guess until the
 * officer confirms it (or picks another, which confirms it too).
 */
const TypeGuessNotice = () => (
  <FormDataConsumer<DataSubjectRequest>>{({ formData }) => <TypeGuessAlert type={formData.type} />}</FormDataConsumer>
);

const TypeGuessAlert = ({ type }: { type: string | undefined }) => {
  const translate = useTranslate();
  const record = useRecordContext<DataSubjectRequest>();
  // typeGuessed has no input of its own: this notice is its input.
  const { field } = useInput({ source: 'typeGuessed' });
  const guessed = field.value === true;
  const confirm = field.onChange;
  const initialType = useRef(record?.type);

  useEffect(() => {
    if (guessed && type && type !== initialType.current) confirm(false);
  }, [type, guessed, confirm]);

  if (!record?.typeGuessed) return null;
  const typeLabel = translate(`${TYPES_VOCABULARY}.${type}`, { _: type ?? '' });
  return guessed ? (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="type-guess-notice"
      action={
        <Button
          color="inherit"
          size="small"
          startIcon={<CheckIcon />}
          sx={{ whiteSpace: 'nowrap' }}
          onClick={() => confirm(false)}
        >
          {translate('app.requests.confirm_type')}
        </Button>
      }
    >
      {translate('app.requests.guess_notice', { type: typeLabel })}
    </Alert>
  ) : (
    <Alert severity="success" sx={{ mb: 2 }}>
      {translate('app.requests.guess_confirmed', { type: typeLabel })}
    </Alert>
  );
};

/**
 * Edit only: the deadlines run from the receipt (GDPR Art. 12(3)), so moving it needs a reason,
 * which the API keeps on the timeline and in the audit log with both dates.
 */
const ReceiptChangeReason = () => {
  const record = useRecordContext<DataSubjectRequest>();
  return (
    <FormDataConsumer<DataSubjectRequest>>
      {({ formData }) => {
        const changed =
          record != null &&
          typeof formData.receivedAt === 'string' &&
          new Date(formData.receivedAt).getTime() !== new Date(record.receivedAt).getTime();
        return changed ? (
          <TextInput
            source="reason"
            multiline
            validate={[required(), minLength(10), maxLength(2000)]}
            helperText="resources.requests.help.reason"
          />
        ) : null;
      }}
    </FormDataConsumer>
  );
};

/** The fields shared by RequestCreate and RequestEdit. */
export const RequestInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Box sx={{ width: '100%', maxWidth: 860 }}>
    {mode === 'edit' && <TypeGuessNotice />}
    <SectionTitle label="app.requests.sections.request" />
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="type" choices={typeChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="channel" choices={channelChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateTimeInput
          source="receivedAt"
          parse={toInstant}
          validate={required()}
          helperText="resources.requests.help.receivedAt"
        />
      </Grid>
      {mode === 'edit' && (
        <Grid size={12}>
          <ReceiptChangeReason />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6 }}>
        <RadioButtonGroupInput
          source="language"
          choices={languageChoices}
          helperText="resources.requests.help.language"
        />
      </Grid>
    </Grid>
    <Box sx={{ mt: 2 }}>
      <SectionTitle label="app.requests.sections.subject" />
    </Box>
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="subjectName" validate={maxLength(200)} autoComplete="off" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="subjectEmail" type="email" validate={[email(), maxLength(320)]} autoComplete="off" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="subjectPhone" validate={maxLength(50)} autoComplete="off" />
      </Grid>
    </Grid>
    <TextInput
      source="description"
      multiline
      minRows={4}
      validate={maxLength(20_000)}
      helperText="resources.requests.help.description"
    />
  </Box>
);

import { Grid } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
} from 'react-admin';
import { DateTimeInput } from '../common/DateInputs';

import { SectionTitle } from '../common/SectionTitle';
import { linesToList, listToLines } from '../registers/vocabulary';
import { toInstant } from './dates';
import { RiskGuidance } from './RiskGuidance';
import { NATURE_CHOICES, RISK_CHOICES, SOURCE_CHOICES, STATUS_CHOICES } from './vocabulary';

const atLeastOne = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'ra.validation.required';

/** The fields of a breach, grouped as the register reads them (Art. 33(3) and 33(5)). */
export const BreachInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Grid container columnSpacing={2} sx={{ width: '100%', maxWidth: 1000 }}>
    <Grid size={12}>
      <SectionTitle label="app.breaches.sections.what" />
    </Grid>
    <Grid size={12}>
      <TextInput source="title" validate={required()} fullWidth />
    </Grid>
    <Grid size={12}>
      <TextInput source="description" validate={required()} fullWidth multiline minRows={3} />
    </Grid>
    <Grid size={{ xs: 12, sm: 4 }}>
      <DateTimeInput source="startedAt" parse={toInstant} validate={required()} />
    </Grid>
    <Grid size={{ xs: 12, sm: 4 }}>
      <DateTimeInput source="endedAt" parse={toInstant} helperText="resources.breaches.helpers.endedAt" />
    </Grid>
    <Grid size={{ xs: 12, sm: 4 }}>
      <BooleanInput source="ongoing" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <DateTimeInput source="awareAt" parse={toInstant} validate={required()} helperText="app.breaches.clock.help" />
    </Grid>
    {mode === 'edit' && (
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="status" choices={STATUS_CHOICES} />
      </Grid>
    )}
    <Grid size={12}>
      <CheckboxGroupInput source="nature" choices={NATURE_CHOICES} validate={atLeastOne} />
    </Grid>
    <Grid size={12}>
      <SectionTitle label="app.breaches.sections.data" />
    </Grid>
    <Grid size={12}>
      <CheckboxGroupInput source="sources" choices={SOURCE_CHOICES} />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <DateTimeInput source="dataFrom" parse={toInstant} helperText="resources.breaches.helpers.dataFrom" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <DateTimeInput source="dataUntil" parse={toInstant} helperText="resources.breaches.helpers.dataUntil" />
    </Grid>
    <Grid size={12}>
      <ArrayInput source="processors">
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput
            source="processorId"
            reference="processors"
            perPage={100}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 260 }} />
          </ReferenceInput>
          <DateTimeInput source="noticeAt" parse={toInstant} />
          <TextInput source="notes" />
        </SimpleFormIterator>
      </ArrayInput>
    </Grid>
    <Grid size={12}>
      <TextInput
        source="dataCategories"
        format={listToLines}
        parse={linesToList}
        helperText="app.registers.lines_help"
        fullWidth
        multiline
        minRows={2}
      />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <NumberInput source="subjectsApprox" min={0} step={1} />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <NumberInput source="recordsApprox" min={0} step={1} />
    </Grid>
    <Grid size={12}>
      <TextInput source="consequences" fullWidth multiline minRows={2} />
    </Grid>
    <Grid size={12}>
      <TextInput source="measuresTaken" fullWidth multiline minRows={2} />
    </Grid>
    <Grid size={12}>
      <TextInput source="measuresProposed" fullWidth multiline minRows={2} />
    </Grid>
    <Grid size={12}>
      <SectionTitle label="app.breaches.sections.risk" />
      <RiskGuidance />
    </Grid>
    <Grid size={{ xs: 12, sm: 4 }}>
      <SelectInput source="riskLevel" choices={RISK_CHOICES} emptyText="—" />
    </Grid>
    <Grid size={{ xs: 12, sm: 8 }}>
      <TextInput source="riskReasoning" fullWidth multiline minRows={2} />
    </Grid>
    <Grid size={12}>
      <SectionTitle label="app.breaches.sections.letter_words" />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <TextInput source="contactName" fullWidth />
    </Grid>
    <Grid size={{ xs: 12, sm: 6 }}>
      <TextInput source="contactDetails" fullWidth />
    </Grid>
    {(['noticeNature', 'noticeConsequences', 'noticeMeasures'] as const).map((field) => (
      <Grid key={field} container size={12} columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source={`${field}It`} fullWidth multiline minRows={2} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source={`${field}En`} fullWidth multiline minRows={2} />
        </Grid>
      </Grid>
    ))}
  </Grid>
);

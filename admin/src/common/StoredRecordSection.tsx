import { Grid } from '@mui/material';
import type { ComponentProps } from 'react';

import { DateTimeField } from './DateTimeField';
import { DetailItem } from './DetailItem';
import { MonospaceField } from './MonospaceField';
import { SectionTitle } from './SectionTitle';

/**
 * The last section of a source record's page: the id the source system gave it, when the console
 * received it (sources that keep that date), and the console's own id.
 */
type GridSize = ComponentProps<typeof DetailItem>['size'];

/**
 * The last section of a source record's page: the id the source system gave it, when the console
 * received it (sources that keep that date), and the console's own id.
 */

export const StoredRecordSection = ({ ingested = true, size }: { ingested?: boolean; size?: GridSize }) => (
  <>
    <SectionTitle label="app.sources.stored_record" />
    <Grid container spacing={2}>
      <DetailItem source="externalId" size={size}>
        <MonospaceField source="externalId" emptyText="—" />
      </DetailItem>
      {ingested && (
        <DetailItem source="ingestedAt" size={size}>
          <DateTimeField source="ingestedAt" options={{ dateStyle: 'long', timeStyle: 'short' }} />
        </DetailItem>
      )}
      <DetailItem source="id" size={size}>
        <MonospaceField source="id" />
      </DetailItem>
    </Grid>
  </>
);

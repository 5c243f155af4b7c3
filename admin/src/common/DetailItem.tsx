import { Grid } from '@mui/material';
import type { ReactElement } from 'react';
import { Labeled, TextField } from 'react-admin';

type GridSize = number | { xs?: number; sm?: number; md?: number; lg?: number };

/**
 * One labelled value of a show page, in a responsive grid cell. The label is
 * the resource's translated field name; without children the value is shown
 * as text, with a dash when empty.
 */
export const DetailItem = ({
  source,
  label,
  size = { xs: 12, sm: 6, md: 4 },
  children,
}: {
  source: string;
  label?: string;
  size?: GridSize;
  children?: ReactElement;
}) => (
  <Grid size={size}>
    {/* flex-start: a chip keeps its own width instead of stretching to the cell's. */}
    <Labeled source={source} label={label} fullWidth sx={{ alignItems: 'flex-start' }}>
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

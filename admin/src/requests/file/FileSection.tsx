import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One section of the request's file: a heading and its content, kept together when printed. */
export const FileSection = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Box component="section" data-testid={testId} sx={{ mt: 3, breakInside: 'avoid-page' }}>
    <Typography variant="h6" component="h2" sx={{ borderBottom: 1, borderColor: 'divider', pb: 0.5, mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** The file's tables: plain rows that print as they read on screen. */
export const fileTableSx = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: '0.875rem',
  '& th, & td': { textAlign: 'left', verticalAlign: 'top', py: 0.75, pr: 1.5, borderTop: 1, borderColor: 'divider' },
  '& thead th': { fontWeight: 600, color: 'text.secondary', borderTop: 0 },
  '& tbody th': { fontWeight: 600, width: '30%', color: 'text.secondary' },
} as const;

/** A hash or an id, whole, breaking anywhere so that it never overflows the printed page. */
export const codeSx = { fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-all' } as const;

import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

const LONG_TEXT = 280;
const LONG_LINES = 6;

/** Text as a person wrote it (line breaks kept), folded to a few lines when long. */
export const FoldedText = ({ text, testId }: { text: string; testId?: string }) => {
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(false);
  const long = text.length > LONG_TEXT || text.split('\n').length > LONG_LINES;
  return (
    <Box>
      <Box
        data-testid={testId}
        sx={{
          px: 1.5,
          py: 1,
          bgcolor: '#f8fafb',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          typography: 'body2',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          ...(long && !expanded
            ? { maxHeight: '8em', overflow: 'hidden', maskImage: 'linear-gradient(#000 55%, transparent)' }
            : {}),
        }}
      >
        {text}
      </Box>
      {long && (
        <Button size="small" onClick={() => setExpanded(!expanded)} sx={{ mt: 0.25, px: 0.5, minWidth: 0 }}>
          {translate(expanded ? 'app.requests.timeline.show_less' : 'app.requests.timeline.show_more')}
        </Button>
      )}
    </Box>
  );
};

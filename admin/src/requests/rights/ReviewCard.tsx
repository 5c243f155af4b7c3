import { Alert, Box, Button, Chip, Divider, TextField, Typography } from '@mui/material';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { formatInstant } from '../dates';
import type { DataSubjectRequest, ReviewItem } from '../../api';
import { isOpen } from '../vocabulary';
import { useExplainRefusal } from '../useExplainRefusal';
import { RightsCard, sourceName } from './shared';

const T = 'app.requests.rights.review';

const reviewKey = (id: string) => ['requests', id, 'review'] as const;

const ReviewRow = ({
  request,
  item,
  canDecide,
}: {
  request: DataSubjectRequest;
  item: ReviewItem;
  canDecide: boolean;
}) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const [excerpt, setExcerpt] = useState(item.excerpt ?? item.passage);
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: 'include' | 'exclude') =>
      dataProvider.decideReview(request.id, {
        source: item.source,
        recordId: item.recordId,
        decision,
        ...(decision === 'include' ? { excerpt } : {}),
      }),
    onSuccess: (saved) => {
      setError(null);
      if (saved.excerpt) setExcerpt(saved.excerpt);
      notify(`${T}.saved`, { type: 'success' });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKey(request.id) }),
        queryClient.invalidateQueries({ queryKey: ['request-events'] }),
      ]);
    },
    onError: (e) => setError(explain(e).errors?.excerpt ?? explain(e).message),
  });
  const facts = [
    sourceName(translate, item.source),
    formatInstant(item.date, locale, { dateStyle: 'medium' }),
    item.otherParticipants ? translate(`${T}.other_participants`, { smart_count: item.otherParticipants }) : null,
  ].filter(Boolean);
  return (
    <Box
      data-testid="review-item"
      data-source={item.source}
      sx={{ display: 'flex', flexDirection: 'column', gap: 0.75, py: 1 }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="h3">
          {facts.join(' · ')}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={item.relation === 'shared' ? 'warning' : 'default'}
          label={translate(`${T}.relations.${item.relation}`)}
          title={translate(`${T}.relations_help.${item.relation}`)}
          sx={{ height: 20, fontSize: '0.75rem' }}
        />
        {item.decision && (
          <Typography variant="body2" color="text.secondary">
            {translate(item.decision === 'include' ? `${T}.included` : `${T}.excluded`, {
              date: formatInstant(item.decidedAt, locale),
              by: item.decidedBy ?? '—',
            })}
          </Typography>
        )}
      </Box>
      {item.passage ? (
        <Typography
          variant="body2"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', bgcolor: '#f8fafb', p: 1, borderRadius: 1 }}
        >
          {item.passage}
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.no_passage`)}
        </Typography>
      )}
      {canDecide && (
        <>
          <TextField
            label={translate(`${T}.excerpt`)}
            helperText={error ?? translate(`${T}.excerpt_help`)}
            error={!!error}
            value={excerpt}
            onChange={(event) => setExcerpt(event.target.value)}
            multiline
            minRows={2}
            size="small"
            fullWidth
          />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button
              size="small"
              variant="contained"
              disabled={decide.isPending || !excerpt.trim()}
              onClick={() => decide.mutate('include')}
            >
              {translate(`${T}.include`)}
            </Button>
            <Button size="small" disabled={decide.isPending} onClick={() => decide.mutate('exclude')}>
              {translate(`${T}.exclude`)}
            </Button>
          </Box>
        </>
      )}
      {!canDecide && item.excerpt && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.excerpt}
        </Typography>
      )}
    </Box>
  );
};

/**
 * Art. 15(4): other people's records that mention the subject, and records they share, listed with
 * the passage about the subject (others redacted by the API). Staff include an excerpt or leave the
 * record out; the access package holds the included excerpts.
 */
export const ReviewCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: reviewKey(request.id),
    queryFn: () => dataProvider.requestReview(request.id),
  });
  const canDecide = canAct && isOpen(request) && !!request.identityVerifiedAt;
  return (
    <RightsCard
      icon={<RateReviewOutlinedIcon color="primary" />}
      title={translate(`${T}.title`)}
      subtitle={translate(`${T}.subtitle`)}
      testId="review-card"
    >
      {error ? (
        <Alert severity="error">{translate('app.requests.rights.error')}</Alert>
      ) : isPending ? null : data.items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.none`)}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate(`${T}.explain`)}
          </Typography>
          {data.items.map((item, index) => (
            <Fragment key={`${item.source}/${item.recordId}`}>
              {index > 0 && <Divider />}
              <ReviewRow request={request} item={item} canDecide={canDecide} />
            </Fragment>
          ))}
        </>
      )}
    </RightsCard>
  );
};

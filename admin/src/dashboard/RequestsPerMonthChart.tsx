import { Alert, Box, Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import BarChartOutlinedIcon from '@mui/icons-material/BarChartOutlined';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import { REQUEST_TYPES } from '../requests/choices';
import { TYPES_VOCABULARY, typeChartColors } from '../requests/vocabulary';
import { useRequestStats } from './useRequestStats';

const CHART_HEIGHT = 228;

/** `2026-11` as the first day of that month, in UTC so no time zone moves it. */
const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** Requests received per month over the last twelve, stacked by type. */
export const RequestsPerMonthChart = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, isError } = useRequestStats();
  const short = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const typeLabel = (type: string) => translate(`${TYPES_VOCABULARY}.${type}`, { _: type });
  const total = data?.perMonth.reduce((sum, m) => sum + REQUEST_TYPES.reduce((s, t) => s + (m[t] ?? 0), 0), 0) ?? 0;

  let content;
  if (isPending) {
    content = <Skeleton variant="rounded" height={CHART_HEIGHT} />;
  } else if (isError || !data) {
    content = <Alert severity="warning">{translate('app.dashboard.requests.error')}</Alert>;
  } else {
    content = (
      <Box sx={{ position: 'relative', height: CHART_HEIGHT }} data-testid="requests-per-month">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.perMonth} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap="22%">
            <CartesianGrid vertical={false} stroke="#e6ebf0" />
            <XAxis
              dataKey="month"
              tickFormatter={(month) => short.format(monthDate(String(month)))}
              tick={{ fontSize: 11, fill: '#5b6b78' }}
              tickLine={false}
              axisLine={{ stroke: '#dde3ea' }}
              interval={0}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11, fill: '#5b6b78' }}
              tickLine={false}
              axisLine={false}
              width={40}
            />
            <Tooltip
              cursor={{ fill: 'rgba(31, 95, 116, 0.06)' }}
              labelFormatter={(month) => (typeof month === 'string' ? long.format(monthDate(month)) : month)}
              formatter={(value, name) => [value, typeLabel(String(name))]}
              contentStyle={{ borderRadius: 8, borderColor: '#dde3ea', fontSize: 13 }}
            />
            {total > 0 && (
              <Legend
                layout="vertical"
                align="right"
                verticalAlign="middle"
                iconType="circle"
                iconSize={8}
                // The types in the order of the GDPR's articles, not alphabetically.
                itemSorter={(item) => REQUEST_TYPES.indexOf(item.dataKey as (typeof REQUEST_TYPES)[number])}
                formatter={(value) => (
                  <span style={{ color: '#3c4b57', fontSize: 12, lineHeight: '22px' }}>{typeLabel(String(value))}</span>
                )}
                wrapperStyle={{ paddingLeft: 16 }}
              />
            )}
            {REQUEST_TYPES.map((type) => (
              <Bar
                key={type}
                dataKey={type}
                stackId="types"
                fill={typeChartColors[type]}
                maxBarSize={36}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
        {total === 0 && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{
              position: 'absolute',
              inset: 0,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              pb: 4,
              pl: 4,
            }}
          >
            {translate('app.dashboard.requests.chart_empty')}
          </Typography>
        )}
      </Box>
    );
  }

  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader
        avatar={<BarChartOutlinedIcon color="primary" />}
        title={translate('app.dashboard.requests.chart_title')}
        subheader={translate('app.dashboard.requests.chart_subtitle')}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ pt: 1, '&:last-child': { pb: 1.5 } }}>{content}</CardContent>
    </Card>
  );
};

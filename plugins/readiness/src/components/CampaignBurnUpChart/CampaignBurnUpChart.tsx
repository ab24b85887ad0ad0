import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type {
  CampaignBurnUpPoint,
  CampaignSummary,
} from '@readiness/plugin-readiness-common';
import { Line, ReferenceLine, YAxis } from 'recharts';
import { readinessTranslationRef } from '../../translation';
import { chartColors } from '../ChartFigure';
import { stepLineProps, TimeLineChart } from '../TimeLineChart';
import { burnUpAxis, dayTime, formatDay } from './burnUpAxis';

/**
 * A campaign's burn-up: per recorded day, the entities targeted and those
 * meeting the goal, over the whole campaign from its start to its deadline
 * (drawn as a line), so that the gap left and the pace are seen at once.
 */
export function CampaignBurnUpChart(props: {
  campaign: CampaignSummary;
  points: CampaignBurnUpPoint[];
}) {
  const { campaign, points } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (points.length === 0) {
    return <Text as="p">{t('campaignPage.burnUpEmpty')}</Text>;
  }
  const last = points[points.length - 1];
  const data = points.map(point => ({ ...point, time: dayTime(point.day) }));
  const summary = t('campaignPage.burnUpSummary', {
    campaign: campaign.title,
    startsAt: campaign.startsAt,
    dueAt: campaign.dueAt,
    from: points[0].day,
    to: last.day,
    met: String(last.met),
    targeted: String(last.targeted),
  });
  const { domain, ticks } = burnUpAxis(campaign, points);

  return (
    <TimeLineChart
      summary={summary}
      data={data}
      formatTime={formatDay}
      domain={domain}
      ticks={ticks}
      // Room for the deadline's label.
      marginTop={16}
    >
      <YAxis allowDecimals={false} stroke={chartColors.text} width={40} />
      <ReferenceLine
        x={dayTime(campaign.dueAt)}
        stroke={chartColors.text}
        strokeDasharray="4 4"
        label={{
          value: t('campaignPage.deadline'),
          position: 'insideTopRight',
          fill: chartColors.text,
        }}
      />
      <Line
        {...stepLineProps}
        dataKey="targeted"
        name={t('campaignPage.targeted')}
        stroke={chartColors.first}
        strokeDasharray="6 3"
      />
      <Line
        {...stepLineProps}
        dataKey="met"
        name={t('campaignPage.met')}
        stroke={chartColors.second}
      />
    </TimeLineChart>
  );
}

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert } from '@backstage/ui';
import { formatScorecardProblem } from '@readiness/plugin-readiness-common';
import type { ScorecardProblem } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';

/**
 * Problems that kept scorecard (or campaign) definitions out, one line
 * each, as a warning under `title` (by default, that scorecard definitions
 * were kept out).
 */
export function ScorecardProblems(props: {
  problems: ScorecardProblem[];
  title?: string;
}) {
  const { problems, title } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  if (problems.length === 0) {
    return null;
  }
  return (
    <Alert
      status="warning"
      icon
      title={title ?? t('problems.title', { count: problems.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: '1em' }}>
          {problems.map(problem => {
            const line = formatScorecardProblem(problem);
            return (
              <li key={line}>
                <code>{line}</code>
              </li>
            );
          })}
        </ul>
      }
    />
  );
}

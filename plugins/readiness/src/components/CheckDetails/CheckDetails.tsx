import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Flex,
  Text,
} from '@backstage/ui';
import type {
  CheckResult,
  LevelDefinition,
} from '@readiness/plugin-readiness-common';
import type { ReactNode } from 'react';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { CheckWaiver } from '../CheckWaiver';
import { EvidenceList } from '../EvidenceList';
import { Remediation } from '../Remediation';
import { SafeMarkdown } from '../SafeMarkdown';
import { StatusBadge } from '../StatusBadge';

/** Checks that need work: open by default, with how to fix them. */
const needsWork = (check: CheckResult) =>
  check.status === 'fail' || check.status === 'unknown';

/**
 * One check in full, as a disclosure: status, title and level in its
 * heading; why (or what waives it), the evidence, how to fix it and the
 * owners' actions on it (`actions`) in its panel.
 */
export function CheckDetails(props: {
  check: CheckResult;
  levels: LevelDefinition[];
  actions?: ReactNode;
}) {
  const { check, levels, actions } = props;
  const { t } = useTranslationRef(readinessTranslationRef);

  return (
    <Accordion defaultExpanded={needsWork(check)}>
      <AccordionTrigger level={4}>
        <Flex gap="3" align="center">
          <StatusBadge status={check.status} advisory={check.advisory} />
          <Text>{check.title}</Text>
          <Text variant="body-small" color="secondary">
            {levelTitle(levels, check.level)}
          </Text>
          {check.basis && (
            <Text variant="body-small" title={t(`basis.${check.basis}Hint`)}>
              {t(`basis.${check.basis}`)}
            </Text>
          )}
        </Flex>
      </AccordionTrigger>
      <AccordionPanel>
        <Flex direction="column" gap="2">
          {check.description && <SafeMarkdown content={check.description} />}
          {check.advisory && (
            <Text as="p">
              {check.advisory.enforcedFrom
                ? t('advisory.explanationUntil', {
                    date: check.advisory.enforcedFrom,
                  })
                : t('advisory.explanation')}
            </Text>
          )}
          {check.waiver ? (
            <CheckWaiver waiver={check.waiver} />
          ) : (
            check.reason && (
              <Text as="p">{t('check.reason', { reason: check.reason })}</Text>
            )
          )}
          <EvidenceList evidence={check.evidence} />
          {needsWork(check) && (
            <Remediation
              remediation={check.remediation}
              checkTitle={check.title}
            />
          )}
          {actions}
        </Flex>
      </AccordionPanel>
    </Accordion>
  );
}

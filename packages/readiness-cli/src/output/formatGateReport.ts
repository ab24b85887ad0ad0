import { GateOutcome } from '../gate/checkGate';
import { advisoryLabel, campaignLine } from './formatAdvisory';

/**
 * What the gate decided for each scorecard and, where it failed, every check
 * that keeps the entity from the required level, with why and how to fix it;
 * then the advisory checks of those levels that will be enforced, and the
 * campaigns that target the entity.
 */
export function formatGateReport(outcomes: GateOutcome[]): string {
  const lines = outcomes.flatMap(outcome => [
    ...decision(outcome),
    ...advisorySection(outcome),
    ...(outcome.result.campaigns ?? []).map(item => `  ${campaignLine(item)}`),
  ]);
  return `${lines.join('\n')}\n`;
}

function decision({
  result,
  required,
  passed,
  missing,
}: GateOutcome): string[] {
  const where = `${result.entityRef} in ${result.scorecard.id}`;
  const reached = result.level
    ? `is ${result.level}`
    : 'has not reached any level';
  // Waived checks clear a level: say how many, so that none goes unseen.
  const { waived } = result.counts;
  const score = `score ${result.score}${
    waived > 0 ? `, ${waived} ${waived === 1 ? 'check' : 'checks'} waived` : ''
  }`;
  if (passed) {
    return [`PASS ${where}: ${reached} (${score}); ${required.id} is required`];
  }
  return [
    `FAIL ${where}: ${reached} (${score}); ${required.id} is required. Not passing:`,
    ...missing.flatMap(check => [
      `  ${check.level}  ${check.id} (${check.status}): ${check.title}`,
      ...(check.reason ? [`      why: ${check.reason}`] : []),
      `      fix: ${oneLine(check.remediation.text)}`,
      ...(check.remediation.docsUrl
        ? [`      docs: ${check.remediation.docsUrl}`]
        : []),
      ...(check.remediation.template
        ? [`      template: ${check.remediation.template}`]
        : []),
    ]),
  ];
}

/** Advisory checks do not fail the gate: listed apart, with when they will. */
function advisorySection({ advisory }: GateOutcome): string[] {
  if (advisory.length === 0) {
    return [];
  }
  return [
    '  Not enforced yet (these do not fail the gate):',
    ...advisory.map(
      check =>
        `    ${advisoryLabel(check)}: ${check.id} — ${
          check.reason ?? check.title
        }`,
    ),
  ];
}

/** Remediation text is Markdown that may wrap; the report keeps one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

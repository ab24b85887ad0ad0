/*
 * Accessibility check with axe-core: the whole page is checked, and each
 * violation is attributed to the Readiness markup (inside the scope element)
 * or to the rest of the page (Backstage's own chrome). Serious and critical
 * violations in the Readiness markup fail the test; the others are warnings.
 */
import type { Locator, Page } from '@playwright/test';
import { axeTags, failingImpacts } from './demo';
import { warn } from './warnings';

const SCOPE_ATTRIBUTE = 'data-e2e-axe-scope';
/** Elements and messages a violation lists at most. */
const LISTED_AT_MOST = 3;

export type Violation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
  messages: string[];
};
export type AxeReport = {
  inside: Violation[];
  outside: Violation[];
  passes: number;
};

/** Runs axe on the page. Violations on nodes inside `scope` are the plugin's. */
export async function runAxe(
  page: Page,
  scope: Locator,
  tags: string[],
): Promise<AxeReport> {
  const scopes = await scope.count();
  if (scopes === 0) {
    throw new Error('the element to check is not on the page');
  }
  for (let i = 0; i < scopes; i++) {
    await scope
      .nth(i)
      .evaluate((el, attr) => el.setAttribute(attr, ''), SCOPE_ATTRIBUTE);
  }
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(
    async ({ tags: runTags, attr, listed }) => {
      // injected by addScriptTag
      const axe = (window as any).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: runTags },
        elementRef: true,
        resultTypes: ['violations'],
      });
      const report: AxeReport = {
        inside: [],
        outside: [],
        passes: results.passes.length,
      };
      for (const violation of results.violations) {
        const targets = { inside: [] as string[], outside: [] as string[] };
        const messages = {
          inside: new Set<string>(),
          outside: new Set<string>(),
        };
        for (const node of violation.nodes) {
          const element = node.element;
          const within =
            element instanceof Element && element.closest(`[${attr}]`);
          const where = within ? 'inside' : 'outside';
          targets[where].push(node.target.join(' '));
          for (const check of [...node.any, ...node.all, ...node.none]) {
            if (check.message) {
              messages[where].add(check.message);
            }
          }
        }
        for (const where of ['inside', 'outside'] as const) {
          if (targets[where].length > 0) {
            report[where].push({
              id: violation.id,
              impact: violation.impact ?? null,
              help: violation.help,
              helpUrl: violation.helpUrl,
              targets: targets[where],
              messages: [...messages[where]].slice(0, listed),
            });
          }
        }
      }
      document
        .querySelectorAll(`[${attr}]`)
        .forEach(el => el.removeAttribute(attr));
      return report;
    },
    { tags, attr: SCOPE_ATTRIBUTE, listed: LISTED_AT_MOST },
  );
}

/**
 * A violation in a few lines: rule, impact and help; what axe found; up to
 * three of the elements.
 */
export function describeViolation(v: Violation, indent = '      ') {
  const count = v.targets.length;
  const more =
    count > LISTED_AT_MOST ? ` and ${count - LISTED_AT_MOST} more` : '';
  return [
    `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}, ${count} element(s), ${
      v.helpUrl
    }`,
    ...v.messages.map(m => `${indent}${m}`),
    `${indent}at ${v.targets.slice(0, LISTED_AT_MOST).join('; ')}${more}`,
  ].join('\n');
}

/**
 * Runs axe on the page: serious or critical violations inside the scope fail
 * the test, everything else is a warning.
 */
export async function expectAccessible(
  page: Page,
  label: string,
  scope: Locator,
) {
  const report = await runAxe(page, scope, axeTags);
  const failing = report.inside.filter(v =>
    failingImpacts.includes(v.impact ?? ''),
  );
  for (const v of report.inside.filter(x => !failing.includes(x))) {
    warn(`${label}, Readiness markup: ${describeViolation(v)}`);
  }
  for (const v of report.outside) {
    warn(`${label}, rest of the page: ${describeViolation(v)}`);
  }
  if (failing.length > 0) {
    const list = failing.map(v => `    ${describeViolation(v)}`).join('\n');
    throw new Error(
      `${failing.length} serious or critical violation(s) in the Readiness markup:\n${list}`,
    );
  }
}

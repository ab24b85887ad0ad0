// @ts-check
/*
 * Accessibility check with axe-core: the whole page is checked, and each
 * violation is attributed to the Readiness markup (inside the scope element)
 * or to the rest of the page (Backstage's own chrome).
 */

const SCOPE_ATTRIBUTE = 'data-e2e-axe-scope';

/**
 * @typedef {{ id: string, impact: string | null, help: string, helpUrl: string, targets: string[], messages: string[] }} Violation
 * @typedef {{ inside: Violation[], outside: Violation[], passes: number }} AxeReport
 */

/**
 * Runs axe on the page. Violations on nodes inside `scope` are the plugin's.
 *
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} scope
 * @param {string[]} tags
 * @returns {Promise<AxeReport>}
 */
async function runAxe(page, scope, tags) {
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
    async ({ tags: runTags, attr }) => {
      // @ts-ignore injected by addScriptTag
      const axe = /** @type {any} */ (window).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: runTags },
        elementRef: true,
        resultTypes: ['violations'],
      });
      /** @type {{ inside: any[], outside: any[], passes: number }} */
      const report = { inside: [], outside: [], passes: results.passes.length };
      for (const violation of results.violations) {
        /** @type {{ inside: string[], outside: string[] }} */
        const targets = { inside: [], outside: [] };
        /** @type {{ inside: Set<string>, outside: Set<string> }} */
        const messages = { inside: new Set(), outside: new Set() };
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
        for (const where of /** @type {const} */ (['inside', 'outside'])) {
          if (targets[where].length > 0) {
            report[where].push({
              id: violation.id,
              impact: violation.impact ?? null,
              help: violation.help,
              helpUrl: violation.helpUrl,
              targets: targets[where],
              messages: [...messages[where]].slice(0, 3),
            });
          }
        }
      }
      document
        .querySelectorAll(`[${attr}]`)
        .forEach(el => el.removeAttribute(attr));
      return report;
    },
    { tags, attr: SCOPE_ATTRIBUTE },
  );
}

/**
 * A violation in a few lines: rule, impact and help; what axe found; up to
 * three of the elements.
 *
 * @param {Violation} v
 * @param {string} indent for the lines after the first
 */
function describeViolation(v, indent = '      ') {
  const count = v.targets.length;
  const more = count > 3 ? ` and ${count - 3} more` : '';
  return [
    `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}, ${count} element(s), ${
      v.helpUrl
    }`,
    ...v.messages.map(m => `${indent}${m}`),
    `${indent}at ${v.targets.slice(0, 3).join('; ')}${more}`,
  ].join('\n');
}

module.exports = { runAxe, describeViolation };

import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readDraftEntity } from './workspace/readDraftEntity';
import { createReadinessEvaluateAction } from './actions/evaluate';
import { createReadinessGateAction } from './actions/gate';
import { startReadiness } from './__testUtils__/startReadiness';

jest.setTimeout(60_000);

/** The example app's demo template, from the repository's examples. */
const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../../../examples/template/readiness-service',
);
const template = parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);
const [fetchStep, gateStep, evaluateStep] = template.spec.steps;

/**
 * The part of the Scaffolder's template language the demo uses: `x.y`,
 * `x.y | dump` and `'text' if x.y`. Anything else fails the test, so that
 * the skeleton stays within what this checks.
 */
function render(text: string, scope: Record<string, any>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const lookUp = (dotted: string) =>
      dotted.split('.').reduce((value, key) => value?.[key], scope as any);
    const conditional = /^'([^']*)' if ([\w.]+)$/.exec(expression);
    if (conditional) {
      return lookUp(conditional[2]) ? conditional[1] : '';
    }
    const dumped = /^([\w.]+) \| dump$/.exec(expression);
    if (dumped) {
      return JSON.stringify(lookUp(dumped[1]));
    }
    if (/^[\w.]+$/.test(expression)) {
      return String(lookUp(expression) ?? '');
    }
    throw new Error(`The test cannot render \${{ ${expression} }}`);
  });
}

/** What fetch:template writes: files whose rendered path is empty or absolute are skipped. */
function renderSkeleton(values: Record<string, unknown>) {
  const skeleton = path.join(TEMPLATE_DIR, fetchStep.input.url);
  const output = createMockDirectory();
  const files = fs.readdirSync(skeleton, {
    recursive: true,
    withFileTypes: true,
  });
  for (const file of files.filter(f => f.isFile())) {
    const relative = path.relative(
      skeleton,
      path.join(file.parentPath, file.name),
    );
    const target = render(relative.split(path.sep).join('/'), { values });
    if (target === '' || target.startsWith('/') || target.includes('//')) {
      continue;
    }
    const text = fs.readFileSync(path.join(skeleton, relative), 'utf8');
    output.addContent({ [target]: render(text, { values }) });
  }
  return output.path;
}

/** The form's defaults, with what a user fills in. */
function parametersWith(
  choices: Record<string, unknown>,
): Record<string, unknown> {
  const defaults = Object.fromEntries(
    template.spec.parameters.flatMap((page: any) =>
      Object.entries(page.properties)
        .filter(([, property]: [string, any]) => 'default' in property)
        .map(([name, property]: [string, any]) => [name, property.default]),
    ),
  );
  return {
    ...defaults,
    name: 'receipts',
    description: 'Sends the receipts: by mail, for now',
    owner: 'group:default/team-payments',
    system: 'system:default/payments',
    ...choices,
  };
}

/**
 * fetch:template's values: a whole `${{ parameters.x }}` keeps its type,
 * text around expressions makes a string.
 */
function valuesFor(parameters: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fetchStep.input.values).map(([name, expression]) => {
      const whole = /^\$\{\{ parameters\.(\w+) \}\}$/.exec(
        expression as string,
      );
      return [
        name,
        whole
          ? parameters[whole[1]]
          : render(expression as string, { parameters }),
      ];
    }),
  );
}

/** Runs the template's steps after fetch:template over the rendered skeleton. */
async function runTemplate(choices: Record<string, unknown> = {}) {
  const workspacePath = renderSkeleton(valuesFor(parametersWith(choices)));
  const { client } = await startReadiness();
  const gate = createMockActionContext({
    input: gateStep.input,
    workspacePath,
  });
  await createReadinessGateAction({ client }).handler(gate);
  const evaluate = createMockActionContext({
    input: evaluateStep.input,
    workspacePath,
  });
  await createReadinessEvaluateAction({ client }).handler(evaluate);
  return Object.fromEntries((evaluate.output as jest.Mock).mock.calls);
}

describe('the readiness-service demo template', () => {
  it('fetches the skeleton, gates on Bronze, then evaluates', () => {
    expect(template.kind).toBe('Template');
    expect(
      template.spec.steps.map((s: { action: string }) => s.action),
    ).toEqual(['fetch:template', 'readiness:gate', 'readiness:evaluate']);
    expect(gateStep.input).toEqual({
      scorecard: 'production-readiness',
      level: 'bronze',
    });
    expect(template.spec.output.text[0].content).toContain(
      "steps['evaluate'].output.level",
    );
  });

  it('creates a service that reaches Bronze with the defaults', async () => {
    const outputs = await runTemplate();

    expect(outputs.entityRef).toBe('component:default/receipts');
    expect(outputs.level).toBe('bronze');
    expect(typeof outputs.score).toBe('number');
  });

  it('stops at the gate when the CI workflow is left out', async () => {
    await expect(runTemplate({ includeCi: false })).rejects.toThrow(
      /below Bronze:\n- Has a CI pipeline \[ci-pipeline\]: fail/,
    );
  });

  it('counts the runbook towards Silver', async () => {
    const withRunbook = await runTemplate();
    const without = await runTemplate({ includeRunbook: false });

    const open = (outputs: any) =>
      outputs.scorecards[0].openChecks.map((c: { id: string }) => c.id);
    expect(open(withRunbook)).not.toContain('runbook');
    expect(open(without)).toContain('runbook');
  });

  it('writes what a user types as strings: no keys, anchors or aliases added', async () => {
    const typed = 'team-payments\n  x: &a [1, 2]\n  y: *a\nz: 1 # "quoted"';
    const workspacePath = renderSkeleton(
      valuesFor(
        parametersWith({ owner: typed, system: typed, description: typed }),
      ),
    );

    const entity = await readDraftEntity(workspacePath, 'catalog-info.yaml');

    expect(entity.spec).toEqual({
      type: 'service',
      owner: typed,
      lifecycle: 'experimental',
      system: typed,
    });
    expect(entity.metadata).toEqual({
      name: 'receipts',
      description: typed,
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/acme-demo/receipts/tree/main/',
      },
    });
  });

  it('lets only entity names through as the name, also past the form', () => {
    const { name } = template.spec.parameters[0].properties;
    const pattern = new RegExp(name.pattern);

    expect(name.maxLength).toBe(63);
    expect(pattern.test('receipts-api')).toBe(true);
    expect(pattern.test('receipts"\n  x: 1')).toBe(false);
    expect(pattern.test("r'); process.exit(1); ('")).toBe(false);
  });
});

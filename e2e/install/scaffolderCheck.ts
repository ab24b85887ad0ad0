/*
 * The packed Scaffolder module in the fresh app: the app's own Scaffolder
 * runs `readiness:evaluate` and `readiness:gate` in a dry run (what the
 * template editor does) as the guest user, on a draft Component owned by
 * create-app's example group. The evaluation outputs the draft's entityRef
 * and score; the gate fails the task at a level the draft cannot reach,
 * with its own message.
 */
import { backendUrl } from '../support/demo';
import { fetchWithTimeout, guestToken } from '../support/backendApi';

const SCORECARD = 'production-readiness';
const SCORECARD_TITLE = 'Production Readiness';
const UNREACHABLE_LEVEL = 'Gold';
const DRAFT_NAME = 'readiness-install-check';
const DRAFT_REF = `component:default/${DRAFT_NAME}`;
/** The check that passes only when the owner was found in the catalog. */
const OWNER_CHECK = 'owner-resolves';
/** The group that owns create-app's examples and has the guest as member. */
const EXAMPLE_OWNER = 'guests';

/** The draft as a template's skeleton would write it. */
const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${DRAFT_NAME}
  description: A service the install test's template is about to create.
spec:
  type: service
  lifecycle: experimental
  owner: ${EXAMPLE_OWNER}
`;

type OpenCheck = { id: string; status: string };
type DryRunOutput = {
  entityRef?: unknown;
  score?: unknown;
  scorecards?: Array<{ id: string; openChecks: OpenCheck[] }>;
};
type DryRunAnswer = {
  status: number;
  body: {
    output?: DryRunOutput;
    log?: Array<{ body: { message: string } }>;
    error?: { message: string };
  };
};

/**
 * A template that copies the skeleton into the workspace (a dry run starts
 * with an empty one) and runs one Readiness action on it.
 */
function templateRunning(action: string, input: Record<string, string>) {
  const output = (name: string) => `\${{ steps.readiness.output.${name} }}`;
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'readiness-install-check', title: 'Install check' },
    spec: {
      type: 'service',
      steps: [
        {
          id: 'fetch',
          name: 'Fetch skeleton',
          action: 'fetch:plain',
          input: { url: './skeleton' },
        },
        { id: 'readiness', name: 'Readiness', action, input },
      ],
      output: {
        entityRef: output('entityRef'),
        score: output('score'),
        scorecards: output('scorecards'),
      },
    },
  };
}

async function dryRun(
  action: string,
  input: Record<string, string>,
): Promise<DryRunAnswer> {
  const response = await fetchWithTimeout(
    `${backendUrl}/api/scaffolder/v2/dry-run`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await guestToken()}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        template: templateRunning(action, input),
        values: {},
        secrets: {},
        directoryContents: [
          {
            path: 'skeleton/catalog-info.yaml',
            base64Content: Buffer.from(CATALOG_INFO).toString('base64'),
          },
        ],
      }),
    },
  );
  return { status: response.status, body: await response.json() };
}

function describe(answer: DryRunAnswer) {
  const log = (answer.body.log ?? []).map(l => l.body.message).join('\n');
  return `${answer.status}: ${JSON.stringify(
    answer.body.error ?? answer.body.output,
  )}${log ? `\n--- task log:\n${log}` : ''}`;
}

async function checkEvaluate() {
  const answer = await dryRun('readiness:evaluate', { scorecard: SCORECARD });
  const output = answer.body.output;
  const score = output?.score;
  if (
    answer.status !== 200 ||
    output?.entityRef !== DRAFT_REF ||
    typeof score !== 'number' ||
    score < 0 ||
    score > 100
  ) {
    throw new Error(
      `readiness:evaluate in a dry run: expected ${DRAFT_REF} with a score, got ${describe(
        answer,
      )}`,
    );
  }
  const openChecks = output.scorecards?.find(
    s => s.id === SCORECARD,
  )?.openChecks;
  const owner = openChecks?.find(c => c.id === OWNER_CHECK);
  if (!openChecks || owner) {
    throw new Error(
      `readiness:evaluate in a dry run: the owner "${EXAMPLE_OWNER}" was not found in the catalog as the guest (${OWNER_CHECK}: ${
        owner?.status ?? 'no result'
      }), got ${describe(answer)}`,
    );
  }
  return { entityRef: DRAFT_REF, score };
}

async function checkGate() {
  const answer = await dryRun('readiness:gate', {
    scorecard: SCORECARD,
    level: UNREACHABLE_LEVEL,
  });
  const message = answer.body.error?.message ?? '';
  const gateMessage = new RegExp(
    `^${DRAFT_REF} reaches .+ on ${SCORECARD_TITLE}, below ${UNREACHABLE_LEVEL}:\n- `,
  );
  if (answer.status < 400 || !gateMessage.test(message)) {
    throw new Error(
      `readiness:gate at ${UNREACHABLE_LEVEL} in a dry run: expected the task to fail with the gate's message, got ${describe(
        answer,
      )}`,
    );
  }
  return message.split('\n')[0];
}

/** Both actions through the fresh app's Scaffolder; what they answered. */
export async function checkScaffolderActions() {
  const evaluated = await checkEvaluate();
  const gate = await checkGate();
  console.log(
    `  readiness:evaluate: ${evaluated.entityRef}, score ${evaluated.score}\n  readiness:gate: ${gate}`,
  );
}

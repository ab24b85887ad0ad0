import { test, expect } from '../support/fixtures';
import { waitForEvaluation } from '../support/backendApi';
import { minimumScoredEntities, service } from '../support/demo';

test('the backend has evaluated the demo organisation', async () => {
  const scored = await waitForEvaluation();
  expect(scored.entities).toBeGreaterThanOrEqual(minimumScoredEntities);
  test.info().annotations.push({
    type: 'evaluation',
    description: `${scored.entities} entities on ${
      service.scorecardId
    }, levels ${JSON.stringify(scored.levelCounts)}`,
  });
});

import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import { TOKEN } from './__testUtils__/fakePagerDuty';
import { loggedText, mockLogger } from './__testUtils__/mockLogger';
import {
  collectorContext,
  component,
  payments,
  collectorPerTest,
} from './__testUtils__/pagerDutyCollectorSetup';

const { setup, fake } = collectorPerTest();

describe('PagerDutyCollector secrets', () => {
  it('sends the token but never logs it nor puts it in a reason', async () => {
    const log = mockLogger();
    let limited = false;
    const collector = await setup(undefined, (request, response) => {
      if (!limited) {
        limited = true;
        sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
          'ratelimit-reset': '0.05',
        });
        return true;
      }
      if (request.url.pathname === '/oncalls') {
        sendJson(response, { error: { message: 'Forbidden' } }, 403);
        return true;
      }
      return false;
    });
    const ghost = component('ghost', { 'pagerduty.com/service-id': 'PNOPE' });
    const error = await collector
      .collect([payments, ghost], collectorContext(3000, log))
      .catch(e => e);
    expect(error.message).toBe(
      'PagerDuty GET /oncalls answered 403 Forbidden: Forbidden',
    );
    expect(fake().requests[0].headers.authorization).toBe(
      `Token token=${TOKEN}`,
    );
    expect(log.debug).toHaveBeenCalledWith(
      expect.stringMatching(/^PagerDuty rate limited until /),
    );
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(loggedText(log)).not.toContain(TOKEN);
    expect(loggedText(log)).not.toContain('Token token');
  });
});

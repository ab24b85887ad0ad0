import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import {
  baseState,
  collectOne,
  component,
  collectorPerTest,
} from './__testUtils__/pagerDutyCollectorSetup';

const { setup } = collectorPerTest();

describe('PagerDutyCollector failures', () => {
  it('waits out a rate limit within the deadline', async () => {
    let limited = false;
    const collector = await setup(undefined, (request, response) => {
      if (!limited && request.url.pathname === '/services/P1') {
        limited = true;
        sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
          'ratelimit-reset': '0.1',
        });
        return true;
      }
      return false;
    });
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.incidents30d': 3,
    });
  });

  it('fails when the rate limit lasts past the deadline', async () => {
    const collector = await setup(undefined, (_request, response) => {
      sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
        'ratelimit-reset': '60',
      });
      return true;
    });
    await expect(collectOne(collector)).rejects.toThrow(
      /^PagerDuty rate limited until .+, after the deadline of this collection$/,
    );
  });

  it('fails when PagerDuty is too slow', async () => {
    const collector = await setup(
      undefined,
      async request => {
        if (request.url.pathname === '/incidents') {
          await new Promise(resolve => setTimeout(resolve, 1000));
        }
        return false;
      },
      { timeoutMs: 100 },
    );
    await expect(collectOne(collector)).rejects.toThrow(
      /^PagerDuty GET \/incidents timed out after 100 ms$/,
    );
  });

  it('fails naming the status of a server error', async () => {
    const collector = await setup(undefined, (request, response) => {
      if (request.url.pathname === '/oncalls') {
        sendJson(response, 'oops', 500);
        return true;
      }
      return false;
    });
    await expect(collectOne(collector)).rejects.toThrow(
      'PagerDuty GET /oncalls answered 500 Internal Server Error',
    );
  });

  it('fails on malformed payloads', async () => {
    const answers: Record<string, unknown> = {
      '/services/P1': '{"service": {"id": "P1", ',
      '/services/P2': { services: [] },
      '/services/P3': { service: { id: 'P3' } },
    };
    const state = baseState();
    state.services.push({ id: 'P4', escalationPolicyId: 'EP1' });
    const collector = await setup(state, (request, response) => {
      const answer = answers[request.url.pathname];
      if (answer) {
        sendJson(response, answer);
        return true;
      }
      if (
        request.url.pathname === '/incidents' &&
        request.url.searchParams.get('service_ids[]') === 'P4'
      ) {
        sendJson(response, { incidents: 'none', more: false });
        return true;
      }
      return false;
    });
    const id = (serviceId: string) =>
      component(serviceId.toLowerCase(), {
        'pagerduty.com/service-id': serviceId,
      });
    await expect(collectOne(collector, id('P1'))).rejects.toThrow(
      /^PagerDuty GET \/services\/P1 answered malformed JSON: /,
    );
    for (const serviceId of ['P2', 'P3']) {
      await expect(collectOne(collector, id(serviceId))).rejects.toThrow(
        `PagerDuty GET /services/${serviceId} answered without a service and its status`,
      );
    }
    await expect(collectOne(collector, id('P4'))).rejects.toThrow(
      'PagerDuty GET /incidents answered without a list of incidents',
    );
  });

  it('fails when the incidents need more than maxPages pages', async () => {
    const state = baseState();
    state.oncalls.EP1 = state.oncalls.EP1.slice(0, 2);
    const collector = await setup(state, undefined, { maxPages: 1 });
    await expect(collectOne(collector)).rejects.toThrow(
      'PagerDuty service P1 has more incidents in the last 30 days than 1 pages hold; raise readiness.pagerduty.maxPages',
    );
  });
});

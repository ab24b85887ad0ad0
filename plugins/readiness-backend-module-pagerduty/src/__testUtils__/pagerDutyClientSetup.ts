import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import {
  FakePagerDuty,
  FakeState,
  Intercept,
  startFakePagerDuty,
  TOKEN,
} from './fakePagerDuty';
import { mockLogger } from './mockLogger';
import { PagerDutyClient, PagerDutyClientOptions } from '../PagerDutyClient';

/** A service with an escalation policy of two levels and five on call. */
export const clientTestState: FakeState = {
  services: [{ id: 'P1', escalationPolicyId: 'EP1' }],
  policies: { EP1: 2 },
  oncalls: {
    EP1: ['Ada', 'Bob', 'Cy', 'Di', 'Ed'].map((user, i) => ({
      level: i + 1,
      user,
    })),
  },
  pageLimit: 2,
};

/** A fake PagerDuty and a client of it; `close` stops the fake. */
export async function startClient(
  intercept?: Intercept,
  options: Partial<PagerDutyClientOptions> = {},
): Promise<{ fake: FakePagerDuty; client: PagerDutyClient }> {
  const fake = await startFakePagerDuty(clientTestState, intercept);
  const client = new PagerDutyClient({
    baseUrl: fake.baseUrl,
    token: TOKEN,
    concurrency: 4,
    timeoutMs: 2000,
    maxPages: 10,
    ...options,
  });
  return { fake, client };
}

export const clientTestLogger = mockLogger();

/** The context of a collection that ends in `ms`. */
export function requestContext(ms = 3000) {
  return {
    signal: AbortSignal.timeout(ms),
    deadline: new Date(Date.now() + ms),
    logger: clientTestLogger,
  };
}

/** Answers the first `times` requests with this status and headers. */
export function failFirst(
  times: number,
  status: number,
  headers: Record<string, string> = {},
  body: unknown = { error: { message: 'Rate Limit Exceeded', code: 2020 } },
): Intercept {
  let count = 0;
  return (_request, response) => {
    count += 1;
    if (count > times) {
      return false;
    }
    sendJson(response, body, status, headers);
    return true;
  };
}

/*
 * The backend's HTTP API as the suite uses it: health, guest sign-in, the
 * evaluation of the demo organisation and the service's result.
 */
import {
  backendUrl,
  frontendUrl,
  minimumScoredEntities,
  service,
  timeouts,
} from './demo';
import { waitFor, type WaitOptions } from './waitFor';

const REQUEST_TIMEOUT_MS = 10_000;
const EVALUATION_POLL_MS = 2000;
const NOTIFICATION_POLL_MS = 5000;

/** GETs (or POSTs) a URL with a timeout and returns the response. */
export async function fetchWithTimeout(url: string, init: RequestInit = {}) {
  return fetch(url, {
    ...init,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** Waits until the backend's readiness check answers 200. */
export async function backendReady(options: WaitOptions) {
  await waitFor(
    'backend readiness',
    async () =>
      (
        await fetchWithTimeout(`${backendUrl}/.backstage/health/v1/readiness`)
      ).ok,
    options,
  );
}

/** Waits until the frontend's dev server answers 200. */
export async function frontendReady(options: WaitOptions) {
  await waitFor(
    'frontend',
    async () => (await fetchWithTimeout(`${frontendUrl}/`)).ok,
    options,
  );
}

/** A guest user's token, as the sign-in page gets it. */
export async function guestToken(): Promise<string> {
  const response = await fetchWithTimeout(
    `${backendUrl}/api/auth/guest/refresh`,
    { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`guest sign-in answered ${response.status}`);
  }
  const body = await response.json();
  const token = body?.backstageIdentity?.token;
  if (typeof token !== 'string') {
    throw new Error('guest sign-in answered without a token');
  }
  return token;
}

export type ScorecardSummary = {
  id: string;
  entities: number;
  levelCounts: Record<string, number>;
};

/**
 * The service's scorecard in the list, once the backend has scored at least
 * minimumScoredEntities entities on it. After a backend restart (its
 * in-memory database starts over) this waits for the next evaluation.
 */
export async function waitForEvaluation(): Promise<ScorecardSummary> {
  return waitFor(
    'evaluation of the demo organisation',
    async () => {
      const token = await guestToken();
      const response = await fetchWithTimeout(
        `${backendUrl}/api/readiness/scorecards`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        throw new Error(`GET /api/readiness/scorecards: ${response.status}`);
      }
      const { items } = (await response.json()) as {
        items: ScorecardSummary[];
      };
      const card = items.find(s => s.id === service.scorecardId);
      if (!card) {
        throw new Error(`no ${service.scorecardId} scorecard`);
      }
      if (card.entities < minimumScoredEntities) {
        throw new Error(`${card.entities} entities scored`);
      }
      return card;
    },
    { timeoutMs: timeouts.evaluationMs, intervalMs: EVALUATION_POLL_MS },
  );
}

/** The service's production-readiness result from the API. */
export async function serviceResult(): Promise<{
  score: number;
  level: string | null;
}> {
  const { kind, namespace, name, scorecardId } = service;
  const response = await fetchWithTimeout(
    `${backendUrl}/api/readiness/entities/${kind}/${namespace}/${name}`,
    { headers: { authorization: `Bearer ${await guestToken()}` } },
  );
  if (!response.ok) {
    throw new Error(`GET readiness of ${name} answered ${response.status}`);
  }
  const body = (await response.json()) as {
    scorecards: Array<{
      scorecard: { id: string };
      score: number;
      level: string | null;
    }>;
  };
  const result = body.scorecards.find(r => r.scorecard.id === scorecardId);
  if (!result) {
    throw new Error(`${name} has no ${scorecardId} result`);
  }
  return result;
}

/**
 * The title of the guest's first notification whose title matches, once
 * the notifications backend has it: the digest job sends a few minutes
 * after start-up (`readiness.notifications.schedule` in app-config.yaml).
 */
export async function waitForNotification(title: RegExp): Promise<string> {
  return waitFor(
    `a notification for the guest titled ${title}`,
    async () => {
      const response = await fetchWithTimeout(
        `${backendUrl}/api/notifications/notifications`,
        { headers: { authorization: `Bearer ${await guestToken()}` } },
      );
      if (!response.ok) {
        throw new Error(`GET /api/notifications: ${response.status}`);
      }
      const { notifications } = (await response.json()) as {
        notifications: Array<{ payload: { title: string } }>;
      };
      const found = notifications.find(n => title.test(n.payload.title));
      if (!found) {
        throw new Error(`${notifications.length} notifications, none matches`);
      }
      return found.payload.title;
    },
    { timeoutMs: timeouts.notificationMs, intervalMs: NOTIFICATION_POLL_MS },
  );
}

/*
 * The demo organisation's exemptions and attestations: a few in each state,
 * on checks that fail for those services under the production-readiness
 * scorecard (see `yarn readiness evaluate --catalog examples`), by people of
 * examples/org.yaml. Dates are relative to the day the backend starts.
 */

const SCORECARD = 'production-readiness';
const DAY_MS = 24 * 60 * 60 * 1000;

const user = (name: string) => `user:default/${name}`;
const component = (name: string) => `component:default/${name}`;

/** A step after the request: who, how many days before now, and why. */
interface DemoStep {
  by: string;
  daysAgo: number;
  comment: string;
}

/** One demo exemption or attestation and what happened to it. */
export interface DemoOwnerInput {
  kind: 'exemption' | 'attestation';
  entityRef: string;
  scorecardId: string;
  /** Check ids of an exemption, the attestation id of an attestation. */
  subjects: string[];
  text: string;
  link?: string;
  requestedBy: string;
  requestedDaysAgo: number;
  /** Exemptions: the end date, in days from today (negative: past). */
  endsInDays?: number;
  approved?: DemoStep;
  rejected?: DemoStep;
  revoked?: DemoStep;
}

/**
 * The request the end-to-end test approves (as the guest user, who may
 * approve others' requests in the example app) and then revokes.
 */
export const E2E_PENDING_EXEMPTION = {
  entityRef: component('ledger-service'),
  check: 'distributed-tracing',
  requestedBy: user('alice.nguyen'),
};

/**
 * Services whose disaster-recovery rehearsal, attested a year ago, stops
 * counting on the day the demo starts: Gold yesterday, Silver today.
 */
export const DEMO_REGRESSIONS = [
  component('auth-service'),
  component('storefront-web'),
];

/** A year (the attestation's `maxAge`) and half a day. */
const AGED_ATTESTATION_DAYS = 365.5;

export const DEMO_OWNER_INPUT: DemoOwnerInput[] = [
  // Pending, waiting for the platform team (the scorecard's owner).
  {
    kind: 'exemption',
    entityRef: E2E_PENDING_EXEMPTION.entityRef,
    scorecardId: SCORECARD,
    subjects: [E2E_PENDING_EXEMPTION.check],
    text: 'Tracing comes with the **OpenTelemetry collector** the platform team rolls out next quarter. Until then every ledger log line carries the request id.',
    link: 'https://tickets.acme.example/PAY-214',
    requestedBy: E2E_PENDING_EXEMPTION.requestedBy,
    requestedDaysAgo: 2,
    endsInDays: 60,
  },
  {
    kind: 'exemption',
    entityRef: component('event-ingestion'),
    scorecardId: SCORECARD,
    subjects: ['autoscaling'],
    text: 'Ingestion runs on a fixed pool sized for three times the peak; autoscaling on consumer lag is planned with the Kafka upgrade.',
    requestedBy: user('kofi.mensah'),
    requestedDaysAgo: 1,
    endsInDays: 45,
  },
  // Active: approved, ends in about a month.
  {
    kind: 'exemption',
    entityRef: component('cart-service'),
    scorecardId: SCORECARD,
    subjects: ['techdocs'],
    text: 'The cart API is documented in the storefront TechDocs; its own docs come with the rewrite of the promotions engine.',
    link: 'https://tickets.acme.example/WEB-88',
    requestedBy: user('grace.kim'),
    requestedDaysAgo: 10,
    endsInDays: 30,
    approved: {
      by: user('erin.walsh'),
      daysAgo: 9,
      comment:
        'Fine for a month: link the storefront docs from the cart page meanwhile.',
    },
  },
  // Expired: approved, its end date passed.
  {
    kind: 'exemption',
    entityRef: component('refunds-service'),
    scorecardId: SCORECARD,
    subjects: ['escalation-path'],
    text: 'The refunds rotation is being merged into the payments escalation policy.',
    requestedBy: user('bruno.martins'),
    requestedDaysAgo: 50,
    endsInDays: -3,
    approved: {
      by: user('dmitri.volkov'),
      daysAgo: 49,
      comment: 'Approved until the merge; no extension after that.',
    },
  },
  // Rejected.
  {
    kind: 'exemption',
    entityRef: component('currency-rates-service'),
    scorecardId: SCORECARD,
    subjects: ['on-call'],
    text: 'Rates are cached for a day, so an outage is not urgent.',
    requestedBy: user('carla.rossi'),
    requestedDaysAgo: 6,
    endsInDays: 90,
    rejected: {
      by: user('jane.doe'),
      daysAgo: 5,
      comment:
        'Checkout depends on the rates: a stale cache means wrong prices. Set up the rotation instead; the platform team can help this week.',
    },
  },
  // Revoked by its requester before its end.
  {
    kind: 'exemption',
    entityRef: component('admin-portal'),
    scorecardId: SCORECARD,
    subjects: ['environment-parity'],
    text: 'The admin portal has no staging environment yet; it is read-only for support staff.',
    requestedBy: user('erin.walsh'),
    requestedDaysAgo: 20,
    endsInDays: 40,
    approved: {
      by: user('dmitri.volkov'),
      daysAgo: 19,
      comment: 'Approved while staging is built.',
    },
    revoked: {
      by: user('erin.walsh'),
      daysAgo: 4,
      comment:
        'Staging is scheduled for next sprint; we want the gap to show until then.',
    },
  },
  // An attestation that counts at once (production-readiness does not ask
  // for confirmation): payments-service's rehearsed disaster recovery.
  {
    kind: 'attestation',
    entityRef: component('payments-service'),
    scorecardId: SCORECARD,
    subjects: ['dr-rehearsed'],
    text: 'Game day: restored the payments database into the second region from the nightly snapshot. Recovery took 42 minutes (objective 60), with 5 minutes of data lost (objective 15).',
    link: 'https://wiki.acme.example/payments/dr-game-day',
    requestedBy: user('bruno.martins'),
    requestedDaysAgo: 20,
  },
  // Rehearsals attested a year and half a day ago: `dr-rehearsed` counts
  // for 365 days, so these counted yesterday and no longer do. The demo's
  // yesterday results (demoRegressions) have them Gold; the first
  // evaluation drops them to Silver, a regression their owners are told of.
  {
    kind: 'attestation',
    entityRef: DEMO_REGRESSIONS[0],
    scorecardId: SCORECARD,
    subjects: ['dr-rehearsed'],
    text: 'Game day: failed sign-in over to the second region with the session store restored from its replica. Recovery took 25 minutes (objective 30), no sessions lost.',
    link: 'https://wiki.acme.example/platform/auth-dr-game-day',
    requestedBy: user('dmitri.volkov'),
    requestedDaysAgo: AGED_ATTESTATION_DAYS,
  },
  {
    kind: 'attestation',
    entityRef: DEMO_REGRESSIONS[1],
    scorecardId: SCORECARD,
    subjects: ['dr-rehearsed'],
    text: 'Game day: served the storefront from the second region behind the CDN while the primary was drained. Recovery took 12 minutes (objective 15).',
    requestedBy: user('felix.brandt'),
    requestedDaysAgo: AGED_ATTESTATION_DAYS,
  },
];

/** The moment `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The UTC day (YYYY-MM-DD) `days` days after `now`. */
export function dayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

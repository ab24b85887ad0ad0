/*
 * What the end-to-end suite expects of the app in one place: addresses, the
 * demo entity it opens and what its card must say, timeouts. Selectors are
 * in selectors.ts; the specs hold no literal expectations.
 */

export const frontendUrl = 'http://localhost:3000';
export const backendUrl = 'http://localhost:7007';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Chromium's flags: headless as root, and no background connections, which
 * a closed network refuses many at a time.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
];

/** The ports `yarn start` listens on: frontend, backend. */
export const ports = [3000, 7007];

/**
 * `E2E_REUSE_APP=1` tests an app that is already running (started with
 * `yarn start`) instead of starting one; for working on the tests.
 */
export const reuseApp = process.env.E2E_REUSE_APP === '1';

export const timeouts = {
  /** `yarn start` until both servers answer (about 20 s on 2 cores). */
  appStartMs: 5 * 60_000,
  /**
   * The first scheduled evaluation runs 45 s after start-up (app-config.yaml
   * delays it for the demo's yesterday results).
   */
  evaluationMs: 2 * 60_000,
  /**
   * The demo's first notification digest: 2 minutes after start-up, then
   * every minute (app-config.yaml), once the first evaluation is stored.
   */
  notificationMs: 5 * 60_000,
  /** One page or element to show up. */
  uiMs: 45_000,
  /** A link or tab that is there at once when its page is. */
  linkMs: 10_000,
};

/**
 * The service the suite opens and what the demo organisation gives it under
 * the production-readiness scorecard. The level is pinned by
 * plugins/readiness-common/src/scorecards/demoOrganisation.test.ts; the score
 * is what `yarn readiness evaluate --catalog examples` prints, rounded the way
 * the card shows it.
 */
export const service = {
  kind: 'component',
  namespace: 'default',
  name: 'support-assistant-api',
  title: 'Support Assistant API',
  scorecardId: 'production-readiness',
  scorecardTitle: 'Production Readiness',
  level: 'Silver',
  score: 73,
};

/** The levels of the production-readiness scorecard. */
export const levels = ['Bronze', 'Silver', 'Gold'];

/** Entities the demo organisation scores on production-readiness at least. */
export const minimumScoredEntities = 25;

/** WCAG tags axe checks; serious and critical violations fail a test. */
export const axeTags = ['wcag2a', 'wcag2aa'];
export const failingImpacts = ['serious', 'critical'];

/** A demo entity the suite opens: its catalog ref and the title it shows. */
export type DemoEntity = Pick<
  typeof service,
  'kind' | 'namespace' | 'name' | 'title'
>;

/**
 * The exemption the guest requests through the dialog, on the service, for
 * a check that fails there. The guest may not approve it: it is theirs.
 */
export const ownExemption = {
  checkId: 'autoscaling',
  checkTitle: 'Scales automatically',
  reason: 'Load is flat until the **spring launch**; the HPA comes with it.',
  endsInDays: 30,
  link: 'https://tickets.acme.example/ML-77',
};

/**
 * The pending exemption the example backend seeds (requested by another
 * user: packages/backend/src/demoOwnerInput), which the guest approves
 * (the example app's policy allows all) and then revokes.
 */
export const seededExemption = {
  entity: {
    kind: 'component',
    namespace: 'default',
    name: 'ledger-service',
    title: 'Ledger Service',
  } satisfies DemoEntity,
  checkId: 'distributed-tracing',
  checkTitle: 'Requests are traced',
  category: 'Observability',
  requestedBy: 'Alice Nguyen',
};

/**
 * The demo campaigns (examples/readiness/campaigns.yaml), on the service's
 * scorecard: one running, one past its deadline.
 */
export const demoCampaigns = {
  running: {
    name: 'incident-readiness',
    title: 'Incident readiness for production services',
  },
  ended: { name: 'bronze-baseline', title: 'Bronze for every service' },
};

/**
 * The guest's team (user:development/guest in examples/org.yaml): an
 * entity of it that the running campaign still waits for, with a check it
 * needs, and the service whose level dropped on the first evaluation (the
 * demo's yesterday results: packages/backend/src/demoRegressions).
 */
export const guestTeam = {
  group: {
    kind: 'group',
    namespace: 'default',
    name: 'team-platform',
    title: 'Platform',
  } satisfies DemoEntity,
  openEntity: {
    kind: 'component',
    namespace: 'default',
    name: 'metrics-gateway',
    title: 'Metrics Gateway',
  } satisfies DemoEntity,
  openCheckTitle: 'On-call is set up',
  regressed: { name: 'auth-service', title: 'Auth Service' },
};

/** The entity page of a demo entity. */
export const entityPath = (entity: DemoEntity) =>
  `/catalog/${entity.namespace}/${entity.kind}/${entity.name}`;

export const paths = {
  home: '/',
  entity: entityPath(service),
  readinessTab: `${entityPath(service)}/readiness`,
  readiness: '/readiness',
  exemptions: '/readiness/exemptions',
  campaigns: '/readiness/campaigns',
  campaign: (name: string) => `/readiness/campaigns/${name}`,
  notifications: '/notifications',
};

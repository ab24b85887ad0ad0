// Generated from ../openapi.yaml by `yarn generate:openapi`. Do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'readiness',
    version: '1',
    description:
      'Production-readiness scores, levels and check results of catalog entities.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/scorecards': {
      get: {
        operationId: 'ListScorecards',
        description:
          'The scorecards in force, with how the entities stand on each (aggregated over all entities), and the problems that kept any configured definition out.\n',
        responses: {
          '200': {
            description: 'The scorecards.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/preview': {
      post: {
        operationId: 'StartScorecardPreview',
        description:
          'Dry run of a draft scorecard, as a background job: validates the draft (400 with its problems) and answers 202 with the running job, which evaluates the draft over the entities the caller may read, against their stored facts (no collector is asked), and compares with the stored results of the scorecard with the same id. Stores nothing but the job. Poll `GET /scorecards/preview/{id}`. One running preview per caller (409 naming it), a few per backend replica (503), each within the budgets of `readiness.preview`. Needs the `readiness.scorecard.preview` permission.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['document'],
                properties: {
                  document: {
                    type: 'string',
                    description:
                      'One scorecard document, YAML or JSON, of at most `readiness.limits.scorecards.maxBytes` UTF-8 bytes (default 262144, the maxLength here; the served contract states the configured value).\n',
                    maxLength: 262144,
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The job, running.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PreviewJob',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
          '503': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/preview/{id}': {
      get: {
        operationId: 'GetScorecardPreview',
        description:
          'A preview job started by the caller: running, with the entities evaluated so far; done, with the result; or failed, with why. Jobs of others are not found; finished jobs are kept for `readiness.preview.retention` (an hour by default).\n',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 36,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The job.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PreviewJob',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/{id}': {
      get: {
        operationId: 'GetScorecard',
        description:
          'One scorecard, its definition and how the entities stand on it.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The scorecard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardDetails',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/leaderboard': {
      get: {
        operationId: 'GetLeaderboard',
        description:
          'Owners, systems or domains ranked on a scorecard: entities scored, average score, entities per level and how the average moved over the period, aggregated in the database. Filters narrow the entities counted; entities the caller may not read in the catalog are left out.\n',
        parameters: [
          {
            name: 'scorecard',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
          {
            name: 'groupBy',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              enum: ['owner', 'system', 'domain'],
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['averageScore', 'entities', 'group', 'trend'],
            },
          },
          {
            name: 'periodDays',
            in: 'query',
            required: false,
            description: "The trend's period in days, ending now (default 30).",
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3650,
            },
          },
          {
            $ref: '#/components/parameters/entityKind',
          },
          {
            $ref: '#/components/parameters/entityType',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/tag',
          },
          {
            name: 'order',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'rollup',
            in: 'query',
            required: false,
            description:
              "With `groupBy=owner` only: each group's figures include the entities of the groups under it (`parentOf`, transitively; at most 1,000 groups per group, nearest first), and groups that own nothing directly but have groups under them appear too. Groups the caller may not read in the catalog are not rolled up, nor the groups reached only through them. A hierarchy nested so deeply that the groups under all groups add up to over 500,000 is refused (400).\n",
            schema: {
              type: 'boolean',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of the leaderboard.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Leaderboard',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/groups/{namespace}/{name}': {
      get: {
        operationId: 'GetTeamReadiness',
        description:
          "A team's view on one scorecard: the standing, trend, weakest entities, open campaign items and level drops of the last 7 days of the entities owned by the group and by the groups under it (`parentOf`, transitively, at most 1,000 groups, nearest first). Groups and entities the caller may not read in the catalog are left out; a group the caller may not read is not found.\n",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'scorecard',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
        ],
        responses: {
          '200': {
            description: "The team's readiness.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TeamReadiness',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/results': {
      get: {
        operationId: 'ListResults',
        description:
          "Entities' standing on a scorecard, lowest score first, filtered by level, check status, owner, system, domain, kind, type, lifecycle or tag. Entities the caller may not read in the catalog are left out.\n",
        parameters: [
          {
            name: 'scorecard',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
          {
            name: 'level',
            in: 'query',
            required: false,
            description:
              'A level id, or `none` for entities below the first level.',
            schema: {
              type: 'string',
              maxLength: 128,
            },
          },
          {
            name: 'check',
            in: 'query',
            required: false,
            description:
              'With `status`, the check whose status is filtered on.',
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description:
              'Entities with this status on `check`, or, without `check`, on any of their checks.\n',
            schema: {
              $ref: '#/components/schemas/CheckStatus',
            },
          },
          {
            $ref: '#/components/parameters/entityKind',
          },
          {
            $ref: '#/components/parameters/entityType',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/tag',
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            description:
              "The owner's entity ref, or `none` for entities without an owner.",
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'system',
            in: 'query',
            required: false,
            description:
              "The system's entity ref, or `none` for entities without a system.",
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'domain',
            in: 'query',
            required: false,
            description:
              "The domain's entity ref, or `none` for entities without a domain.",
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description:
              'The `nextCursor` of the previous page; none for the first page.\n',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 4096,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of results.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ResultList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/evaluate': {
      post: {
        operationId: 'EvaluateDraftEntity',
        description:
          'Evaluates an entity that is not in the catalog (yet), such as the `catalog-info.yaml` a Scaffolder template is about to publish, and stores nothing. Its owner and system are looked up as the caller may see them; repository facts come from `repositoryPaths` when given; every other collector\'s and pushed facts are unavailable ("not collected for a draft entity"), so checks on them are unknown. A draft has no exemptions or attestations; campaigns apply. Answers the scorecards that apply to the entity, or only `scorecard` (none when it does not apply). 400 naming the field for an invalid entity or path, and for an unknown scorecard with the closest id. The body is bounded by the API\'s JSON limit, the entity by `readiness.limits.scorecards.maxBytes` and `maxDepth`. Rate limited per caller, and evaluated a few at a time per replica (`readiness.drafts`).\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['entity'],
                properties: {
                  entity: {
                    type: 'object',
                    description:
                      'The draft entity, as in `catalog-info.yaml`: a valid `apiVersion`, `kind` and `metadata.name`. Its `relations` and `status` are ignored.\n',
                  },
                  scorecard: {
                    type: 'string',
                    description: "Only this scorecard's result.",
                    maxLength: 128,
                  },
                  repositoryPaths: {
                    type: 'array',
                    description:
                      "The repository's file paths, relative and `/`-separated (as `git ls-files` lists them), for the repository facts.\n",
                    maxItems: 20000,
                    items: {
                      type: 'string',
                      maxLength: 1024,
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: "The draft's readiness, evaluated now.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReadiness',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '429': {
            description:
              'Too many drafts evaluated by the caller; try again after `Retry-After` seconds.\n',
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before trying again.',
                schema: {
                  type: 'integer',
                  minimum: 1,
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '503': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityReadiness',
        description:
          'Every scorecard that applies to the entity, with its score, level and check results. Evaluates the entity first if it has no stored result.\n',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's readiness.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReadiness',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/refresh': {
      post: {
        operationId: 'RefreshEntityReadiness',
        description:
          'Re-evaluates the entity now and returns the new result; a refresh of the entity already running is joined. Needs the `readiness.entity.refresh` permission for the entity; a service needs its subject listed in `readiness.serviceAccess.refresh`. Rate limited per caller and entity, and per caller (`readiness.refresh`).\n',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's readiness, just evaluated.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReadiness',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '429': {
            description:
              'Too many refreshes; try again after `Retry-After` seconds.',
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before trying again.',
                schema: {
                  type: 'integer',
                  minimum: 1,
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetEntityReadinessHistory',
        description:
          "The entity's changes of level and check status, newest first, each with its cause (first evaluation, entity, scorecard or facts).\n",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'How many changes at most (default 100).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: "The entity's history.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReadinessHistory',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/badge': {
      get: {
        operationId: 'GetEntityBadge',
        description:
          "The entity's level and score on a scorecard as an SVG badge, for a caller who may read the entity (404 otherwise, as for an unknown one). Shows the stored result; evaluates the entity only when it has none. 400 for an unknown scorecard, with the closest id. See docs/badges.md.\n",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'scorecard',
            in: 'query',
            required: true,
            description: "The scorecard's id.",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 128,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The badge.',
            content: {
              'image/svg+xml': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/badges': {
      post: {
        operationId: 'CreateBadge',
        description:
          "The public badge of an entity on a scorecard: its unguessable id (random, the same for the same entity and scorecard whoever asks), where it is served without a session, and a Markdown snippet for a README that links to the entity's Readiness tab. For a caller who may read the entity (404 otherwise). 409 while `readiness.badges.public` is off; 400 for an unknown scorecard, with the closest id. Minting a new id counts against the caller's badge link writes (`readiness.badges.callerLimit`, 429 beyond them); giving the existing one does not.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['entityRef', 'scorecard'],
                properties: {
                  entityRef: {
                    type: 'string',
                    description:
                      'The entity, e.g. `component:default/checkout`.',
                    minLength: 1,
                    maxLength: 512,
                  },
                  scorecard: {
                    type: 'string',
                    description: "The scorecard's id.",
                    minLength: 1,
                    maxLength: 128,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The badge.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReadinessBadge',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
          '429': {
            $ref: '#/components/responses/TooManyBadgeLinkWrites',
          },
        },
      },
    },
    '/badges/{id}': {
      delete: {
        operationId: 'RevokeBadge',
        description:
          "Revokes a public badge: its address serves nothing from now on (other replicas may serve it from memory for up to a minute, browsers and proxies for five) and the next `POST /badges` for its entity and scorecard makes a new id. Whether or not `readiness.badges.public` is on. For signed-in users only: a service token is refused (403), as the permission framework allows every service. Needs `readiness.badge.revoke` on the entity (403 otherwise); 404 for an unknown id and for a badge of an entity the caller may not read, alike. Every call counts against the caller's badge link writes (`readiness.badges.callerLimit`, 429 beyond them). See docs/badges.md.\n",
        parameters: [
          {
            $ref: '#/components/parameters/badgeId',
          },
        ],
        responses: {
          '204': {
            description: 'Revoked.',
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '429': {
            $ref: '#/components/responses/TooManyBadgeLinkWrites',
          },
        },
      },
    },
    '/public/badges/{id}': {
      get: {
        operationId: 'GetPublicBadge',
        description:
          "A public badge, for anyone, without a session, while `readiness.badges.public` is on (404 when it is off, as for an unknown id). The only route open to callers without a session, and only then. Shows the stored result only and never evaluates; says `unknown` once the scorecard or the entity's stored results are gone. Never names the entity. Badges and unknown ids are cached for a minute by each replica, badges five minutes by browsers and proxies.\n",
        parameters: [
          {
            $ref: '#/components/parameters/badgeId',
          },
        ],
        responses: {
          '200': {
            description: 'The badge.',
            content: {
              'image/svg+xml': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/campaigns': {
      get: {
        operationId: 'ListCampaigns',
        description:
          'The campaigns in force, each with its phase, days left and progress (targeted entities, how many meet the goal, how many regressed), counted in the database over the entities the caller may read; and the problems that kept any configured definition out.\n',
        responses: {
          '200': {
            description: 'The campaigns.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/campaigns/{name}': {
      get: {
        operationId: 'GetCampaign',
        description:
          "One campaign: its progress overall and per owner, system and domain (the least advanced first), its burn-up as recorded each day from its start (with today's live point), the projected completion, the level changes its advisory checks would bring once enforced, and a page of its entities (those that do not meet the goal, unless `status` says otherwise), in entity ref order. Entities the caller may not read in the catalog are neither counted nor listed.\n",
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
              maxLength: 128,
            },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description:
              'Which entities the page lists: `open` (default, those that do not meet the goal), `met`, `regressed` (met it once, no longer do) or `all`.\n',
            schema: {
              type: 'string',
              enum: ['open', 'met', 'regressed', 'all'],
            },
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            description:
              "Only this owner's entities (an entity ref), or `none` for entities without an owner.",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Entities per page (default 50).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description:
              'The `entities.nextCursor` of the previous page, with the same `status` and `owner`; none for the first page.\n',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 4096,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignDetails',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/campaigns': {
      get: {
        operationId: 'GetEntityCampaigns',
        description:
          'The campaigns in force that target the entity and where it stands in each, from its stored results, soonest due first. Not found when the caller may not read the entity.\n',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's campaigns.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityCampaigns',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions': {
      post: {
        operationId: 'RequestExemption',
        description:
          "Requests an exemption from failing or unknown checks of one scorecard for an entity, until an end date (at most the scorecard's `spec.exemptions.maxDays`, default 90, from today). Needs the `readiness.exemption.request` permission for the entity. The request is `pending` until an approver decides.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ExemptionRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The pending exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListExemptions',
        description:
          'Exemptions of the entities the caller may read, newest first.\n',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputEntity',
          },
          {
            $ref: '#/components/parameters/ownerInputScorecard',
          },
          {
            $ref: '#/components/parameters/ownerInputStatus',
          },
          {
            $ref: '#/components/parameters/ownerInputOwner',
          },
          {
            name: 'expiringWithinDays',
            in: 'query',
            required: false,
            description:
              'Only active exemptions whose end date is within this many days.',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 3650,
            },
          },
          {
            $ref: '#/components/parameters/ownerInputLimit',
          },
        ],
        responses: {
          '200': {
            description: 'The exemptions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ExemptionList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions/{id}': {
      get: {
        operationId: 'GetExemption',
        description: 'One exemption with its recorded steps.',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        responses: {
          '200': {
            description: 'The exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions/{id}/decision': {
      post: {
        operationId: 'DecideExemption',
        description:
          "Approves (optionally with an earlier end date) or rejects a pending exemption, with a comment. Members of the scorecard's owner group may, and whoever holds `readiness.exemption.approve` for the scorecard; never the requester. 409 when it is no longer pending, or when its end date passed before anyone approved it. Re-evaluates the entity.\n",
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OwnerInputDecision',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The decided exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/exemptions/{id}/revoke': {
      post: {
        operationId: 'RevokeExemption',
        description:
          'Ends a pending or active exemption now: its requester or an approver may. 409 when it already ended. Re-evaluates the entity.\n',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OwnerInputRevocation',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The revoked exemption.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Exemption',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attestations': {
      post: {
        operationId: 'Attest',
        description:
          "Attests a practice for an entity (a check's `attestation` condition names it). Needs `readiness.exemption.request` for the entity. Active at once, or pending until an approver confirms when the scorecard sets `spec.attestations.requireConfirmation`.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AttestationRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Attestation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListAttestations',
        description:
          'Attestations of the entities the caller may read, newest first.',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputEntity',
          },
          {
            $ref: '#/components/parameters/ownerInputScorecard',
          },
          {
            $ref: '#/components/parameters/ownerInputStatus',
          },
          {
            $ref: '#/components/parameters/ownerInputOwner',
          },
          {
            $ref: '#/components/parameters/ownerInputLimit',
          },
        ],
        responses: {
          '200': {
            description: 'The attestations.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AttestationList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attestations/{id}': {
      get: {
        operationId: 'GetAttestation',
        description: 'One attestation with its recorded steps.',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        responses: {
          '200': {
            description: 'The attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Attestation',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attestations/{id}/decision': {
      post: {
        operationId: 'DecideAttestation',
        description:
          'Confirms or rejects a pending attestation, as for exemptions. 409 when it is no longer pending. Re-evaluates the entity.\n',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OwnerInputDecision',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The decided attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Attestation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attestations/{id}/revoke': {
      post: {
        operationId: 'RevokeAttestation',
        description:
          'Withdraws a pending or active attestation: its author or an approver may. 409 when it already ended. Re-evaluates the entity.\n',
        parameters: [
          {
            $ref: '#/components/parameters/ownerInputId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OwnerInputRevocation',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The revoked attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Attestation',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/facts': {
      post: {
        operationId: 'PushFacts',
        description:
          "Pushes facts about an entity, observed by a pipeline (a CI job's test coverage, an evaluation suite's pass rate, a load test's p99), as declared in `readiness.pushedFacts`; scorecards name them `pushed.<name>`. Only services push (a static token from `backend.auth.externalAccess`), with the `readiness.facts.push` permission, and only about an entity whose `readiness.dev/fact-pushers` annotation lists their subject, or any entity when `readiness.serviceAccess.pushFacts` lists it; an entity that does not exist is refused like one that does not list the caller (400). The facts are stored in one transaction, each unless a later observation of it is stored, and the entity is re-evaluated when a stored value changed, unless as many evaluations after pushes run as `readiness.pushedFactsLimits.maxConcurrentEvaluations` allows (the scheduled run evaluates it then). Rate limited per service (`readiness.pushedFactsLimits`). See docs/pushed-facts.md.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FactsPush',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'What became of each fact.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FactsPushResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '429': {
            description:
              'Too many pushes by the caller; try again after `Retry-After` seconds.',
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before trying again.',
                schema: {
                  type: 'integer',
                  minimum: 1,
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      badgeId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "A public badge's id (random, base64url).",
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9_-]{22,64}$',
        },
      },
      ownerInputId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      ownerInputEntity: {
        name: 'entity',
        in: 'query',
        required: false,
        description: 'Only this entity (an entity ref).',
        schema: {
          type: 'string',
          maxLength: 512,
        },
      },
      ownerInputScorecard: {
        name: 'scorecard',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 128,
        },
      },
      ownerInputStatus: {
        name: 'status',
        in: 'query',
        required: false,
        schema: {
          $ref: '#/components/schemas/OwnerInputStatus',
        },
      },
      ownerInputOwner: {
        name: 'owner',
        in: 'query',
        required: false,
        description: 'Only entities this group or user (an entity ref) owns.',
        schema: {
          type: 'string',
          maxLength: 512,
        },
      },
      ownerInputLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'How many at most (default 100).',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
        },
      },
      entityKind: {
        name: 'kind',
        in: 'query',
        required: false,
        description: 'Only entities of this kind (case-insensitive).',
        schema: {
          type: 'string',
          maxLength: 63,
        },
      },
      entityType: {
        name: 'type',
        in: 'query',
        required: false,
        description: 'Only entities with this `spec.type`.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      lifecycle: {
        name: 'lifecycle',
        in: 'query',
        required: false,
        description: 'Only entities with this `spec.lifecycle`.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      tag: {
        name: 'tag',
        in: 'query',
        required: false,
        description: 'Only entities with this tag.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
          maxLength: 63,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
          maxLength: 63,
        },
      },
    },
    responses: {
      Error: {
        description: "An error in Backstage's error format.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      TooManyBadgeLinkWrites: {
        description:
          'Too many badge links made or revoked by the caller; try again after `Retry-After` seconds.\n',
        headers: {
          'Retry-After': {
            description: 'Seconds to wait before trying again.',
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
        },
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      FactsPush: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'source', 'facts'],
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 512,
            description:
              'The entity the facts are about, e.g. component:default/checkout.',
          },
          source: {
            type: 'string',
            maxLength: 256,
            description:
              'What observed the facts, e.g. `github-actions`; letters, digits and `._:/@-`, at most 128 characters. Evidence shows it as `pushed:<source>`.\n',
          },
          observedAt: {
            type: 'string',
            maxLength: 64,
            description:
              "ISO 8601 time of the observation, at most 5 minutes ahead and 30 days behind the backend's clock; now by default. `maxAge` in a condition ages the fact from it.\n",
          },
          facts: {
            type: 'object',
            description:
              'Values by fact name, with or without `pushed.`, each of its declared type; 1 to 50 facts.\n',
            additionalProperties: {},
          },
        },
      },
      FactsPushResult: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'facts', 'evaluation'],
        properties: {
          entityRef: {
            type: 'string',
            description: 'The entity as the push named it (normalised).',
          },
          facts: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'stored'],
              properties: {
                name: {
                  type: 'string',
                  description: 'The full fact name, e.g. pushed.testCoverage.',
                },
                observedAt: {
                  type: 'string',
                  format: 'date-time',
                  description: "When stored, the push's observation time.",
                },
                stored: {
                  type: 'boolean',
                  description:
                    'False when a later observation was stored already.',
                },
                reason: {
                  type: 'string',
                },
              },
            },
          },
          evaluation: {
            type: 'string',
            enum: ['done', 'queued', 'skipped', 'unchanged'],
            description:
              '`done`: the entity was evaluated before the answer; `queued`: the evaluation still runs; `skipped`: as many evaluations after pushes ran as allowed, the scheduled run evaluates the stored facts; `unchanged`: nothing newer was stored (no value changed and no observation renewed), nothing to evaluate.\n',
          },
        },
      },
      OwnerInputStatus: {
        type: 'string',
        enum: ['pending', 'active', 'rejected', 'revoked', 'expired'],
      },
      OwnerInputEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['action', 'actor', 'at'],
        properties: {
          action: {
            type: 'string',
            enum: ['requested', 'approved', 'rejected', 'revoked', 'expired'],
          },
          actor: {
            type: 'string',
            nullable: true,
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          comment: {
            type: 'string',
          },
        },
      },
      OwnerInputLink: {
        type: 'string',
        maxLength: 2048,
        pattern: '^https?://',
        description: 'A ticket or evidence, http(s) only.',
      },
      Day: {
        type: 'string',
        description: 'A calendar date, YYYY-MM-DD.',
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      },
      Markdown: {
        type: 'string',
        maxLength: 10000,
        description: 'Markdown.',
      },
      ExemptionRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'scorecard', 'checks', 'reason', 'expiresAt'],
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 512,
          },
          scorecard: {
            type: 'string',
            maxLength: 128,
          },
          checks: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 128,
            },
          },
          reason: {
            $ref: '#/components/schemas/Markdown',
          },
          expiresAt: {
            $ref: '#/components/schemas/Day',
          },
          link: {
            $ref: '#/components/schemas/OwnerInputLink',
          },
        },
      },
      AttestationRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'scorecard', 'attestation', 'statement'],
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 512,
          },
          scorecard: {
            type: 'string',
            maxLength: 128,
          },
          attestation: {
            type: 'string',
            maxLength: 63,
          },
          statement: {
            $ref: '#/components/schemas/Markdown',
          },
          link: {
            $ref: '#/components/schemas/OwnerInputLink',
          },
        },
      },
      OwnerInputDecision: {
        type: 'object',
        additionalProperties: false,
        required: ['decision', 'comment'],
        properties: {
          decision: {
            type: 'string',
            enum: ['approve', 'reject'],
          },
          comment: {
            $ref: '#/components/schemas/Markdown',
          },
          expiresAt: {
            $ref: '#/components/schemas/Day',
          },
        },
      },
      OwnerInputRevocation: {
        type: 'object',
        additionalProperties: false,
        properties: {
          comment: {
            $ref: '#/components/schemas/Markdown',
          },
        },
      },
      OwnerInputRecord: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'scorecard',
          'status',
          'requestedBy',
          'requestedAt',
          'events',
          'actions',
        ],
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          scorecard: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/OwnerInputStatus',
          },
          link: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
            format: 'date-time',
          },
          decidedBy: {
            type: 'string',
          },
          decidedAt: {
            type: 'string',
            format: 'date-time',
          },
          decisionComment: {
            type: 'string',
          },
          closedBy: {
            type: 'string',
          },
          closedAt: {
            type: 'string',
            format: 'date-time',
          },
          closeComment: {
            type: 'string',
          },
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OwnerInputEvent',
            },
          },
          actions: {
            type: 'array',
            description: 'What the caller may do with it now.',
            items: {
              type: 'string',
              enum: ['decide', 'revoke'],
            },
          },
        },
      },
      Exemption: {
        allOf: [
          {
            $ref: '#/components/schemas/OwnerInputRecord',
          },
          {
            type: 'object',
            required: ['checks', 'reason', 'expiresAt'],
            properties: {
              checks: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              reason: {
                type: 'string',
              },
              expiresAt: {
                $ref: '#/components/schemas/Day',
              },
            },
          },
        ],
      },
      Attestation: {
        allOf: [
          {
            $ref: '#/components/schemas/OwnerInputRecord',
          },
          {
            type: 'object',
            required: ['attestation', 'statement'],
            properties: {
              attestation: {
                type: 'string',
              },
              statement: {
                type: 'string',
              },
            },
          },
        ],
      },
      ExemptionList: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Exemption',
            },
          },
        },
      },
      AttestationList: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Attestation',
            },
          },
        },
      },
      CheckWaiver: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'reason'],
        description: 'What waives a waived check.',
        properties: {
          source: {
            type: 'string',
            enum: ['scorecard', 'exemption'],
          },
          reason: {
            type: 'string',
          },
          expires: {
            type: 'string',
          },
          exemptionId: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          approvedBy: {
            type: 'string',
          },
          link: {
            type: 'string',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            additionalProperties: {},
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
      },
      CheckStatus: {
        type: 'string',
        enum: ['pass', 'fail', 'unknown', 'not-applicable', 'waived'],
      },
      FactValue: {
        description:
          'A string, number, boolean, list of strings, map of strings, or null.',
        oneOf: [
          {
            type: 'string',
            nullable: true,
          },
          {
            type: 'number',
          },
          {
            type: 'boolean',
          },
          {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
        ],
      },
      Evidence: {
        type: 'object',
        additionalProperties: false,
        required: ['fact', 'value', 'source', 'observedAt'],
        properties: {
          fact: {
            type: 'string',
          },
          key: {
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/FactValue',
          },
          source: {
            type: 'string',
          },
          observedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Remediation: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: {
            type: 'string',
            description: 'Markdown.',
          },
          docsUrl: {
            type: 'string',
          },
          template: {
            type: 'string',
            description:
              'Entity ref of a Scaffolder template that fixes the check.',
          },
        },
      },
      CheckResult: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'category',
          'level',
          'weight',
          'status',
          'evidence',
          'remediation',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          level: {
            type: 'string',
          },
          weight: {
            type: 'number',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          reason: {
            type: 'string',
          },
          evidence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Evidence',
            },
          },
          remediation: {
            $ref: '#/components/schemas/Remediation',
          },
          basis: {
            type: 'string',
            enum: ['verified', 'declared', 'attested'],
            description:
              'For a pass or a fail, what the deciding evidence rests on: verified (observed by a collector: repository, integrations), declared (only the catalog says so) or attested (the owners attested it).\n',
          },
          waiver: {
            $ref: '#/components/schemas/CheckWaiver',
          },
          severity: {
            type: 'string',
            enum: ['critical', 'high', 'medium', 'low'],
          },
          advisory: {
            $ref: '#/components/schemas/CheckAdvisory',
          },
        },
      },
      CheckAdvisory: {
        type: 'object',
        additionalProperties: false,
        description:
          'Set while the check is advisory: its status is reported but neither scored nor blocking a level.\n',
        properties: {
          enforcedFrom: {
            $ref: '#/components/schemas/Day',
          },
          campaign: {
            type: 'string',
            description: 'The campaign whose deadline enforces it.',
          },
        },
      },
      CampaignItem: {
        type: 'object',
        additionalProperties: false,
        description: 'Where the entity stands in one campaign that targets it.',
        required: [
          'campaign',
          'title',
          'startsAt',
          'dueAt',
          'met',
          'openChecks',
        ],
        properties: {
          campaign: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          startsAt: {
            $ref: '#/components/schemas/Day',
          },
          dueAt: {
            $ref: '#/components/schemas/Day',
          },
          met: {
            type: 'boolean',
          },
          openChecks: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          levelIfEnforced: {
            type: 'string',
            nullable: true,
            description:
              "The level were the campaign's advisory checks enforced now; only for a campaign that promotes them.\n",
          },
        },
      },
      Level: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
        },
      },
      CategoryScore: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'score'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          score: {
            type: 'number',
            nullable: true,
          },
        },
      },
      StatusCounts: {
        type: 'object',
        additionalProperties: false,
        required: ['pass', 'fail', 'unknown', 'not-applicable', 'waived'],
        properties: {
          pass: {
            type: 'integer',
          },
          fail: {
            type: 'integer',
          },
          unknown: {
            type: 'integer',
          },
          'not-applicable': {
            type: 'integer',
          },
          waived: {
            type: 'integer',
          },
        },
      },
      ScorecardResult: {
        type: 'object',
        additionalProperties: false,
        required: [
          'scorecard',
          'entityRef',
          'score',
          'level',
          'nextLevel',
          'categories',
          'counts',
          'checks',
          'evaluatedAt',
        ],
        properties: {
          scorecard: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'description', 'levels'],
            properties: {
              id: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              description: {
                type: 'string',
              },
              levels: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Level',
                },
              },
            },
          },
          entityRef: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          level: {
            type: 'string',
            nullable: true,
          },
          nextLevel: {
            type: 'string',
            nullable: true,
          },
          categories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CategoryScore',
            },
          },
          counts: {
            $ref: '#/components/schemas/StatusCounts',
          },
          advisoryFailing: {
            type: 'integer',
            description:
              'Advisory checks that fail or are unknown (not counted).',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
          campaigns: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignItem',
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      EntityReadiness: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'scorecards'],
        properties: {
          entityRef: {
            type: 'string',
          },
          scorecards: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardResult',
            },
          },
        },
      },
      CheckChange: {
        type: 'object',
        additionalProperties: false,
        required: ['check', 'before', 'after'],
        properties: {
          check: {
            type: 'string',
          },
          before: {
            type: 'string',
            nullable: true,
            enum: ['pass', 'fail', 'unknown', 'not-applicable', 'waived', null],
          },
          after: {
            type: 'string',
            nullable: true,
            enum: ['pass', 'fail', 'unknown', 'not-applicable', 'waived', null],
          },
        },
      },
      ReadinessChange: {
        type: 'object',
        additionalProperties: false,
        required: [
          'scorecard',
          'changedAt',
          'cause',
          'levelBefore',
          'levelAfter',
          'scoreBefore',
          'scoreAfter',
          'checks',
        ],
        properties: {
          scorecard: {
            type: 'string',
          },
          changedAt: {
            type: 'string',
            format: 'date-time',
          },
          cause: {
            type: 'string',
            enum: [
              'first-evaluation',
              'entity',
              'scorecard',
              'facts',
              'exemption',
              'attestation',
              'campaign',
            ],
          },
          levelBefore: {
            type: 'string',
            nullable: true,
          },
          levelAfter: {
            type: 'string',
            nullable: true,
          },
          scoreBefore: {
            type: 'number',
            nullable: true,
          },
          scoreAfter: {
            type: 'number',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckChange',
            },
          },
          note: {
            type: 'string',
            description:
              'For an exemption or attestation, which and what happened to it; for a check enforced from a date, which and when (and the campaign that promoted it).',
          },
        },
      },
      EntityReadinessHistory: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'changes'],
        properties: {
          entityRef: {
            type: 'string',
          },
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReadinessChange',
            },
          },
        },
      },
      ScorecardProblem: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'line', 'column', 'path', 'message'],
        properties: {
          source: {
            type: 'string',
          },
          line: {
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          path: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      ScorecardOverview: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'description',
          'source',
          'levels',
          'categories',
          'checks',
          'entities',
          'averageScore',
          'levelCounts',
          'waivedChecks',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          source: {
            type: 'string',
            description: 'The file or app-config entry that defines it.',
          },
          levels: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Level',
            },
          },
          categories: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
              },
            },
          },
          checks: {
            type: 'integer',
            description: 'How many checks it has.',
          },
          entities: {
            type: 'integer',
            description: 'How many entities are scored on it.',
          },
          averageScore: {
            type: 'number',
            nullable: true,
          },
          levelCounts: {
            type: 'object',
            description: 'Entities per level id; `none` below the first level.',
            additionalProperties: {
              type: 'integer',
            },
          },
          waivedChecks: {
            type: 'integer',
            description:
              'Checks waived over these entities, by the scorecard or by exemptions.',
          },
        },
      },
      ScorecardList: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'problems'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardOverview',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardProblem',
            },
          },
        },
      },
      ScorecardDetails: {
        type: 'object',
        additionalProperties: false,
        required: ['scorecard', 'definition', 'checks', 'problems'],
        properties: {
          scorecard: {
            $ref: '#/components/schemas/ScorecardOverview',
          },
          definition: {
            type: 'object',
            description: 'The scorecard as parsed (see docs/scorecards.md).',
            additionalProperties: {},
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckStanding',
            },
          },
          problems: {
            type: 'array',
            description:
              'Problems of the file that defines it: a newer version of it that was kept out, while this one keeps running.\n',
            items: {
              $ref: '#/components/schemas/ScorecardProblem',
            },
          },
        },
      },
      CheckStanding: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'category',
          'level',
          'weight',
          'counts',
          'passRate',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          level: {
            type: 'string',
          },
          weight: {
            type: 'number',
          },
          counts: {
            $ref: '#/components/schemas/StatusCounts',
          },
          passRate: {
            type: 'number',
            nullable: true,
            minimum: 0,
            maximum: 1,
            description:
              'Passing entities among those with pass, fail or unknown; null when there are none.\n',
          },
        },
      },
      LeaderboardTrend: {
        type: 'object',
        additionalProperties: false,
        required: ['since', 'averageScore', 'change'],
        properties: {
          since: {
            type: 'string',
            format: 'date-time',
          },
          averageScore: {
            type: 'number',
            nullable: true,
            description:
              "The average then of the group's current entities that were scored then; null when none was.\n",
          },
          change: {
            type: 'number',
            nullable: true,
            description: 'The current average minus the one then.',
          },
        },
      },
      LeaderboardRow: {
        type: 'object',
        additionalProperties: false,
        required: [
          'group',
          'entities',
          'averageScore',
          'levelCounts',
          'waivedChecks',
          'trend',
        ],
        properties: {
          group: {
            type: 'string',
            nullable: true,
            description:
              'The owner, system or domain ref; null for entities that declare none.',
          },
          entities: {
            type: 'integer',
          },
          averageScore: {
            type: 'number',
            nullable: true,
          },
          levelCounts: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          waivedChecks: {
            type: 'integer',
            description:
              'Checks waived over these entities, by the scorecard or by exemptions.',
          },
          trend: {
            $ref: '#/components/schemas/LeaderboardTrend',
          },
        },
      },
      Leaderboard: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'total'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LeaderboardRow',
            },
          },
          total: {
            type: 'integer',
            description: 'How many groups there are in all.',
          },
        },
      },
      CampaignGoal: {
        description:
          'What a campaign asks for, checks that pass or a level reached.',
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['checks'],
            properties: {
              checks: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['level'],
            properties: {
              level: {
                type: 'string',
              },
            },
          },
        ],
      },
      CampaignSummary: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'scorecard',
          'goal',
          'startsAt',
          'dueAt',
          'phase',
          'daysLeft',
          'targeted',
          'met',
          'share',
          'regressed',
          'source',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
            description: 'Markdown.',
          },
          owner: {
            type: 'string',
            description: 'Entity ref of the group that runs the campaign.',
          },
          scorecard: {
            type: 'string',
          },
          goal: {
            $ref: '#/components/schemas/CampaignGoal',
          },
          startsAt: {
            $ref: '#/components/schemas/Day',
          },
          dueAt: {
            $ref: '#/components/schemas/Day',
          },
          phase: {
            type: 'string',
            enum: ['scheduled', 'running', 'ended'],
          },
          daysLeft: {
            type: 'integer',
            description:
              'Whole days until the end of `dueAt` (0 on that day), negative after.',
          },
          targeted: {
            type: 'integer',
          },
          met: {
            type: 'integer',
          },
          share: {
            type: 'number',
            nullable: true,
            description:
              '`met / targeted`, 0 to 1; null when nothing is targeted.',
          },
          regressed: {
            type: 'integer',
            description: 'Entities that met the goal once and no longer do.',
          },
          source: {
            type: 'string',
            description: 'The file or app-config entry that defines it.',
          },
        },
      },
      CampaignList: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'problems'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignSummary',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardProblem',
            },
          },
        },
      },
      CampaignGroupProgress: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'targeted', 'met', 'share'],
        properties: {
          group: {
            type: 'string',
            nullable: true,
            description:
              "The group's entity ref; null for entities that declare none.",
          },
          targeted: {
            type: 'integer',
          },
          met: {
            type: 'integer',
          },
          share: {
            type: 'number',
            nullable: true,
          },
        },
      },
      CampaignBurnUpPoint: {
        type: 'object',
        additionalProperties: false,
        required: ['day', 'targeted', 'met'],
        properties: {
          day: {
            $ref: '#/components/schemas/Day',
          },
          targeted: {
            type: 'integer',
          },
          met: {
            type: 'integer',
          },
        },
      },
      CampaignEnforcementPreview: {
        type: 'object',
        additionalProperties: false,
        required: ['checks', 'enforcedFrom', 'levelChanges'],
        properties: {
          checks: {
            type: 'array',
            description: "The goal's checks that are advisory now.",
            items: {
              type: 'string',
            },
          },
          enforcedFrom: {
            type: 'string',
            nullable: true,
            pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
            description:
              'YYYY-MM-DD, when they are enforced; null when the campaign does not promote them and they have no date.\n',
          },
          levelChanges: {
            type: 'array',
            description:
              'Entities per (current level, level when enforced) pair that differ; for a campaign that promotes the checks.\n',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['from', 'to', 'entities'],
              properties: {
                from: {
                  type: 'string',
                  nullable: true,
                },
                to: {
                  type: 'string',
                  nullable: true,
                },
                entities: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      CampaignEntity: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'owner',
          'system',
          'domain',
          'level',
          'met',
          'openChecks',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          owner: {
            type: 'string',
            nullable: true,
          },
          system: {
            type: 'string',
            nullable: true,
          },
          domain: {
            type: 'string',
            nullable: true,
          },
          level: {
            type: 'string',
            nullable: true,
          },
          met: {
            type: 'boolean',
          },
          openChecks: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          metAt: {
            type: 'string',
            format: 'date-time',
            description: 'When it first met the goal.',
          },
          regressedAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When it last stopped meeting the goal after meeting it.',
          },
        },
      },
      CampaignEntityPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'total'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignEntity',
            },
          },
          total: {
            type: 'integer',
            description: 'Entities matching the filter in all.',
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as `cursor` for the next page; absent on the last.',
          },
        },
      },
      CampaignDetails: {
        type: 'object',
        additionalProperties: false,
        required: [
          'campaign',
          'definition',
          'byOwner',
          'bySystem',
          'byDomain',
          'burnUp',
          'projectedCompletion',
          'entities',
        ],
        properties: {
          campaign: {
            $ref: '#/components/schemas/CampaignSummary',
          },
          definition: {
            type: 'object',
            description: 'The campaign as parsed (see docs/campaigns.md).',
            additionalProperties: {},
          },
          byOwner: {
            type: 'array',
            description: 'At most 500, the least advanced first.',
            items: {
              $ref: '#/components/schemas/CampaignGroupProgress',
            },
          },
          bySystem: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignGroupProgress',
            },
          },
          byDomain: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignGroupProgress',
            },
          },
          burnUp: {
            type: 'array',
            description:
              'From `startsAt` to today (or `dueAt`), one point per recorded day.',
            items: {
              $ref: '#/components/schemas/CampaignBurnUpPoint',
            },
          },
          projectedCompletion: {
            type: 'string',
            nullable: true,
            pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
            description:
              'YYYY-MM-DD, when every targeted entity would meet the goal at the pace of the burn-up; null when there is no pace to project from, or it is met.\n',
          },
          enforcement: {
            $ref: '#/components/schemas/CampaignEnforcementPreview',
          },
          entities: {
            $ref: '#/components/schemas/CampaignEntityPage',
          },
        },
      },
      EntityCampaigns: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'items'],
        properties: {
          entityRef: {
            type: 'string',
          },
          items: {
            type: 'array',
            description:
              'A CampaignItem with its scorecard (spelled out: CampaignItem admits no other property).\n',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'scorecard',
                'campaign',
                'title',
                'startsAt',
                'dueAt',
                'met',
                'openChecks',
              ],
              properties: {
                scorecard: {
                  type: 'string',
                },
                campaign: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                startsAt: {
                  $ref: '#/components/schemas/Day',
                },
                dueAt: {
                  $ref: '#/components/schemas/Day',
                },
                met: {
                  type: 'boolean',
                },
                openChecks: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                levelIfEnforced: {
                  type: 'string',
                  nullable: true,
                },
              },
            },
          },
        },
      },
      TeamEntity: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'owner', 'level', 'score'],
        properties: {
          entityRef: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: 'The owner it declares, the group or one under it.',
          },
          level: {
            type: 'string',
            nullable: true,
          },
          score: {
            type: 'number',
          },
        },
      },
      TeamCampaignDue: {
        type: 'object',
        additionalProperties: false,
        required: [
          'campaign',
          'title',
          'dueAt',
          'daysLeft',
          'open',
          'entities',
          'checks',
        ],
        properties: {
          campaign: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          dueAt: {
            $ref: '#/components/schemas/Day',
          },
          daysLeft: {
            type: 'integer',
            description: 'Whole days until the end of `dueAt`, negative after.',
          },
          open: {
            type: 'integer',
            description: "The team's entities that do not meet the goal.",
          },
          entities: {
            type: 'array',
            description: 'The first of them, at most 5.',
            items: {
              type: 'string',
            },
          },
          checks: {
            type: 'array',
            description:
              'The checks they still need, most needed first, at most 10.',
            items: {
              type: 'string',
            },
          },
        },
      },
      TeamRegression: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'scorecard',
          'changedAt',
          'levelBefore',
          'levelAfter',
          'cause',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          scorecard: {
            type: 'string',
          },
          changedAt: {
            type: 'string',
            format: 'date-time',
          },
          levelBefore: {
            type: 'string',
            nullable: true,
          },
          levelAfter: {
            type: 'string',
            nullable: true,
          },
          cause: {
            type: 'string',
            description: "The change's cause, as in the entity's history.",
          },
        },
      },
      TeamReadiness: {
        type: 'object',
        additionalProperties: false,
        required: [
          'group',
          'scorecard',
          'groups',
          'entities',
          'averageScore',
          'levelCounts',
          'waivedChecks',
          'trend',
          'members',
          'due',
          'regressions',
        ],
        properties: {
          group: {
            type: 'string',
          },
          scorecard: {
            type: 'string',
          },
          groups: {
            type: 'array',
            description:
              'The group and the groups under it whose entities are counted, at most 1,000.\n',
            items: {
              type: 'string',
            },
          },
          groupsTruncated: {
            type: 'boolean',
            description:
              'Set when more groups lie under it: the 1,000 nearest are counted.\n',
          },
          entities: {
            type: 'integer',
          },
          averageScore: {
            type: 'number',
            nullable: true,
          },
          levelCounts: {
            type: 'object',
            description: 'Entities per level id; `none` below the first level.',
            additionalProperties: {
              type: 'integer',
            },
          },
          waivedChecks: {
            type: 'integer',
            description:
              'Checks waived over these entities, by the scorecard or by exemptions.',
          },
          trend: {
            $ref: '#/components/schemas/LeaderboardTrend',
          },
          members: {
            type: 'array',
            description: 'The lowest scores first, at most 100.',
            items: {
              $ref: '#/components/schemas/TeamEntity',
            },
          },
          due: {
            type: 'array',
            description:
              'Campaigns under way or past their deadline with open entities of the team, soonest due first, at most 20.\n',
            items: {
              $ref: '#/components/schemas/TeamCampaignDue',
            },
          },
          regressions: {
            type: 'array',
            description:
              'Level drops in the last 7 days, newest first, at most 50.',
            items: {
              $ref: '#/components/schemas/TeamRegression',
            },
          },
        },
      },
      ResultSummary: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'score', 'level', 'evaluatedAt'],
        properties: {
          entityRef: {
            type: 'string',
          },
          score: {
            type: 'number',
          },
          level: {
            type: 'string',
            nullable: true,
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ResultList: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ResultSummary',
            },
          },
          nextCursor: {
            type: 'string',
            nullable: true,
            description:
              'Where the next page starts, opaque; null after the last. A page may hold fewer than `limit` items, even none, and still have a next one: a request reads a bounded number of results.\n',
          },
        },
      },
      ReadinessBadge: {
        type: 'object',
        required: ['id', 'url', 'markdown'],
        properties: {
          id: {
            type: 'string',
            description:
              'Random and unguessable; the same for the same entity and scorecard.',
          },
          url: {
            type: 'string',
            description: "Where the badge's SVG is served without a session.",
          },
          markdown: {
            type: 'string',
            description:
              "The badge as a Markdown image linking to the entity's Readiness tab.",
          },
        },
      },
      Standing: {
        type: 'object',
        additionalProperties: false,
        required: ['score', 'level'],
        properties: {
          score: {
            type: 'number',
          },
          level: {
            type: 'string',
            nullable: true,
          },
        },
      },
      PreviewJob: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'scorecard', 'status', 'evaluated', 'startedAt'],
        properties: {
          id: {
            type: 'string',
          },
          scorecard: {
            type: 'string',
            description: 'The id of the draft scorecard.',
          },
          status: {
            type: 'string',
            enum: ['running', 'done', 'failed'],
          },
          evaluated: {
            type: 'integer',
            description: 'Entities evaluated so far.',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          result: {
            $ref: '#/components/schemas/ScorecardPreview',
          },
          reason: {
            type: 'string',
            description:
              'Why the job failed, e.g. it ran out of its time budget.',
          },
        },
      },
      ScorecardPreview: {
        type: 'object',
        additionalProperties: false,
        required: ['scorecard', 'evaluated', 'changed', 'changes', 'truncated'],
        properties: {
          scorecard: {
            type: 'string',
          },
          evaluated: {
            type: 'integer',
          },
          changed: {
            type: 'integer',
            description: 'Entities whose score or level would change.',
          },
          truncated: {
            type: 'boolean',
            description:
              'True when `readiness.preview.maxEntities` stopped the evaluation early, or `changes` leaves out some of the changed entities (`readiness.preview.maxChanges`).\n',
          },
          summary: {
            type: 'object',
            additionalProperties: false,
            description:
              'Where every evaluated entity would stand on the draft (absent from jobs recorded by earlier versions).\n',
            required: [
              'averageScore',
              'belowFirstLevel',
              'levelCounts',
              'checks',
            ],
            properties: {
              averageScore: {
                type: 'number',
                nullable: true,
                description:
                  'Mean score, to one decimal; null when none was evaluated.',
              },
              belowFirstLevel: {
                type: 'integer',
                description: "Entities below the draft's first level.",
              },
              levelCounts: {
                type: 'object',
                description:
                  "Entities per level of the draft reached, by level id, in the draft's order; levels no entity reached are left out.\n",
                additionalProperties: {
                  type: 'integer',
                },
              },
              checks: {
                type: 'array',
                description: 'Per check of the draft, in its order.',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'counts', 'passRate'],
                  properties: {
                    id: {
                      type: 'string',
                    },
                    counts: {
                      $ref: '#/components/schemas/StatusCounts',
                    },
                    passRate: {
                      type: 'number',
                      nullable: true,
                      description:
                        'Share of the entities where the check passes, of those where it passes, fails or is unknown; null when none.\n',
                    },
                  },
                },
              },
            },
          },
          changes: {
            type: 'array',
            description: 'The changed entities, lowest new score first.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['entityRef', 'before', 'after'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                before: {
                  type: 'object',
                  nullable: true,
                  description: 'The stored standing; null when there is none.',
                  additionalProperties: false,
                  required: ['score', 'level'],
                  properties: {
                    score: {
                      type: 'number',
                    },
                    level: {
                      type: 'string',
                      nullable: true,
                    },
                  },
                },
                after: {
                  $ref: '#/components/schemas/Standing',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = () =>
  createValidatedOpenApiRouter<typeof spec>(spec);

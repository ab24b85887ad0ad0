/*
 * Readiness for AI agents: the demo backend's MCP endpoint (Backstage's MCP
 * actions backend, `backend.actions.pluginSources` listing readiness),
 * reached with the MCP TypeScript SDK client over streamable HTTP as an AI
 * client would. With the guest's token it lists the five Readiness tools
 * and answers each; without a token it refuses to connect.
 */
import { test, expect } from '@playwright/test';
import { guestToken, waitForEvaluation } from '../support/backendApi';
import { guestTeam, service } from '../support/demo';
import { callTool, connectMcp } from '../support/mcpClient';

const TOOLS = [
  'readiness.get-entity-readiness',
  'readiness.list-entities-below',
  'readiness.explain-check',
  'readiness.preview-scorecard',
  'readiness.refresh-entity',
];

const serviceRef = `${service.kind}:${service.namespace}/${service.name}`;

/** A small draft scorecard for the fleet-wide dry run. */
const DRAFT = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: mcp-draft
  title: MCP draft
  description: Does every component have an owner?
spec:
  appliesTo: { kind: component }
  levels:
    - id: basic
      title: Basic
  categories:
    - id: ownership
      title: Ownership
  checks:
    - id: has-owner
      title: Has an owner
      category: ownership
      level: basic
      severity: high
      condition: { fact: catalog.owner, exists: true }
      remediation:
        text: Set spec.owner.
`;

test('MCP: the Readiness tools, with a user token and without', async () => {
  await waitForEvaluation();
  const client = await connectMcp(await guestToken());
  try {
    await test.step('lists the five Readiness tools', async () => {
      const { tools } = await client.listTools();
      const names = tools.map(t => t.name);
      expect(names).toEqual(expect.arrayContaining(TOOLS));
      for (const tool of tools.filter(t => t.name.startsWith('readiness.'))) {
        expect(tool.description, tool.name).toBeTruthy();
        expect(tool.inputSchema.type, tool.name).toBe('object');
      }
    });

    await test.step('get-entity-readiness answers the service', async () => {
      const answer = await callTool(client, TOOLS[0], {
        entityRef: service.name,
        maxChecks: 5,
      });
      expect(answer.isError, answer.text).toBe(false);
      const card = answer.json.scorecards.find(
        (s: any) => s.id === service.scorecardId,
      );
      expect(card.level?.title).toBe(service.level);
      expect(card.checksNotPassing.length).toBeLessThanOrEqual(5);
      expect(card.checksNotPassing[0].remediation.text).toBeTruthy();
    });

    await test.step('an unknown entity gets a did-you-mean', async () => {
      const answer = await callTool(client, TOOLS[0], {
        entityRef: service.name.replace('assistant', 'asistant'),
      });
      expect(answer.isError).toBe(true);
      expect(answer.text).toContain('did you mean');
      expect(answer.text).toContain(serviceRef);
    });

    await test.step('list-entities-below pages the team below Gold', async () => {
      const answer = await callTool(client, TOOLS[1], {
        scorecard: service.scorecardId,
        level: 'gold',
        owner: `group:${guestTeam.group.namespace}/${guestTeam.group.name}`,
        limit: 2,
      });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.json.entities.length).toBeGreaterThan(0);
      expect(answer.json.entities.length).toBeLessThanOrEqual(2);
      for (const entity of answer.json.entities) {
        expect(entity.level?.id).not.toBe('gold');
      }
    });

    await test.step('explain-check explains a check, with a hint', async () => {
      const answer = await callTool(client, TOOLS[2], {
        scorecard: service.scorecardId,
        check: 'on-call',
      });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.json.check.id).toBe('on-call');
      expect(answer.json.facts.length).toBeGreaterThan(0);
      const typo = await callTool(client, TOOLS[2], {
        scorecard: service.scorecardId,
        check: 'on-cal',
      });
      expect(typo.isError).toBe(true);
      expect(typo.text).toContain('on-call');
    });

    await test.step('preview-scorecard runs a draft over the fleet', async () => {
      const answer = await callTool(client, TOOLS[3], { document: DRAFT });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.json.status, answer.text).toBe('done');
      expect(answer.json.entitiesEvaluated).toBeGreaterThan(0);
    });

    await test.step('refresh-entity re-evaluates the service', async () => {
      const answer = await callTool(client, TOOLS[4], {
        entityRef: serviceRef,
      });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.json.entityRef).toBe(serviceRef);
    });
  } finally {
    await client.close();
  }

  await test.step('without a token the endpoint refuses', async () => {
    await expect(connectMcp()).rejects.toThrow(/401|credentials/i);
  });
});

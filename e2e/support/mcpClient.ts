/*
 * An MCP client of the demo backend's MCP actions endpoint, as an AI client
 * connects to it: the MCP TypeScript SDK over its streamable HTTP transport,
 * with a Backstage token as bearer.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { backendUrl } from './demo';

export const mcpUrl = `${backendUrl}/api/mcp-actions/v1`;

/** Connects to the MCP endpoint, with the token or without any. */
export async function connectMcp(token?: string): Promise<Client> {
  const client = new Client({ name: 'readiness-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: token
      ? { headers: { Authorization: `Bearer ${token}` } }
      : undefined,
  });
  await client.connect(transport);
  return client;
}

/** A tool call's answer: its JSON output, or its error text. */
export type ToolAnswer = { isError: boolean; text: string; json?: any };

/** Calls a tool and reads the text it answers, as JSON when it is. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args }, undefined, {
    timeout: 120_000,
  });
  const content = (result.content ?? []) as Array<{
    type: string;
    text?: string;
  }>;
  const text = content
    .filter(c => c.type === 'text')
    .map(c => c.text ?? '')
    .join('\n');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { isError: Boolean(result.isError), text, json };
}

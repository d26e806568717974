import { expect } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { serveConnectorsOverMcp, type McpServeOptions, type McpSession } from '../src/index.js';

export interface Connected {
  client: Client;
  session: McpSession;
  /** Calls a tool and parses the envelope from its one text block. */
  call(name: string, args?: Record<string, unknown>): Promise<{ isError: boolean; envelope: any }>;
  close(): Promise<void>;
}

/** An SDK client talking to serveConnectorsOverMcp through the SDK's in-memory transport pair. */
export async function connect(options: Omit<McpServeOptions, 'transport'>): Promise<Connected> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const session = await serveConnectorsOverMcp({ ...options, transport: serverSide });
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    session,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text: string }[];
      expect(content).toHaveLength(1);
      return { isError: result.isError === true, envelope: JSON.parse(content[0]!.text) };
    },
    async close() {
      await client.close();
      await session.closed;
    },
  };
}

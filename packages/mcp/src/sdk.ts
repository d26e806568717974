import { ConfigError } from '@aos-connectors/contract';

/**
 * The MCP SDK, imported on first use: it is an optional peer of the core (express, hono, ajv
 * and ~80 packages that no connector needs for its CLI), so neither a connector's start-up nor
 * its install pays for it. A missing SDK is a setup problem with a one-line fix.
 */
export async function loadMcpSdk() {
  try {
    const [server, stdio, types] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/index.js'),
      import('@modelcontextprotocol/sdk/server/stdio.js'),
      import('@modelcontextprotocol/sdk/types.js'),
    ]);
    return {
      Server: server.Server,
      StdioServerTransport: stdio.StdioServerTransport,
      ListToolsRequestSchema: types.ListToolsRequestSchema,
      CallToolRequestSchema: types.CallToolRequestSchema,
      McpError: types.McpError,
      ErrorCode: types.ErrorCode,
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('@modelcontextprotocol/sdk')) throw error;
    throw new ConfigError('The MCP server needs the package @modelcontextprotocol/sdk, which is not installed', {
      cause: error,
      details: { package: '@modelcontextprotocol/sdk' },
      hint: 'Install it next to the connector (npm i @modelcontextprotocol/sdk, or -g for a global connector), or serve it with the aos host: npx @aos-connectors/host mcp <tool>.',
    });
  }
}

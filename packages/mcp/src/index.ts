// The MCP bridge: connector commands as MCP tools. The SDK is loaded only when a server starts.
export { serveConnectorsOverMcp, type McpConnector, type McpServeOptions, type McpSession, type McpTransport } from './serve.js';
export { serveConnectorMcp, type ConnectorMcpOptions } from './serve-connector.js';
export { mcpToolName, toolPrefix, uniqueNames, MCP_TOOL_NAME } from './tool-name.js';
export { annotationsOf, type McpToolAnnotations } from './annotations.js';
export { toolTable, mcpInputSchema, type McpToolEntry } from './tool-table.js';
export { serveBinMcp, type BinMcpOptions } from './serve-bin.js';

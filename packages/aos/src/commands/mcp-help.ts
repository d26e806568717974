// Apart from mcp.ts, so `aos --help` does not load the MCP server.
export const MCP_HELP = `Usage: aos mcp [tool...] [--mode <mode>] [--timeout-ms <n>]

Serve every connector found (or the named ones) to an MCP client over stdio. Tools are
named <connector>__<command id> (github__issue_list). The session runs in --mode (default
readonly): tools that need more are not listed and are refused if called. Each call runs
the connector's bin with the session's mode and deadline.
`;

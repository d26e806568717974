// The parts of the test kit that need neither vitest nor msw (certification, scripts).
export { startRecordingServer, closedPortUrl, replies, type RecordingServer, type RecordedRequest, type Reply } from './recording-server.js';
export { runCli, onlyJsonLine, type CliResult } from './run-cli.js';
export { CANARY } from './canary.js';
export { installPacked, type Footprint, type PackedInstall } from './packed-install.js';
export { mcpToolsList } from './mcp-handshake.js';
export { startLocalServer, type LocalServer } from './local-server.js';

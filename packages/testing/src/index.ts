export { runCli, onlyJsonLine, type CliResult, type RunCliOptions } from './run-cli.js';
export { startRecordingServer, closedPortUrl, replies, type RecordingServer, type RecordedRequest, type Reply } from './recording-server.js';
export { useMockApi, type MockApi } from './mock-api.js';
export { conformanceSuite, CANARY, type ConformanceOptions } from './conformance.js';
export { installPacked, type Footprint, type PackedInstall } from './packed-install.js';
export { mcpToolsList } from './mcp-handshake.js';
export { packedInstallSuite, type PackedSuiteOptions } from './packed-suite.js';
export { startLocalServer, type LocalServer } from './local-server.js';
export { runGatewayUntil, NO_DEADLINE_MS } from './gateway-until.js';

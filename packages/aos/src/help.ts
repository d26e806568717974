import { COMPLETION_HELP } from './commands/completion.js';
import { HEALTH_HELP } from './commands/health.js';
import { INFO_HELP } from './commands/info.js';
import { LIST_HELP } from './commands/list.js';
import { MCP_HELP } from './commands/mcp-help.js';
import { RUN_HELP } from './commands/run.js';

export const GLOBAL_HELP = `
Global flags (anywhere): --json (one JSON envelope on stdout), --mode <readonly|write|full|admin>
(default readonly), --timeout-ms <n>, --verbose, --version, --help; AOS_JSON, AOS_MODE,
AOS_TIMEOUT_MS likewise. Connectors are found in ARGENT_CONNECTOR_REPOS, ~/.argentos/connectors,
this repository's packages/, aos-* executables on PATH and global npm packages.
`;

export const HELP = `Usage: aos <command> [args] [flags]

The host of the aos-* connectors: find them, check them, run them, serve them over MCP.

Commands:
  list                      list the connectors found (--probe: with health)
  info <tool>               one connector: state, auth, commands and their modes
  health [tool...]          run health checks, a few at a time
  run <tool> <command...>   run a connector command with the caller's mode and deadline
  mcp [tool...]             serve connectors to an MCP client over stdio
  completion bash|zsh|fish  print a shell completion script (commands and connector names)
${GLOBAL_HELP}`;

export const COMMAND_HELP: Record<string, string> = {
  list: LIST_HELP,
  info: INFO_HELP,
  health: HEALTH_HELP,
  run: RUN_HELP,
  mcp: MCP_HELP,
  completion: COMPLETION_HELP,
};

import type { ChildProcessWithoutNullStreams } from 'node:child_process';

const PROTOCOL_VERSION = '2025-06-18';

/**
 * Speaks just enough MCP over a spawned server's stdio (newline-delimited JSON-RPC) to list
 * its tools: initialize, the initialized notification, tools/list, then end of input. No SDK,
 * so the test kit does not depend on one; the server under test uses the official SDK.
 */
export function mcpToolsList(child: ChildProcessWithoutNullStreams, timeoutMs = 20_000): Promise<{ name: string; inputSchema: unknown }[]> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`no tools/list answer within ${timeoutMs} ms; stderr: ${stderr.slice(0, 500)}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`the MCP server exited (${code}) before answering; stderr: ${stderr.slice(0, 500)}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        const message = JSON.parse(line) as { id?: number; result?: { tools?: { name: string; inputSchema: unknown }[] }; error?: unknown };
        if (message.error) return fail(new Error(`MCP error: ${JSON.stringify(message.error)}`));
        if (message.id === 1) {
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.stdin.end();
          resolve(message.result?.tools ?? []);
        }
      }
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'aos-packed-test', version: '0' } } });
  });
}

#!/usr/bin/env node
// MCP start-up as an agent host pays it: spawn `aos-<name> mcp`, initialize, tools/list, hang up;
// against `node -e ''` in the same run, interleaved, median of many. Budget: 2.5x bare Node.
// Usage (after a build): npm run bench:mcp [-- <runs> <bin>]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 30);
const bin = resolve(process.argv[3] ?? 'packages/connector-github/bin/aos-github.js');
const env = { ...process.env, AOS_AUDIT_DIR: mkdtempSync(join(tmpdir(), 'aos-bench-mcp-')) };
const BUDGET = 2.5;

function timeProcess(args, talk) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      code === 0 ? done(ms) : fail(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
    });
    talk?.(child);
    if (!talk) child.stdin.end();
  });
}

/** initialize → notifications/initialized → tools/list, then end of input (the server then exits). */
function handshake(child) {
  const send = (message) => child.stdin.write(`${JSON.stringify(message)}\n`);
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      if (message.id === 1) {
        send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      } else if (message.id === 2) {
        if (!message.result?.tools?.length) throw new Error('tools/list returned no tools');
        child.stdin.end();
      }
    }
  });
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const bare = [];
const mcp = [];
for (let i = 0; i < runs + 3; i++) {
  const b = await timeProcess(['-e', '']);
  const m = await timeProcess([bin, 'mcp'], handshake);
  if (i >= 3) { bare.push(b); mcp.push(m); } // the first runs warm the compile cache and disk cache
}
const ratio = median(mcp) / median(bare);
console.log(`node ${process.version}, ${runs} runs each, median wall time`);
console.log(`${"node -e ''".padEnd(44)} ${median(bare).toFixed(1).padStart(7)} ms`);
console.log(`${'spawn → initialize → tools/list → exit'.padEnd(44)} ${median(mcp).toFixed(1).padStart(7)} ms   ${ratio.toFixed(2)}x`);
console.log(`mcp ratio ${ratio.toFixed(2)}x (budget ${BUDGET.toFixed(2)}x): ${ratio <= BUDGET ? 'within budget' : 'OVER BUDGET'}`);

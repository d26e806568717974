#!/usr/bin/env node
// The secret scrubber runs on every byte a connector prints: its cost on 1 MB of JSON lines with
// three secrets (encodings, fragments and whitespace-broken forms all indexed), median of runs.
// Run after a build: node bench/scrubber.mjs [runs]
const { Scrubber } = await import(new URL('../packages/core/dist/secrets/scrubber.js', import.meta.url).href);

const runs = Number(process.argv[2] ?? 15);
const secrets = ['wt_canary_9d8f7e6a5b4c3d2e1f', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'xoxb-2048-4096-AbCdEfGhIjKlMnOpQrStUvWx'];
const scrubber = new Scrubber(secrets);
const line = '{"id":123,"name":"widget-123","color":"red","note":"nothing to see here, just JSON"}\n';
let text = line.repeat(Math.ceil(1_000_000 / line.length));
text = `${text.slice(0, 500_000)}${secrets[1]}${text.slice(500_000)}`;
scrubber.scrub(text); // warm up
const times = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  scrubber.scrub(text);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`scrubber: ${(text.length / 1e6).toFixed(2)} MB, 3 secrets: median ${times[times.length >> 1].toFixed(1)} ms, best ${times[0].toFixed(1)} ms (${runs} runs)`);

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '@aos-connectors/testing';
import rss from '../src/connector.js';

type Env = Record<string, string | undefined>;

/** msw answers for this host; it is public, so the SSRF guard lets it through. */
export const FEEDS = 'https://feeds.example.com';

export const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** Runs aos-rss in-process with --json and returns the envelope too. */
export async function json(argv: string[], env: Env = {}): Promise<CliResult & { envelope: any }> {
  const result = await runCli(rss, ['--json', ...argv], env);
  return { ...result, envelope: result.json() };
}

/** A policy file for aos-rss (and a private state dir), as AOS_POLICY env. */
export function withPolicy(entry: Record<string, unknown>): Env {
  const dir = mkdtempSync(join(tmpdir(), 'aos-rss-policy-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ version: 1, tools: { 'aos-rss': entry } }));
  return { AOS_POLICY: file, AOS_STATE_DIR: join(dir, 'state') };
}

export const xml = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', ...headers } });

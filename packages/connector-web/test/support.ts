import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '@aos-connectors/testing';
import web from '../src/connector.js';

type Env = Record<string, string | undefined>;

/** Public host names msw answers for: the SSRF guard lets them through. */
export const SITE = 'https://www.example.com';
export const SEARXNG = 'https://searx.example.org';
export const BRAVE = 'https://api.search.brave.com';
export const BRAVE_KEY = 'BSAcanary0000000000000000000000';

export const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;

const outputs: string[] = [];
/** Every output of the file, for the final check that the key never showed. */
export const seen = () => outputs;

/** Runs aos-web in-process with --json and returns the envelope too. */
export async function json(argv: string[], env: Env = {}): Promise<CliResult & { envelope: any }> {
  const result = await runCli(web, ['--json', ...argv], env);
  outputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
  return { ...result, envelope: result.json() };
}

/** A policy file for aos-web (and a private state dir), as AOS_POLICY env. */
export function withPolicy(entry: Record<string, unknown>): Env {
  const dir = mkdtempSync(join(tmpdir(), 'aos-web-policy-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ version: 1, tools: { 'aos-web': entry } }));
  return { AOS_POLICY: file, AOS_STATE_DIR: join(dir, 'state') };
}

export const html = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCommunicationService } from '@aos-connectors/host';
import { runCli, useMockApi } from '@aos-connectors/testing';
import web from '../src/connector.js';
import { fixture, html, SITE } from './support.js';

const api = useMockApi();
const freshEnv = () => {
  const home = mkdtempSync(join(tmpdir(), 'aos-web-service-'));
  return { HOME: home, AOS_AUDIT_DIR: join(home, 'audit') };
};
const stable = (envelope: Record<string, any>) => ({ ...envelope, meta: { ...envelope.meta, duration_ms: 0, timestamp: 'T', evidence_id: 'E' } });
const service = createCommunicationService({ env: {}, connectors: [web] });

describe('aos-web through the in-process service API', () => {
  it('web.fetch answers as the CLI does', async () => {
    api.server.use(http.get(`${SITE}/docs/start.html`, () => html(fixture('article.html'))));
    const viaService = await service.execute('aos-web', 'web.fetch', { url: `${SITE}/docs/start.html`, format: 'text', max_chars: 50 }, { env: freshEnv() });
    const viaCli = await runCli(web, ['--json', 'web', 'fetch', `${SITE}/docs/start.html`, '--format', 'text', '--max-chars', '50'], freshEnv());
    expect(viaService).toMatchObject({ ok: true, data: { title: 'Getting started & more | Example Docs', truncated: true } });
    expect(stable(viaService)).toEqual(stable(viaCli.json()));
  });

  it('an SSRF refusal is the same POLICY_DENIED envelope, and nothing is sent', async () => {
    const result = await service.invoke('aos-web', 'web.fetch', { url: 'http://169.254.169.254/latest/meta-data/' }, { env: freshEnv() });
    const viaCli = await runCli(web, ['--json', 'web', 'fetch', 'http://169.254.169.254/latest/meta-data/'], freshEnv());
    expect(result).toMatchObject({ exitCode: 3, envelope: { ok: false, error: { code: 'POLICY_DENIED', details: { rule: 'ssrf' } } } });
    expect(stable(result.envelope)).toEqual(stable(viaCli.json()));
    expect(api.requests).toHaveLength(0);
  });

  it('lists aos-web\'s capabilities', () => {
    expect(service.list().map((c) => [c.tool, c.commands.map((command) => command.id)])).toEqual([['aos-web', ['web.fetch', 'web.search']]]);
  });
});

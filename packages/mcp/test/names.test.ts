import { describe, expect, it } from 'vitest';
import { annotationsOf, MCP_TOOL_NAME, mcpInputSchema, mcpToolName, toolPrefix, uniqueNames } from '../src/index.js';
import { deriveManifest } from '@aos-connectors/core';
import widgets from '@aos-connectors/testing/fixture';

describe('MCP tool names', () => {
  it('come from command ids, with the tool prefix on the host', () => {
    expect(mcpToolName('issue.list')).toBe('issue_list');
    expect(mcpToolName('actions.list_runs', toolPrefix('aos-github'))).toBe('github__actions_list_runs');
    expect(toolPrefix('aos-google-drive')).toBe('google-drive');
  });

  it('stay within 64 characters and distinct when long ids are cut', () => {
    const a = mcpToolName(`very_long_group.${'x'.repeat(80)}_a`, 'some-connector');
    const b = mcpToolName(`very_long_group.${'x'.repeat(80)}_b`, 'some-connector');
    expect(a).toMatch(MCP_TOOL_NAME);
    expect(b).toMatch(MCP_TOOL_NAME);
    expect(a).not.toBe(b);
  });

  it('number flattened collisions in declaration order', () => {
    expect(uniqueNames(['a_b_c', 'a_b_c', 'x', 'a_b_c'])).toEqual(['a_b_c', 'a_b_c_2', 'x', 'a_b_c_3']);
  });
});

describe('MCP annotations from action classes', () => {
  it.each([
    ['read', { readOnlyHint: true, destructiveHint: false, idempotentHint: true }],
    ['write', { readOnlyHint: false, destructiveHint: false, idempotentHint: false }],
    ['bulk', { readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
    ['destructive', { readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
  ] as const)('%s', (action_class, hints) => {
    expect(annotationsOf({ summary: 'S', action_class })).toEqual({ title: 'S', openWorldHint: true, ...hints });
  });
});

describe('MCP input schemas', () => {
  const manifest = deriveManifest(widgets);
  const list = manifest.commands.find((c) => c.id === 'widget.list')!;

  it('are the contract input_schema without $schema, and list tools page with limit/cursor only (and fields for a declared output)', () => {
    const schema = mcpInputSchema(list);
    expect(schema).not.toHaveProperty('$schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object).sort()).toEqual(['color', 'cursor', 'fields', 'limit']);
  });
});

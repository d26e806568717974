import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * GitHub's official OpenAPI description of api.github.com (@octokit/openapi), the reference
 * every request and fixture in these tests is checked against.
 */
type Json = any;

interface Operation {
  method: string;
  template: string;
  operationId: string;
  query: Set<string>;
  /** Top-level JSON body properties; null when the operation takes no JSON body. */
  body: Set<string> | null;
  pattern: RegExp;
  params: number;
  raw: Json;
}

const require = createRequire(import.meta.url);
const spec: Json = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'));

function deref(node: Json): Json {
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    node = node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], spec);
  }
  return node;
}

/** Property names of a schema, across oneOf/anyOf/allOf branches. */
function properties(schema: Json): Set<string> {
  const node = deref(schema);
  const names = new Set<string>(Object.keys(node?.properties ?? {}));
  for (const branch of [...(node?.oneOf ?? []), ...(node?.anyOf ?? []), ...(node?.allOf ?? [])]) {
    for (const name of properties(branch)) names.add(name);
  }
  return names;
}

const operations: Operation[] = [];
for (const [template, item] of Object.entries<Json>(spec.paths)) {
  for (const [method, op] of Object.entries<Json>(item)) {
    if (!op?.operationId) continue;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    // `x-multi-segment` path parameters (a file path, a git ref) may hold slashes; the contents
    // path may be empty ("If you omit the path parameter, you will receive ... the root").
    const multi = new Set(parameters.filter((p: Json) => p.in === 'path' && p['x-multi-segment']).map((p: Json) => p.name));
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => (multi.has(name) ? '.*' : '[^/]+'));
    const json = deref(op.requestBody)?.content?.['application/json']?.schema;
    operations.push({
      method: method.toUpperCase(),
      template,
      operationId: op.operationId,
      query: new Set(parameters.filter((p: Json) => p.in === 'query').map((p: Json) => p.name)),
      body: json ? properties(json) : null,
      pattern: new RegExp(`^${source}$`),
      params: (template.match(/\{/g) ?? []).length,
      raw: op,
    });
  }
}

/** The documented operation a request matches: the most specific template wins. */
export function findOperation(method: string, path: string): Operation | undefined {
  return operations
    .filter((op) => op.method === method.toUpperCase() && op.pattern.test(path))
    .sort((a, b) => a.params - b.params)[0];
}

export interface SentRequest {
  method: string;
  /** Path and query, relative to the API root. */
  url: string;
  body: unknown;
}

/** What in a request GitHub does not document; empty when every part of it is documented. */
export function undocumentedParts(request: SentRequest): string[] {
  const url = new URL(request.url, 'https://api.github.com');
  // Link headers may name a repository by id (`/repositories/1300192/issues?page=2`), as the
  // pagination guide shows: https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
  const path = url.pathname.replace(/^\/repositories\/\d+(?=\/)/, '/repos/{owner}/{repo}');
  const op = findOperation(request.method, path);
  if (!op) return [`${request.method} ${path}: no such operation`];
  const where = `${op.method} ${op.template}`;
  const problems = [...new Set(url.searchParams.keys())].filter((name) => !op.query.has(name)).map((name) => `${where}: query parameter "${name}"`);
  if (request.body !== null && request.body !== undefined) {
    if (op.body === null) problems.push(`${where}: takes no JSON body`);
    else if (typeof request.body === 'object' && !Array.isArray(request.body)) {
      for (const name of Object.keys(request.body)) if (!op.body.has(name)) problems.push(`${where}: body property "${name}"`);
    }
  }
  return problems;
}

/**
 * A documented example response (a deep copy), by operation id and status. Fixtures come from
 * here so they are shaped exactly like GitHub's own documentation.
 */
export function example(operationId: string, status = '200', name?: string): Json {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  const examples = deref(op.raw.responses[status])?.content?.['application/json']?.examples;
  if (!examples) throw new Error(`${operationId} documents no example for ${status}`);
  let value = deref(examples[name ?? Object.keys(examples)[0]!]).value;
  while (value && typeof value === 'object' && '$ref' in value) value = deref(value).value;
  return structuredClone(value);
}

/** Documented response headers of an operation (e.g. Link on lists). */
export function documentedHeaders(operationId: string, status = '200'): string[] {
  const op = operations.find((o) => o.operationId === operationId);
  return Object.keys(deref(op?.raw.responses[status])?.headers ?? {}).map((h) => h.toLowerCase());
}

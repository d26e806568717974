import { BackendUnavailableError } from '@aos-connectors/core';

export type ContentKind = 'html' | 'text' | 'binary';

const TEXTUAL = /^(text\/|application\/([\w.+-]+\+)?(json|xml|javascript|ecmascript|x-www-form-urlencoded|yaml|x-yaml|toml|csv|ld\+json)\b)|\+(json|xml)\b/i;

/** What a response holds, from its Content-Type, else from its first bytes. */
export function contentKind(contentType: string | null, body: string): ContentKind {
  if (contentType) {
    if (/^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType)) return 'html';
    if (TEXTUAL.test(contentType.trim())) return 'text';
    if (!/^\s*application\/octet-stream/i.test(contentType)) return 'binary';
  }
  const head = body.slice(0, 1024);
  // The core decodes as UTF-8: bytes that are not text show up as NULs and replacement characters.
  if (head.includes('\u0000') || (head.match(/\uFFFD/g)?.length ?? 0) > 8) return 'binary';
  return /^\s*(<!doctype html|<html)/i.test(head) ? 'html' : 'text';
}

export function notText(url: string, contentType: string | null): BackendUnavailableError {
  return new BackendUnavailableError(`${url} is ${contentType ?? 'binary content'}, and web.fetch returns text only`, {
    details: { url, content_type: contentType, retryable: false },
    hint: 'Fetch HTML pages, text, JSON or XML; download other files with another tool.',
  });
}

const JSON_TYPE = /^\s*application\/(([\w.-]+\+)?json)\b/i;

/**
 * A JSON body for people and agents: pretty-printed. A body its Content-Type declares as JSON
 * that does not parse is a broken response (truncated, or an error page with the wrong type),
 * as it is for every JSON API the core reads: BACKEND_UNAVAILABLE. Undefined for other types.
 */
export function readableJson(body: string, url: string, contentType: string | null): string | undefined {
  if (!JSON_TYPE.test(contentType ?? '')) return undefined;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch (error) {
    return brokenJson(url, contentType, error);
  }
}

function brokenJson(url: string, contentType: string | null, error: unknown): never {
  throw new BackendUnavailableError(`${url} declares ${contentType} but its body is not valid JSON`, {
    cause: error,
    details: { url, content_type: contentType, retryable: false },
    hint: 'Fetch it with --format raw to see the body as served.',
  });
}

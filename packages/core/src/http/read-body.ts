import { BackendUnavailableError } from '@aos-connectors/contract';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Reads a body as text, refusing to hold more than `maxBytes` in memory. */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = decoderFor(response.headers.get('content-type'));
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(maxBytes: number) {
  return new BackendUnavailableError(
    `The response is larger than the ${Math.round(maxBytes / 1024 / 1024 * 10) / 10} MB cap`,
    { details: { max_response_bytes: maxBytes, retryable: false } },
  );
}

/** Decodes in the charset the response declares (ISO-8859-1 feeds exist); UTF-8 otherwise. */
function decoderFor(contentType: string | null): InstanceType<typeof TextDecoder> {
  const charset = /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder();
  }
}

/** The deepest nesting a vendor's JSON may have: real APIs stay far below it (GitHub ~10). */
export const MAX_JSON_DEPTH = 256;

/**
 * Refuses JSON nested deeper than `maxDepth` before it is parsed, so no walker (sanitizing,
 * scrubbing, rendering, JSON.stringify) ever meets data deep enough to overflow the stack.
 * One iterative pass over the text: brackets inside strings (and escaped quotes) do not count.
 */
export function checkJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) {
        throw new BackendUnavailableError(`The response is nested more than ${maxDepth} levels deep; refused`, {
          details: { max_depth: maxDepth, retryable: false },
          hint: 'The vendor answered with data no API documents; try again later or report it if it persists.',
        });
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}

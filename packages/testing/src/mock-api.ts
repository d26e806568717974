import { setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface MockApi {
  server: ReturnType<typeof setupServer>;
  /** Every request the handlers saw in the current test, in order. */
  requests: Request[];
}

/**
 * msw for a test file: starts before all tests, resets handlers after each, and fails the test
 * on any request no handler matched. `requests` records what was sent, so a test can assert
 * that a denied or dry-run call sent nothing.
 */
export function useMockApi(...handlers: RequestHandler[]): MockApi {
  const server = setupServer(...handlers);
  const api: MockApi = { server, requests: [] };
  const unhandled: string[] = [];
  server.events.on('request:start', ({ request }) => {
    api.requests.push(request.clone());
  });
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    api.requests.length = 0;
    const missed = unhandled.splice(0);
    if (missed.length > 0) throw new Error(`Requests without a handler:\n  ${missed.join('\n  ')}`);
  });
  afterAll(() => server.close());
  return api;
}

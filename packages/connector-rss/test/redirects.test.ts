import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '@aos-connectors/core';
import { movedTo } from '../src/redirects.js';

const response = (url: string, redirects: { status: number; url: string }[] = []): HttpResponse<unknown> =>
  ({ status: 200, headers: new Headers(), data: '', url, redirects });

describe('moved_to', () => {
  it('is the final URL when every hop was permanent (301, 308)', () => {
    expect(movedTo(response('https://b/feed', [{ status: 301, url: 'https://a/feed' }, { status: 308, url: 'https://a2/feed' }]))).toBe('https://b/feed');
  });

  it('is null when any hop was temporary, or there was none', () => {
    expect(movedTo(response('https://b/feed', [{ status: 301, url: 'https://a/feed' }, { status: 302, url: 'https://a2/feed' }]))).toBeNull();
    expect(movedTo(response('https://b/feed', []))).toBeNull();
    expect(movedTo(response('https://b/feed'))).toBeNull();
  });
});

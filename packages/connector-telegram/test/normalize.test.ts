import { describe, expect, it } from 'vitest';
import { normalizeUpdate } from '../src/gateway/normalize.js';
import { splitText } from '../src/gateway/split-text.js';
import { ann, forum, group, updates } from './fixtures.js';

describe('normalizeUpdate', () => {
  it('skips updates without text or a file (service messages, stickers)', () => {
    expect(normalizeUpdate(updates[5]!)).toBeUndefined();
    expect(normalizeUpdate({ update_id: 1 })).toBeUndefined();
  });

  it('a message sent on behalf of a chat (anonymous admin) names that chat as the sender', () => {
    const message = normalizeUpdate({ update_id: 2, message: { message_id: 5, from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }, sender_chat: group, chat: group, date: 1767225600, text: 'hi' } });
    expect(message?.sender).toEqual({ id: '-4012345678', username: null, display_name: 'Ops' });
  });

  it('a reply in a forum that is not a topic message gets no thread_id', () => {
    const message = normalizeUpdate({ update_id: 3, message: { message_id: 6, message_thread_id: 2, from: ann, chat: forum, date: 1767225600, text: 'hi' } });
    expect(message).not.toHaveProperty('thread_id');
  });

  it('audio, video and voice become attachments with their metadata', () => {
    const file = { file_id: 'AwACAgQ', file_unique_id: 'AgAD', mime_type: 'audio/ogg', file_size: 9000 };
    const message = normalizeUpdate({ update_id: 4, message: { message_id: 7, from: ann, chat: group, date: 1767225600, voice: file } });
    expect(message?.content).toEqual({ text: '', attachments: [{ type: 'voice', file_id: 'AwACAgQ', mime_type: 'audio/ogg', size: 9000 }] });
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
  });

  it('breaks after a newline, else after a space, in the second half of a piece; else hard', () => {
    expect(splitText('aaaaaa\nbbbbbbb', 10)).toEqual(['aaaaaa\n', 'bbbbbbb']);
    expect(splitText('aaaaaaa bbbbbbb', 10)).toEqual(['aaaaaaa ', 'bbbbbbb']);
    expect(splitText('a bbbbbbbbbbbbbbbbbb', 10)).toEqual(['a bbbbbbbb', 'bbbbbbbbbb']);
  });

  it('never splits a surrogate pair', () => {
    const pieces = splitText(`${'a'.repeat(9)}😀b`, 10);
    expect(pieces).toEqual(['a'.repeat(9), '😀b']);
    expect(pieces.join('')).toBe(`${'a'.repeat(9)}😀b`);
  });
});

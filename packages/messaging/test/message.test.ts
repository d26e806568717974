import { describe, expect, it } from 'vitest';
import { incomingMessageSchema, messageSchema, outgoingMessageSchema } from '../src/index.js';
import { platformMessage } from './helpers/fake-adapter.js';

describe('message schemas', () => {
  it('fills absent optional facts with null and attachments with []', () => {
    const message = messageSchema.parse({
      id: 'x',
      timestamp: '2026-01-01T10:00:00+02:00',
      connector: { type: 'telegram', instance: 'tg-main' },
      sender: { id: 'u1' },
      content: { text: 'hi' },
      conversation: { id: 'c1', type: 'dm' },
    });
    expect(message).toEqual({
      id: 'x',
      timestamp: '2026-01-01T08:00:00.000Z',
      connector: { type: 'telegram', instance: 'tg-main' },
      sender: { id: 'u1', username: null, display_name: null },
      content: { text: 'hi', attachments: [] },
      conversation: { id: 'c1', type: 'dm', name: null },
    });
  });

  it('rejects an unknown conversation type, a bad timestamp and an unsafe instance name', () => {
    const base = { ...platformMessage(1), connector: { type: 'x', instance: 'main' } };
    expect(messageSchema.safeParse({ ...base, conversation: { id: 'c', type: 'room' } }).success).toBe(false);
    expect(messageSchema.safeParse({ ...base, timestamp: 'yesterday' }).success).toBe(false);
    expect(messageSchema.safeParse({ ...base, connector: { type: 'x', instance: '../etc' } }).success).toBe(false);
    expect(messageSchema.safeParse(base).success).toBe(true);
  });

  it('keeps attachment fields it does not know', () => {
    const parsed = incomingMessageSchema.parse(
      platformMessage(1, { content: { text: '', attachments: [{ type: 'photo', url: 'https://x/y.jpg', width: 640 }] } }),
    );
    expect(parsed.content.attachments[0]).toEqual({ type: 'photo', url: 'https://x/y.jpg', width: 640 });
  });

  it('requires conversation_id and non-empty text in an outgoing message', () => {
    expect(outgoingMessageSchema.safeParse({ conversation_id: 'c', text: 'hi', thread_id: 't' }).success).toBe(true);
    expect(outgoingMessageSchema.safeParse({ text: 'hi' }).success).toBe(false);
    expect(outgoingMessageSchema.safeParse({ conversation_id: 'c', text: '' }).success).toBe(false);
  });
});

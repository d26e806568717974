import * as z from 'zod';

/**
 * The file-queue message formats (CONTRACT §9). Files always carry every key (absent optional
 * facts are `null`), so the agent reading the inbox never guesses between missing and empty.
 */

/** A connector instance name; it becomes a directory and file-name segment, so it stays path-safe. */
export const instanceNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');

// Adapters may report local offsets; the inbox always holds UTC with a `Z`.
const isoTimestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const attachmentSchema = z.looseObject({
  type: z.string().min(1),
  url: z.string().optional(),
  name: z.string().optional(),
  mime_type: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});

export const senderSchema = z.object({
  id: z.string().min(1),
  username: z.string().nullable().default(null),
  display_name: z.string().nullable().default(null),
});

export const conversationTypeSchema = z.enum(['dm', 'group', 'channel']);

export const conversationSchema = z.object({
  id: z.string().min(1),
  type: conversationTypeSchema,
  name: z.string().nullable().default(null),
});

export const contentSchema = z.object({
  text: z.string(),
  attachments: z.array(attachmentSchema).default([]),
});

export const connectorRefSchema = z.object({
  type: z.string().min(1),
  instance: instanceNameSchema,
});

/** One platform message as the gateway writes it to `<home>/messages/inbox/`. */
export const messageSchema = z.object({
  /** Stable across redeliveries (derived from the platform's id): the inbox holds each id once. */
  id: z.string().min(1),
  timestamp: isoTimestamp,
  connector: connectorRefSchema,
  sender: senderSchema,
  content: contentSchema,
  conversation: conversationSchema,
  thread_id: z.string().min(1).optional(),
});

/** What an adapter produces: the gateway fills `connector`, and `timestamp` defaults to arrival. */
export const incomingMessageSchema = messageSchema.omit({ connector: true }).extend({
  timestamp: isoTimestamp.optional(),
});

/** An outbox file as the agent writes it; `id` defaults to the file name. */
export const outgoingMessageSchema = z.object({
  id: z.string().min(1).optional(),
  conversation_id: z.string().min(1),
  text: z.string().min(1),
  thread_id: z.string().min(1).optional(),
});

export type Message = z.output<typeof messageSchema>;
export type IncomingMessage = z.input<typeof incomingMessageSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type ConversationType = z.output<typeof conversationTypeSchema>;
export type OutgoingMessageInput = z.input<typeof outgoingMessageSchema>;
/** An outbox message handed to an adapter: its `id` is always set. */
export type OutgoingMessage = z.output<typeof outgoingMessageSchema> & { id: string };

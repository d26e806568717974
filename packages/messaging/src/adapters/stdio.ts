import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { MessagingAdapter, PollRequest, PollResult } from '../adapter.js';
import type { IncomingMessage } from '../message.js';

export interface StdioAdapterOptions {
  /** Default: process.stdin. */
  input?: NodeJS.ReadableStream;
  /** Where replies go. Default: process.stdout. */
  output?: { write(text: string): unknown };
  /** The sender of every line. Default: the OS user name. */
  user?: string;
  /** Default: `cli`. */
  conversationId?: string;
  /** `text` prints each reply's text; `json` prints each OutgoingMessage as one JSON line. */
  format?: 'text' | 'json';
}

/**
 * A local chat connector: each line on stdin becomes an inbox message from the user, and each
 * outbox message is printed. Lines cannot be re-read, so the cursor is unused and ids are unique
 * per run. End of input ends receiving; sending goes on until the gateway is stopped.
 */
export function stdioAdapter(options: StdioAdapterOptions = {}): MessagingAdapter<null> {
  const user = options.user ?? safeUserName();
  const conversationId = options.conversationId ?? 'cli';
  const session = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const lines: string[] = [];
  let ended = false;
  let notify: (() => void) | undefined;
  let reader: Interface | undefined;
  let count = 0;

  const toMessage = (text: string): IncomingMessage => ({
    id: `cli-${session}-${++count}`,
    sender: { id: user, username: user, display_name: null },
    content: { text, attachments: [] },
    conversation: { id: conversationId, type: 'dm', name: conversationId },
  });

  return {
    type: 'cli',
    idleDelayMs: 0,
    async connect() {
      if (reader) return;
      reader = createInterface({ input: options.input ?? process.stdin, crlfDelay: Infinity });
      reader.on('line', (line) => {
        if (line.trim() !== '') lines.push(line);
        notify?.();
      });
      reader.on('close', () => {
        ended = true;
        notify?.();
      });
    },
    async poll({ signal }: PollRequest<null>): Promise<PollResult<null>> {
      if (lines.length === 0 && !ended) {
        await new Promise<void>((resolve) => {
          const done = () => {
            notify = undefined;
            signal.removeEventListener('abort', done);
            resolve();
          };
          notify = done;
          signal.addEventListener('abort', done, { once: true });
        });
      }
      const messages = lines.splice(0).map(toMessage);
      return { messages, cursor: null, done: ended && messages.length === 0 };
    },
    async send(message) {
      const output = options.output ?? process.stdout;
      output.write(options.format === 'json' ? `${JSON.stringify(message)}\n` : `${message.text}\n`);
    },
    async disconnect() {
      reader?.close();
      reader = undefined;
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

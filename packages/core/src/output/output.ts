import type { EnvelopeError } from '@aos-connectors/contract';

export interface ListView {
  key: string;
  columns?: string[];
}

/** A list being written page by page (`--all`), so memory stays flat. */
export interface ListStream {
  items(items: unknown[]): void;
  /** Waits until the reader has taken what was written. */
  flush(): Promise<void>;
  end(nextCursor: string | null, hasMore: boolean): void;
  /** The list broke off: report the error with the cursor to resume from. */
  fail(error: EnvelopeError & { hint?: string }, nextCursor: string | null): void;
}

/** The two faces of every outcome: one JSON envelope (`--json`) or text for people. */
export interface Output {
  success(command: string, data: unknown, list?: ListView): void;
  error(command: string, error: EnvelopeError & { hint?: string }): void;
  text(command: string, text: string, data: Record<string, unknown>): void;
  startList(command: string, list: ListView): ListStream;
}

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
  /**
   * The cursor to resume from should the list break off outside the page loop (the host
   * cancelled, the deadline hit): `Output.error` then closes this stream with it.
   */
  resumeAt(nextCursor: string | null): void;
  end(nextCursor: string | null, hasMore: boolean): void;
  /** The list broke off: report the error with the cursor to resume from. */
  fail(error: EnvelopeError & { hint?: string }, nextCursor: string | null): void;
}

/** The two faces of every outcome: one JSON envelope (`--json`) or text for people. */
export interface Output {
  success(command: string, data: unknown, list?: ListView): void;
  /**
   * An outcome's error. While a streamed list is open it closes that list (`ok:false`, the items
   * written so far, the cursor to resume from) instead of starting a second document; once a
   * streamed list has ended, nothing more is written.
   */
  error(command: string, error: EnvelopeError & { hint?: string }): void;
  text(command: string, text: string, data: Record<string, unknown>): void;
  startList(command: string, list: ListView): ListStream;
}

/** Where output goes; the test kit passes buffers, the bin passes process streams. */
export interface TextSink {
  write(text: string): void;
  /** Resolves once the consumer has caught up (backpressure for streamed lists). */
  drain?(): Promise<void>;
  /** A terminal is reading (relative times, progress); absent means not. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number;
}

/** Wraps a sink so every byte passes through the secret scrubber first. */
export function scrubbedSink(sink: TextSink, scrub: (text: string) => string): TextSink {
  return {
    write: (text) => sink.write(scrub(text)),
    drain: () => sink.drain?.() ?? Promise.resolve(),
    get isTTY() {
      return sink.isTTY;
    },
    get columns() {
      return sink.columns;
    },
  };
}

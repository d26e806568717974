/** Where output goes; the test kit passes buffers, the bin passes process streams. */
export interface TextSink {
  write(text: string): void;
  /** Resolves once the consumer has caught up (backpressure for streamed lists). */
  drain?(): Promise<void>;
}

/** Wraps a sink so every byte passes through the secret scrubber first. */
export function scrubbedSink(sink: TextSink, scrub: (text: string) => string): TextSink {
  return { write: (text) => sink.write(scrub(text)), drain: () => sink.drain?.() ?? Promise.resolve() };
}

/** Evidence-friendly excerpts of process output. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty)';
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A JavaScript stack trace: what a person should never see in an error message. */
export function hasStackTrace(text: string): boolean {
  return /^\s*at .+(\(.+:\d+:\d+\)|:\d+:\d+)\s*$/m.test(text) || /\bat (async )?\S+ \((file|node):/.test(text);
}

/**
 * File names that sort by arrival: `<13-digit ms>-<4-digit sequence>`. The sequence orders files
 * created in the same millisecond, and the stamp never goes backwards within a process even if
 * the wall clock does.
 */
export class ArrivalStamp {
  #lastMs = 0;
  #seq = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  next(): string {
    const now = this.#now();
    if (now > this.#lastMs) {
      this.#lastMs = now;
      this.#seq = 0;
    } else if (++this.#seq > 9999) {
      this.#lastMs += 1;
      this.#seq = 0;
    }
    return `${String(this.#lastMs).padStart(13, '0')}-${String(this.#seq).padStart(4, '0')}`;
  }
}

/** A queue entry: visible JSON, not a temporary file (dot-prefixed) nor an error envelope. */
export function isQueueFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && !name.endsWith('.error.json');
}

/** Queue entries in arrival order (plain code-unit order, the same on every platform). */
export function sortQueueFiles(names: readonly string[]): string[] {
  return names.filter(isQueueFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

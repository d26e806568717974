import { watch, type FSWatcher } from 'node:fs';

/**
 * Sleeps between outbox scans, waking early when the directory changes. fs.watch is only a
 * hint (it can miss events or be unsupported), so the interval scan stays the guarantee.
 */
export class DirWaker {
  #pending = false;
  #wake: (() => void) | undefined;
  #watcher: FSWatcher | undefined;

  /** Starts watching `dir`; false when the platform cannot watch it (polling still works). */
  watch(dir: string): boolean {
    try {
      this.#watcher = watch(dir, { persistent: false }, () => this.wake());
      this.#watcher.on('error', () => this.close());
      return true;
    } catch {
      return false;
    }
  }

  wake(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /** Waits up to `ms`, less if woken (or already woken since the last wait) or aborted. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.#pending || signal.aborted) {
      this.#pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.#wake = done;
    });
    this.#pending = false;
  }

  close(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}

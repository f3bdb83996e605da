/** Collects a burst of changes and hands them over once, when the burst is over. */
export interface Debouncer {
  /** Notes one changed path; restarts the quiet-period timer. */
  add(path: string): void;
  /** Drops what is collected and stops the timer. */
  cancel(): void;
}

/**
 * Calls `flush` with the distinct paths changed, `delayMs` after the last change of a
 * burst: an editor's save (write, rename, touch) or a `git checkout` gives one call.
 */
export function debounce(delayMs: number, flush: (paths: string[]) => void): Debouncer {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(path) {
      pending.add(path);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const paths = [...pending].sort();
        pending = new Set();
        flush(paths);
      }, delayMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = new Set();
    },
  };
}

import { headState } from '../load/git-state.js';

/** How often a watch reads whether git HEAD moved: a few small files, about 0.05 ms. */
const HEAD_POLL_MS = 1000;

/** How a move of git HEAD is named among the changes a watch's rebuild lists. */
export const HEAD_MOVED = 'git HEAD';

/**
 * Calls `moved()` each time git HEAD of the checkout `root` is in names another commit (a commit,
 * checkout, reset or pull in another terminal), read once a second from git's own files. A build
 * compares positions and the meeting with their texts at HEAD (`position/version-not-raised`, an
 * error under `--final`), and a commit with no file saved left the watch showing what HEAD no
 * longer says. Polled, not watched: the watcher leaves `.git` out (its objects change by the
 * thousand), and git replaces a ref by renaming a new file over it.
 */
export function watchHead(root: string, moved: () => void): { cancel(): void } {
  let last = headState(root);
  const timer = setInterval(() => {
    const now = headState(root);
    if (now === last) return;
    last = now;
    moved();
  }, HEAD_POLL_MS);
  timer.unref();
  return { cancel: () => clearInterval(timer) };
}

/** What the watcher says of a file or folder it cannot follow, and what to do about it. */
export interface Unwatched {
  /** Said once per key: once per path, or once in all for a limit of the system. */
  key: string;
  message: string;
  hint: string;
}

/**
 * Words for an error the file watcher reports (a symbolic link that loops, a folder it may not
 * read, the system's limit on watched files), with `shown` naming the path as the user knows it.
 * Such an error is no reason to stop: the watch goes on without that path.
 */
export function unwatched(error: unknown, shown: (path: string) => string): Unwatched {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const path = error instanceof Error && 'path' in error && typeof error.path === 'string' ? shown(error.path) : undefined;
  const what = path ?? 'a file of the project';
  if (code === 'ENOSPC' || code === 'EMFILE') {
    return {
      key: code,
      message: `${what} (and perhaps other folders after it) is not watched: the system's limit on ${code === 'ENOSPC' ? 'watched files' : 'open files'} is reached, so changes there are not seen.`,
      hint:
        code === 'ENOSPC'
          ? 'Raise the limit (sudo sysctl fs.inotify.max_user_watches=524288), or close other programs that watch many files; then start the watch again.'
          : 'Raise the limit (ulimit -n 4096), or close other programs that hold many files open; then start the watch again.',
    };
  }
  const reason =
    code === 'ELOOP'
      ? 'it is a symbolic link that leads back to itself'
      : code === 'EACCES' || code === 'EPERM'
        ? 'there is no permission to read it'
        : error instanceof Error
          ? error.message
          : String(error);
  return {
    key: `${code ?? ''} ${what}`,
    message: `${what} is not watched: ${reason}. The watch goes on without it.`,
    hint: code === 'ELOOP' ? 'Remove the link, or point it at a file that is there.' : code === 'EACCES' || code === 'EPERM' ? 'Give yourself read access to it, or move it out of the project folder.' : 'Save the file again once it can be read.',
  };
}

/**
 * The kinds of work this process has done (`meetings`, `positions`, `.docx` …), for the code cache
 * (bin/load.cjs): a cache holds the code its run compiled, so one made by a run that did less (the
 * first `check` of a project with no meetings yet) lacks the rest, and is made again by the first
 * run that does more (docs/decisions/0005-code-cache.md).
 */
const done = new Set<string>();

/** Notes kinds of work as done. */
export function didWork(...kinds: readonly string[]): void {
  for (const kind of kinds) done.add(kind);
}

/** The kinds of work done so far, sorted. */
export function workDone(): string[] {
  return [...done].sort();
}

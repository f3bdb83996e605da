/**
 * Two meetings with one file code would write the same files. Of the meetings of a run
 * that claim a code, the first by path wins and the others fail, whatever order the
 * worker threads finish in: a meeting is written unless an earlier one already holds
 * its code, and an earlier one that finishes later simply writes over it.
 */
export class FileCodeClaims {
  readonly #claims = new Map<string, string[]>();

  /** Whether `meeting` may write the files of `code` now. */
  mayWrite(code: string, meeting: string): boolean {
    return !(this.#claims.get(code) ?? []).some((other) => other < meeting);
  }

  /** Records that `meeting` (built without errors, or unchanged) wants the files of `code`. */
  claim(code: string, meeting: string): void {
    this.#claims.set(code, [...(this.#claims.get(code) ?? []), meeting]);
  }

  /** Each meeting that lost its code, with the meeting that kept it. */
  losers(): Map<string, { code: string; winner: string }> {
    const losers = new Map<string, { code: string; winner: string }>();
    for (const [code, meetings] of this.#claims) {
      const [winner, ...others] = [...meetings].sort();
      if (winner === undefined) continue;
      for (const other of others) losers.set(other, { code, winner });
    }
    return losers;
  }
}

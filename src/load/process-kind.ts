/** Whether this process loads projects again and again: see {@link loadsProjectsAgain}. */
let longLived = false;

/**
 * Said once by a process that loads the project again and again (the resident server, a watch):
 * the meetings' committed texts are then read once per state of the repository and kept, rather than
 * git being asked which meetings changed on every load (see `committedMeetings`). A module of its own,
 * with nothing imported: the server's start must not load the model to say it.
 */
export function loadsProjectsAgain(): void {
  longLived = true;
}

/** Whether {@link loadsProjectsAgain} was said in this process. */
export function isLongLived(): boolean {
  return longLived;
}

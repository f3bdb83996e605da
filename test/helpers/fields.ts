import { EXAMPLE_MEETING, exampleFile } from './project.js';

/** The example position the helpers below write into. */
export const BODY_POSITION = 'positions/educ/equity-achievements.yaml';

/** The example position with a blank line and `line` put after the first line of its `body`: `line` is file line 19. */
export function withBodyLine(line: string): Record<string, string> {
  return { [BODY_POSITION]: exampleFile(BODY_POSITION).replace(/(body: \|\n {2}.*\n)/, `$1\n  ${line}\n`) };
}

/** The example meeting with `line` put after the first line of its `background`, and the file line it lands on. */
export function withBackgroundLine(line: string): { files: Record<string, string>; line: number } {
  const meeting = exampleFile(EXAMPLE_MEETING);
  return {
    files: { [EXAMPLE_MEETING]: meeting.replace(/(background: [|>]-?\n {2}.*\n)/, `$1  ${line}\n`) },
    line: meeting.split('\n').findIndex((text) => /^background: /.test(text)) + 3,
  };
}

import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { SAME_NAME_COPY_HINT, sameNameOtherLetters } from '../load/letter-forms.js';
import { mergeToolCopyHint, mergeToolCopyOf } from '../load/merge-conflicts.js';

/** What the project-wide rules know of each meeting of a run. */
export interface MeetingSummary {
  meetingPath: string;
  fileCode: string | null;
  /** Where `file_code` is written in the meeting file. */
  fileCodePlace?: Place | undefined;
}

/** Give each meeting its own file code — unless one of them is a copy git mergetool left beside the meeting it merges. */
function fileCodeHint(report: MeetingSummary, sharing: readonly MeetingSummary[]): string {
  for (const path of [report.meetingPath, ...sharing.filter((other) => other !== report).map((other) => other.meetingPath)]) {
    const original = mergeToolCopyOf(path);
    if (original !== undefined) return mergeToolCopyHint(path, original);
  }
  return sharing.some((other) => sameNameOtherLetters(report.meetingPath, other.meetingPath) !== undefined) ? SAME_NAME_COPY_HINT : 'Give each meeting its own file_code.';
}

/**
 * Two meetings with one file code would overwrite each other's output: both are errors,
 * so neither is written. Codes that differ only in case count as one: on Windows and
 * macOS they name the same files.
 */
export function duplicateFileCodes(reports: readonly MeetingSummary[]): Diagnostic[] {
  const byCode = new Map<string, MeetingSummary[]>();
  for (const report of reports) {
    const key = report.fileCode?.toLowerCase();
    if (key) byCode.set(key, [...(byCode.get(key) ?? []), report]);
  }
  return [...byCode.values()].flatMap((sharing) =>
    sharing.length < 2
      ? []
      : sharing.map((report) =>
          diagnostic(
            report.meetingPath,
            report.fileCodePlace,
            'error',
            'meeting/duplicate-file-code',
            `The file code \`${report.fileCode ?? ''}\` is also used by ${sharing
              .filter((other) => other !== report)
              .map((other) => `${other.meetingPath}${sameNameOtherLetters(report.meetingPath, other.meetingPath) ?? ''}${other.fileCode === report.fileCode ? '' : ` (as \`${other.fileCode ?? ''}\`)`}`)
              .join(', ')}; they would write the same files.`,
            fileCodeHint(report, sharing),
          ),
        ),
  );
}

import { posix } from 'node:path';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { caseFolded, composed, SAME_NAME_COPY_HINT, sameNameOtherLetters } from '../load/letter-forms.js';
import { mergeToolCopyHint, mergeToolCopyOf } from '../load/merge-conflicts.js';
import { savedCopyHint, savedCopyOf } from '../load/saved-copies.js';

/** What the project-wide rules know of each meeting of a run. */
export interface MeetingSummary {
  meetingPath: string;
  fileCode: string | null;
  /** Where `file_code` is written in the meeting file. */
  fileCodePlace?: Place | undefined;
}

/** Give each meeting its own file code — unless one of them is a copy git mergetool left beside the meeting it merges, or one Windows, a browser or a Mac named. */
function fileCodeHint(report: MeetingSummary, sharing: readonly MeetingSummary[]): string {
  const paths = [report.meetingPath, ...sharing.filter((other) => other !== report).map((other) => other.meetingPath)];
  for (const path of paths) {
    const original = mergeToolCopyOf(path);
    if (original !== undefined) return mergeToolCopyHint(path, original);
  }
  for (const path of paths) {
    const original = savedCopyOf(path);
    if (original !== undefined && paths.includes(original)) return savedCopyHint(path, original);
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

/**
 * Files whose paths differ only in case (`positions/educ/Equity.yaml` beside `…/equity.yaml`) are two
 * files on Linux and in git, but one on macOS and Windows and on most network shares: a checkout
 * there keeps one of them (git warns that the paths "have collided"), and the position or meeting of
 * the other is missing on that computer. Said of each of `checked` that has such a twin among `all`
 * (project paths); names that differ only in composed or decomposed letters are told apart by the
 * rules they clash in (see {@link sameNameOtherLetters}), not here.
 */
export function caseClashes(checked: readonly string[], all: readonly string[], what: 'position' | 'meeting' | 'template'): Diagnostic[] {
  const byFolded = new Map<string, string[]>();
  for (const path of new Set([...all, ...checked])) {
    const folded = caseFolded(path);
    byFolded.set(folded, [...(byFolded.get(folded) ?? []), path]);
  }
  return checked.flatMap((path) => {
    const twins = (byFolded.get(caseFolded(path)) ?? []).filter((other) => composed(other) !== composed(path));
    if (!twins.length) return [];
    return [
      diagnostic(
        path,
        undefined,
        'warning',
        'file/case-clash',
        `This file's name differs only in case from ${twins.join(', ')}: on macOS and Windows, and on most network shares, the two are one file, and a checkout there keeps only one of them — that computer has no ${what === 'template' ? 'copy' : what} of the other.`,
        `Rename one of them so that no two names differ only in case: \`git mv ${path} ${posix.dirname(path)}/<new name>${/(?:\.md)?\.hbs$|\.ya?ml$/i.exec(path)?.[0] ?? '.yaml'}\`${what === 'position' ? ' (a position’s file is by convention named by its id)' : what === 'template' ? ' (or delete the one no meeting names)' : ''}.`,
      ),
    ];
  });
}

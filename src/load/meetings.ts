import { YAML_FILES } from './files.js';
import { readMeeting, type LoadedMeeting } from './meeting.js';
import type { Project } from './project.js';
import { isRecord } from '../util/record.js';
import { UsageError } from '../diagnostics/errors.js';
import { escapeRegExp } from '../util/regexp.js';

/**
 * Every meeting file of the project (`meetings/**\/*.yaml`) but those in `except` (project paths) and those that cannot be read, loaded and checked, sorted by path.
 * With `mentioning`, only those whose text it accepts, before parsing it: most of a five-year repository's
 * meetings name neither the position nor the file code a command looks for (see {@link namesId}).
 */
export function loadAllMeetings(project: Project, except: ReadonlySet<string> = new Set(), mentioning?: (text: string) => boolean): LoadedMeeting[] {
  return project.files
    .list(project.config.paths.meetings, YAML_FILES)
    .filter((path) => !except.has(path))
    .flatMap((path) => {
      try {
        const text = project.files.readText(path);
        if (mentioning && !mentioning(text)) return [];
        return [readMeeting(project.files, path, text)];
      } catch (error) {
        // Not allowed to read it (or gone meanwhile): left out here; a check or build of it says why.
        if (error instanceof UsageError) return [];
        throw error;
      }
    });
}

/**
 * Whether `text` has `id` as a whole id: not inside a longer one (`equity-reforms` in `equity-reforms-2`).
 * A meeting names each position it uses by its id, so one without it does not use that position, but
 * for an id written with YAML's escapes (`"equity\x2dreforms"`), which no editor or command of ours writes.
 */
export function namesId(text: string, id: string): boolean {
  return text.includes(id) && new RegExp(`(?<![\\w.-])${escapeRegExp(id)}(?![\\w.-])`).test(text);
}

/**
 * The file codes the project's meetings already use, lower-cased (on Windows and macOS codes that
 * differ only in case name the same files), each with the meeting that uses it. A meeting with
 * errors still counts when its `file_code` can be read: once fixed, it would write those files.
 */
export function fileCodesInUse(project: Project): Map<string, string> {
  const taken = new Map<string, string>();
  for (const loaded of loadAllMeetings(project)) {
    const code = fileCodeOf(loaded);
    if (code !== undefined && !taken.has(code.toLowerCase())) taken.set(code.toLowerCase(), loaded.path);
  }
  return taken;
}

/** A meeting file's `file_code`, also when the file has other errors; undefined when it has none that is text. */
export function fileCodeOf(loaded: LoadedMeeting): string | undefined {
  const data = loaded.file.data;
  const code = loaded.meeting?.file_code ?? (isRecord(data) ? data['file_code'] : undefined);
  return typeof code === 'string' ? code : undefined;
}

import { YAML_FILES } from './files.js';
import { readMeeting, type LoadedMeeting } from './meeting.js';
import type { Project } from './project.js';
import { isRecord } from '../util/record.js';
import { UsageError } from '../diagnostics/errors.js';

/** Every meeting file of the project (`meetings/**\/*.yaml`) but those in `except` (project paths) and those that cannot be read, loaded and checked, sorted by path. */
export function loadAllMeetings(project: Project, except: ReadonlySet<string> = new Set()): LoadedMeeting[] {
  return project.files
    .list(project.config.paths.meetings, YAML_FILES)
    .filter((path) => !except.has(path))
    .flatMap((path) => {
      try {
        return [readMeeting(project.files, path)];
      } catch (error) {
        // Not allowed to read it (or gone meanwhile): left out here; a check or build of it says why.
        if (error instanceof UsageError) return [];
        throw error;
      }
    });
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

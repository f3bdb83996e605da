import { YAML_FILES } from './files.js';
import { readMeeting, type LoadedMeeting } from './meeting.js';
import type { Project } from './project.js';

/** Every meeting file of the project (`meetings/**\/*.yaml`), loaded and checked, sorted by path. */
export function loadAllMeetings(project: Project): LoadedMeeting[] {
  return project.files.list(project.config.paths.meetings, YAML_FILES).map((path) => readMeeting(project.files, path));
}

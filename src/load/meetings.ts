import { join } from 'node:path';
import { filesIn, YAML_FILES } from './files.js';
import { loadMeeting, type LoadedMeeting } from './meeting.js';
import type { Project } from './project.js';

/** Every meeting file of the project (`meetings/**\/*.yaml`), loaded and checked, sorted by path. */
export function loadAllMeetings(project: Project): LoadedMeeting[] {
  return filesIn(join(project.root, project.config.paths.meetings), YAML_FILES, project.root).map((file) => loadMeeting(project.root, file));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadMeeting, type LoadedMeeting } from './meeting.js';
import type { Project } from './project.js';

/** Every meeting file of the project (`meetings/**\/*.yaml`), loaded and checked, sorted by path. */
export function loadAllMeetings(project: Project): LoadedMeeting[] {
  const folder = join(project.root, project.config.paths.meetings);
  if (!existsSync(folder)) return [];
  return globSync(['**/*.yaml', '**/*.yml'], { cwd: folder, absolute: true })
    .sort()
    .map((file) => loadMeeting(project.root, file));
}

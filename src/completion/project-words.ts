import { globSync } from 'tinyglobby';
import { knownPositionIds } from '../batch/cache.js';
import { loadProject } from '../load/project.js';
import { projectLocations } from '../load/project-paths.js';
import { listTemplates } from '../load/templates.js';
import type { ProjectWords } from './spec.js';

/**
 * The words of the project that holds `cwd` that a shell offers while completing: its position
 * ids (`clear <position>`), the folders under its positions folder, as `new position --dir` takes
 * them (`educ`, `educ/youth`), or its template names (`--template`). Sorted, one each.
 * Throws as loading does outside a project; the caller offers nothing then.
 */
export function projectWords(cwd: string, words: ProjectWords): string[] {
  // The ids as the last build learnt them: a file is parsed only when its text is not the one the build saw.
  const project = words === 'position-ids' ? loadProject(cwd, { knownPositionIds: knownPositionIds(cwd) }) : loadProject(cwd, { skipPositions: true });
  switch (words) {
    case 'position-ids':
      return [...new Set(project.positionFiles.map((file) => file.id))].sort();
    case 'template-names':
      return listTemplates(project.templateDirs, project.files);
    case 'position-folders': {
      const folder = projectLocations(project.files, project.config, project.configFile).locations.positions;
      if (folder === undefined) return [];
      return globSync('**/', { cwd: folder, onlyDirectories: true, followSymbolicLinks: false })
        .map((path) => path.replace(/\/$/, ''))
        .sort();
    }
  }
}

import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { REPO } from './project.js';

/**
 * What a module loads as soon as it is loaded: its static value imports, followed through
 * src/ (`import type` and dynamic `import()` load nothing up front). Returns the src/ files
 * and the packages reached.
 */
export function loadedWith(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(join(REPO, 'src', file), 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gm)) {
      const target = match[1] ?? '';
      if (target.startsWith('.')) visit(normalize(join(dirname(file), target)).replace(/\\/g, '/').replace(/\.js$/, '.ts'));
      else if (!target.startsWith('node:')) packages.add(target);
    }
  };
  visit(entry);
  return { files, packages };
}

import type { Project } from '../load/project.js';

/**
 * The codes of the ministries the authors of the changes name, sorted: an author written
 * "Anna Bērziņa (AM)" (the code) or "Ārlietu ministrija" counts, a renamed ministry by any of its
 * names (printed abbreviations are not used: "AM" is the code of one ministry and the abbreviation
 * of another). The reviewing
 * ministry is the one named when exactly one is; else the user must say `--ministry`.
 */
export function ministriesNamed(project: Project, authors: readonly string[]): string[] {
  const found = new Set<string>();
  for (const author of authors) {
    const words = author.split(/[^\p{L}\p{N}]+/u);
    for (const [code, ministry] of Object.entries(project.ministries)) {
      const names = [ministry.nominative, ...(ministry.renamed ?? []).map((name) => name.nominative)];
      if (words.includes(code) || names.some((name) => author.includes(name))) found.add(code);
    }
  }
  return [...found].sort();
}

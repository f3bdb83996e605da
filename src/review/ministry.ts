import type { Project } from '../load/project.js';

/**
 * The ministry the authors of the changes name, when they name exactly one: an author
 * written "Anna Bērziņa (AM)" (the code) or "Ārlietu ministrija" counts (printed abbreviations
 * are not used: "AM" is the code of one ministry and the abbreviation of another). Null
 * when none or several are named, so the user must say `--ministry`.
 */
export function reviewingMinistry(project: Project, authors: readonly string[]): string | null {
  const found = ministriesNamed(project, authors);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The codes of the ministries the authors name (see {@link reviewingMinistry}), sorted. */
export function ministriesNamed(project: Project, authors: readonly string[]): string[] {
  const found = new Set<string>();
  for (const author of authors) {
    for (const [code, ministry] of Object.entries(project.ministries)) {
      const words = author.split(/[^\p{L}\p{N}]+/u);
      if (words.includes(code) || author.includes(ministry.nominative)) found.add(code);
    }
  }
  return [...found].sort();
}

import { UsageError } from '../diagnostics/errors.js';
import type { Project } from '../load/project.js';
import { suggest } from '../util/suggest.js';

/** The registry's code for `given`, whatever its case (`lm` → `LM`); else a usage error suggesting the nearest. */
export function ministryCode(project: Project, given: string): string {
  const codes = Object.keys(project.ministries);
  const exact = codes.find((code) => code.toUpperCase() === given.toUpperCase());
  if (exact !== undefined) return exact;
  const nearest = suggest(given.toUpperCase(), codes);
  throw new UsageError(
    `The ministry code \`${given}\` is not in the ministries registry.`,
    nearest ? `Did you mean ${nearest}?` : `Known codes: ${codes.join(', ')}.`,
  );
}

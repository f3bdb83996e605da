import { UsageError } from '../diagnostics/errors.js';
import { unseenHint, unseenNote, withUnseenShown } from '../load/characters.js';
import type { Project } from '../load/project.js';
import { joinList } from '../util/join-list.js';
import { suggest } from '../util/suggest.js';

/** The registry's code for `given`, whatever its case (`lm` → `LM`); else a usage error suggesting the nearest. */
export function ministryCode(project: Project, given: string): string {
  const codes = Object.keys(project.ministries);
  // Spaces around it are no part of a code: a shell loop over "AM, LM" passes " LM".
  const wanted = given.trim();
  if (!wanted) throw new UsageError('--ministry is empty: it takes the code of the ministry whose answer is recorded.', `Give one of the registry's codes: ${codes.join(', ')}.`);
  const exact = codes.find((code) => code.toUpperCase() === wanted.toUpperCase());
  if (exact !== undefined) return exact;
  const several = severalCodes(codes, given);
  if (several.length > 1) {
    const [first, ...rest] = several;
    throw new UsageError(
      `\`--ministry ${given}\` names ${several.length} ministries, ${joinList(several, 'and')}: one answer is recorded at a time.`,
      `Give one code, --ministry ${first}, and run the command again for ${joinList(rest, 'and')}.`,
    );
  }
  const nearest = suggest(wanted.toUpperCase(), codes);
  throw new UsageError(
    // A Cyrillic "АМ" quoted as it is reads as the code AM the list names: write its letters out.
    `The ministry code \`${withUnseenShown(given)}\`${unseenNote(given)} is not in the ministries registry.`,
    unseenHint(wanted) ?? (nearest ? `Did you mean ${nearest}?` : `Known codes: ${codes.join(', ')}.`),
  );
}

/** The registry's codes `given` names when it lists several ("AM,LM", "AM, lm", "AM LM"); none unless every part is one. */
function severalCodes(codes: readonly string[], given: string): string[] {
  const parts = given.split(/[\s,;]+/).filter(Boolean);
  const found = parts.map((part) => codes.find((code) => code.toUpperCase() === part.toUpperCase()));
  return found.every((code) => code !== undefined) ? found.filter((code) => code !== undefined) : [];
}


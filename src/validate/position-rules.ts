import { BUILT_IN_REGISTRY } from '../load/ministries-registry.js';
import type { LoadedPosition, Project } from '../load/project.js';
import { answerFingerprint, existsOn, nameOn, positionTextFingerprints, type Ministry, type Position } from '../model/index.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { suggest } from '../util/suggest.js';
import { markdownFieldProblems } from './markdown-rules.js';

/** What a position rule looks at: one position file of the project. */
export interface PositionRuleContext {
  project: Project;
  loaded: LoadedPosition;
  position: Position;
}

/** A rule about one position, on its own: one small function, returning every problem it finds. */
export type PositionRule = (context: PositionRuleContext) => Diagnostic[];

/** The owner and every clearance must name a ministry in the registry. */
export const ministriesKnown: PositionRule = ({ project, loaded, position }) => {
  const codes: [string, readonly PropertyKey[]][] = [
    [position.owner.ministry, ['owner', 'ministry']],
    ...Object.keys(position.clearance).map((code): [string, readonly PropertyKey[]] => [code, ['clearance', code]]),
  ];
  const clearances = Object.keys(position.clearance);
  return codes
    .filter(([code]) => !project.ministries[code])
    .map(([code, path]) =>
      unknownMinistry(project, loaded.file.path, loaded.file.locate(path, path[0] === 'owner' ? 'value' : 'key'), code, 'position/unknown-ministry', path[0] === 'owner' ? [] : clearances),
    );
};

/**
 * A ministry answers only from its first day (`established` in the registry): KEM's clearance dated
 * 2022-12-20, before it existed, is a mistyped date or an answer recorded under the wrong code.
 */
export const clearedAfterEstablished: PositionRule = ({ project, loaded, position }) =>
  Object.entries(position.clearance).flatMap(([code, entry]) => {
    const ministry = project.ministries[code];
    const problem = ministry && entry.date ? clearanceBeforeEstablished(loaded.file.path, loaded.file.locate(['clearance', code, 'date']), code, ministry, entry.date) : undefined;
    return problem ? [problem] : [];
  });

/** `clearance/before-established` of the answer of `code` dated `date`, as `check` and `clear` say it; undefined when the ministry existed then. */
export function clearanceBeforeEstablished(file: string, place: Place | undefined, code: string, ministry: Ministry, date: string): Diagnostic | undefined {
  if (existsOn(ministry, date)) return undefined;
  return diagnostic(
    file,
    place,
    'warning',
    'clearance/before-established',
    `The clearance by ${code} is dated ${date}, before ${nameOn(ministry, date).nominative} was established, on ${ministry.established}.`,
    'Check the date; an answer given before then came from another ministry: record it under that ministry’s code.',
  );
}

/**
 * A position's clearances are the other ministries' answers: an entry for its owner is a slip (its
 * code typed among `new position --clearances`, a copied block), which no meeting asks for and
 * which makes the file say its own ministry agreed with it. As `meeting/issuer-required` for a meeting.
 */
export const ownerNotClearing: PositionRule = ({ loaded, position }) => {
  const owner = position.owner.ministry;
  if (!Object.hasOwn(position.clearance, owner)) return [];
  return [
    diagnostic(
      loaded.file.path,
      loaded.file.locate(['clearance', owner], 'key'),
      'warning',
      'clearance/by-owner',
      `${owner} owns the position (\`owner.ministry\`) and has a clearance of its own here: a ministry does not clear its own position.`,
      `Remove the \`${owner}:\` entry under \`clearance\`; the clearances are the other ministries' answers.`,
    ),
  ];
};

/**
 * A position's `version` only goes up: a lower number than the one committed at git HEAD (or at
 * the revision `check --base` names) means an old copy was pasted over a newer one, or the number was mistyped.
 * A revert is the exception: the lower version back with the very answer it named when last
 * committed (`restoredFrom`), whose clearances were given for that text; raising it would have
 * every ministry clear an identical text again. That is only noted.
 */
export const versionNotLowered: PositionRule = ({ project, loaded, position }) => {
  const before = loaded.committedVersion;
  if (before === undefined || position.version >= before) return [];
  const restored = loaded.restoredFrom;
  if (restored) {
    return [
      diagnostic(
        loaded.file.path,
        loaded.file.locate(['version']),
        'warning',
        'position/version-restored',
        `The version went back from ${before} (at ${project.versionsFrom}) to ${position.version}, with the answer version ${position.version} had when last committed (${restored.commit}, ${restored.date}): a revert, so the clearances given for that text stand.`,
        `Check that \`clearance\` records the answers given for version ${position.version}; if the text is to change again, raise it to ${before + 1}.`,
      ),
    ];
  }
  return [
    diagnostic(
      loaded.file.path,
      loaded.file.locate(['version']),
      'error',
      'position/version-decreased',
      `The version went down from ${before} (at ${project.versionsFrom}) to ${position.version}.`,
      `Versions only go up: set \`version: ${before + 1}\` if the text changed, or restore the committed file.${loaded.historyCut ? ` If this is version ${position.version}'s text brought back (a revert), this shallow clone may lack the commit that had it; fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0) and check again.` : ''}`,
    ),
  ];
};

/**
 * A changed answer is a new version: the ministries cleared the committed text. An answer that
 * differs from the one at git HEAD (or `check --base`'s revision) under the same `version` is flagged (an error under `--final`,
 * where the report would say it was cleared).
 */
export const versionRaisedWithAnswer: PositionRule = ({ project, loaded, position }) => {
  if (loaded.committedAnswer === undefined || loaded.committedVersion !== position.version) return [];
  if (answerFingerprint(loaded.file.data as { body?: unknown; body_en?: unknown }) === loaded.committedAnswer) return [];
  return [
    diagnostic(
      loaded.file.path,
      loaded.file.locate(['version']),
      'warning',
      'position/version-not-raised',
      `The answer changed since ${project.versionsFrom}, but \`version\` is still ${position.version}, the version of the text committed there: two texts would go by one version, and a clearance recorded for either would count for both.`,
      `Raise it to ${position.version + 1} with the change, and have the ministries clear the new text (\`briefing clear\`); or restore the committed text.`,
    ),
  ];
};

/**
 * An English answer left behind: `body` changed since git HEAD (or `check --base`'s revision),
 * re-wrapping aside, while `body_en` is the committed one. The English note would print the
 * translation of the earlier Latvian answer, and nothing else tells: both are cleared together.
 * So too `speaking_points` (a point changed, added, removed or moved) under `speaking_points_en`
 * as committed. A warning at the English text, until the change is committed (a CI
 * `check --base` says it in the pull request); a change that needs no translation (a typo) may leave it.
 */
export const positionTranslationFollowed: PositionRule = ({ project, loaded, position }) => {
  const before = loaded.committedFields;
  if (before === undefined) return [];
  const now = positionTextFingerprints(loaded.file.data);
  const found: Diagnostic[] = [];
  const stale = (english: 'body_en' | 'speaking_points_en', message: string) =>
    diagnostic(loaded.file.path, loaded.file.locate([english], 'key'), 'warning', 'position/translation-stale', message, `Bring the change into \`${english}\` too; a change that alters no meaning (a typo, a comma) needs none.`);
  if (position.body_en?.trim() && now.body !== before.body && now.bodyEn === before.bodyEn) {
    found.push(stale('body_en', `\`body\` changed since ${project.versionsFrom}, but its English, \`body_en\`, did not: an English note (informative-report.en) prints the translation of the earlier answer.`));
  }
  if (position.speaking_points_en?.length && now.speakingPoints !== before.speakingPoints && now.speakingPointsEn === before.speakingPointsEn) {
    found.push(stale('speaking_points_en', `\`speaking_points\` changed since ${project.versionsFrom}, but their English, \`speaking_points_en\`, did not: English speaking points (speaking-points.en) print the translation of the earlier points.`));
  }
  return found;
};

/**
 * A cleared entry written by hand names no `version`, so it counts for whatever text the position
 * has now. Once `version` was raised since git HEAD (or `check --base`'s revision), such an entry
 * there before the raise would make the report print the ministry's clearance of the earlier
 * version under the new text: flagged (an error under `--final`) until it names the version it
 * cleared. Only an entry the committed text had so: one written by hand after the raise is the
 * ministry's answer on the new text.
 */
export const clearanceVersionNamed: PositionRule = ({ project, loaded, position }) => {
  const before = loaded.committedVersion;
  if (before === undefined || position.version <= before) return [];
  const written = new Set(loaded.committedUnnamed ?? []);
  return Object.entries(position.clearance)
    .filter(([code, entry]) => written.has(code) && entry.status === 'cleared' && entry.version === undefined && entry.answer === undefined)
    .map(([code]) =>
      diagnostic(
        loaded.file.path,
        loaded.file.locate(['clearance', code], 'key'),
        'warning',
        'clearance/version-unnamed',
        `\`version\` went up from ${before} (at ${project.versionsFrom}) to ${position.version}, but the clearance by ${code} names no version, so it is counted for version ${position.version}: the report would say ${code} cleared a text it may not have seen.`,
        `Record ${code}'s answer on version ${position.version} with \`briefing clear ${position.id} --ministry ${code} --date <the day>\`; or, if ${code} cleared version ${before}, add \`version: ${before}\` to the entry.`,
      ),
    );
};

/** An answer with no text prints an empty section under its question: likely unfinished. */
export const answerNotEmpty: PositionRule = ({ loaded, position }) =>
  position.body.trim()
    ? []
    : [
        diagnostic(
          loaded.file.path,
          loaded.file.locate(['body']),
          'warning',
          'position/empty-answer',
          `The position \`${position.id}\` has an empty \`body\`: the report would print no answer.`,
          'Write the answer under `body: |`.',
        ),
      ];

/** The answer (and its translation) as Markdown: every footnote paired with its definition, no raw HTML. */
export const markdownSound: PositionRule = ({ loaded, position }) =>
  markdownFieldProblems(loaded.file, [
    ['body', position.body],
    ['body_en', position.body_en],
  ]);

/**
 * Speaking points are plain text, one paragraph a point: a footnote written in one (`[^1]`, or its
 * definition `[^1]: …`) prints as those marks, and a blank line inside one (a list under a point)
 * runs its paragraphs together into one. Said once a point, at the point.
 */
export const pointsPlain: PositionRule = ({ loaded, position }) =>
  (['speaking_points', 'speaking_points_en'] as const).flatMap((field) =>
    (position[field] ?? []).flatMap((point, index) => {
      const footnote = /\[\^[^\]\s]+\]/.exec(point)?.[0];
      const paragraphs = /\S[ \t]*\n[ \t]*\n\s*\S/.test(point);
      if (!footnote && !paragraphs) return [];
      const what = footnote
        ? `has a footnote, \`${footnote}\`, printed as written: a point is plain text, with no footnotes`
        : 'has a blank line, and its paragraphs (or its list) are printed run together in one: a point is one paragraph of plain text';
      const hint = footnote
        ? 'Write the source into the point itself (“… (IZM dati, 2021)”), or leave it to the answer (`body`), where footnotes print.'
        : 'Make each paragraph or list item a point of its own (a `- ` item of its own).';
      return [diagnostic(loaded.file.path, loaded.file.locate([field, index]), 'warning', 'position/point-not-plain', `Point ${index + 1} of \`${field}\` ${what}.`, hint)];
    }),
  );

/** The rules run for each position, in order. */
export const POSITION_RULES: readonly PositionRule[] = [ministriesKnown, clearedAfterEstablished, ownerNotClearing, versionNotLowered, versionRaisedWithAnswer, positionTranslationFollowed, clearanceVersionNamed, answerNotEmpty, markdownSound, pointsPlain];

/**
 * Every problem of one position file: its YAML and schema problems, then its rules.
 * `build` runs this for the positions a meeting includes, `check` for all of them.
 */
export function checkPosition(project: Project, loaded: LoadedPosition): Diagnostic[] {
  const position = loaded.position;
  if (!position) return loaded.diagnostics;
  return [...loaded.diagnostics, ...POSITION_RULES.flatMap((rule) => rule({ project, loaded, position }))];
}

/**
 * An unknown ministry code, with the nearest known code as a hint; `beside` are the codes
 * written next to it (a list), which it cannot be meant as.
 */
export function unknownMinistry(
  project: Project,
  file: string,
  place: { line: number; column: number } | undefined,
  code: string,
  ruleId: RuleId,
  beside: readonly string[] = [],
): Diagnostic {
  const codes = Object.keys(project.ministries);
  const nearest = suggest(
    code,
    codes.filter((known) => !beside.includes(known)),
  );
  const registry = project.ministriesFile.path === BUILT_IN_REGISTRY ? 'the built-in ministries registry' : `the ministries registry (${project.ministriesFile.path})`;
  return diagnostic(file, place, 'error', ruleId, `The ministry code \`${code}\` is not in ${registry}.`, nearest ? `Did you mean \`${nearest}\`?` : `Known codes: ${codes.join(', ')}.`);
}

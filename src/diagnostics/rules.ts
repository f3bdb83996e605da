/**
 * Every rule id a diagnostic can carry, by area: the single list the type, the cache's
 * schema and the rules documentation (docs/rules.md, checked by a test) are held to.
 */
export const RULE_IDS = [
  'file/case-clash', 'file/control-char', 'file/encoding', 'file/forbidden-char', 'file/invisible-char', 'file/ligature', 'file/line-ends', 'file/merge-conflict', 'file/merge-unfinished', 'file/too-large',
  'yaml/alias', 'yaml/alias-limit', 'yaml/comment-in-value', 'yaml/complex-key', 'yaml/duplicate-key', 'yaml/empty', 'yaml/indent', 'yaml/multiple-documents', 'yaml/syntax', 'yaml/tab', 'yaml/tag', 'yaml/too-deep',
  'schema/date', 'schema/enum', 'schema/format', 'schema/invalid', 'schema/key-format', 'schema/required', 'schema/too-big', 'schema/too-small', 'schema/type', 'schema/unknown-key',
  'config/path', 'config/path-outside-project', 'config/reference-docx-missing', 'config/reference-docx-unreadable', 'config/reference-header-unused', 'config/reference-paper', 'config/reference-style-missing', 'config/registry-outdated', 'config/unknown-ministry',
  'meeting/abbreviation-introduced-twice', 'meeting/abbreviation-not-introduced', 'meeting/abbreviation-unused', 'meeting/abbreviation-written-out', 'meeting/clearance-never-requested', 'meeting/date-not-file-name', 'meeting/document-date', 'meeting/duplicate-clearance', 'meeting/duplicate-file-code', 'meeting/duplicate-position', 'meeting/end-date-not-printed', 'meeting/end-not-after-start', 'meeting/file-code-date', 'meeting/issuer-not-established', 'meeting/issuer-required', 'meeting/long-meeting', 'meeting/ministry-not-established', 'meeting/name-kind-mismatch', 'meeting/no-background', 'meeting/no-questions', 'meeting/no-signature', 'meeting/placeholder', 'meeting/past-draft', 'meeting/place-not-printed', 'meeting/place-untranslated', 'meeting/place-videoconference', 'meeting/presidency-not-in-office', 'meeting/question-number', 'meeting/reserved-file-code', 'meeting/signature-ministry-name', 'meeting/translation-stale', 'meeting/unknown-formation', 'meeting/unknown-ministry', 'meeting/unfinished-text', 'meeting/unknown-position', 'meeting/untranslated',
  'position/duplicate-id', 'position/empty-answer', 'position/no-speaking-points', 'position/point-not-plain', 'position/reserved-id', 'position/translation-stale', 'position/unknown-ministry', 'position/untranslated', 'position/version-decreased', 'position/version-not-raised', 'position/version-restored',
  'clearance/after-meeting', 'clearance/before-established', 'clearance/by-owner', 'clearance/missing', 'clearance/no-date', 'clearance/nothing-to-record', 'clearance/not-required', 'clearance/position-draft', 'clearance/shared-value', 'clearance/unchecked', 'clearance/version-unnamed',
  'markdown/adjacent-footnotes', 'markdown/digit-group', 'markdown/em-dash', 'markdown/empty-item', 'markdown/footnote-reused', 'markdown/hard-break', 'markdown/heading-in-paragraph', 'markdown/heading-level', 'markdown/html', 'markdown/indented-code', 'markdown/link-address', 'markdown/link-space', 'markdown/link-text', 'markdown/link-unsafe', 'markdown/list-number', 'markdown/pasted-bullet', 'markdown/percent-form', 'markdown/range-hyphen', 'markdown/spaced-hyphen', 'markdown/split-word', 'markdown/straight-quote', 'markdown/table-extra-cells', 'markdown/time-form', 'markdown/too-complex', 'markdown/too-deep', 'markdown/undefined-footnote', 'markdown/undefined-link', 'markdown/unclosed', 'markdown/unused-footnote',
  'template/empty', 'template/empty-value', 'template/field-placement', 'template/front-matter', 'template/heading-level', 'template/helper', 'template/language', 'template/markdown-as-text', 'template/missing', 'template/missing-field', 'template/missing-partial', 'template/outside-folder', 'template/partial-cycle', 'template/partial-outside-folder', 'template/prototype-access', 'template/render', 'template/report-name-clash', 'template/stray-file', 'template/syntax', 'template/text-as-markdown', 'template/too-complex', 'template/html', 'template/joined-lines', 'template/unclosed', 'template/unknown-helper',
  'docx/unsupported',
  'input/git-failed', 'input/git-nested', 'input/git-refused', 'input/git-unlinked', 'input/link-dangling', 'input/link-outside', 'input/no-git', 'input/no-match', 'input/no-meetings', 'input/not-found', 'input/outside-project', 'input/txt-extension', 'input/unknown-kind', 'input/unreadable', 'input/unstaged', 'input/usage', 'input/wrong-kind',
  'output/exists', 'output/folder-changed', 'output/no-office', 'output/pdf', 'output/pdf-font', 'output/pdf-glyph', 'output/past-report-replaced', 'output/past-report-later-text', 'output/write',
  'cache/write',
  'run/stopped',
  'internal/error',
  'review/cannot-write', 'review/changed-since-build', 'review/conflict', 'review/no-anchors', 'review/no-base', 'review/not-built-here', 'review/not-recorded', 'review/other-meeting', 'review/other-ministry',
  'import/exists', 'import/not-a-report',
  'init/folder-in-use', 'init/global-runs-itself', 'init/inside-project', 'init/not-a-project', 'init/plug-and-play', 'init/tool-outside', 'init/workflow-branch', 'init/yarn-unpinned',
  'list/shallow-history', 'list/unreadable-meeting', 'list/unreadable-position',
] as const;

/** A stable rule id such as `yaml/syntax` or `clearance/missing`. */
export type RuleId = (typeof RULE_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** True when `value` is one of the rule ids (for ids carried through untyped data, e.g. zod issue params). */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && KNOWN.has(value);
}

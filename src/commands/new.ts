import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, resolve } from 'node:path';
import type { Document } from 'yaml';
import { createFile } from '../emit/create.js';
import { isInside, namedPath, projectPath } from '../load/files.js';
import { namedFileProblem } from '../load/links.js';
import { wrongKindProblem } from '../load/targets.js';
import { loadMeeting } from '../load/meeting.js';
import { fileCodesInUse, loadAllMeetings, namesId } from '../load/meetings.js';
import { loadProject, type Project } from '../load/project.js';
import { knownPositionIds } from '../batch/cache.js';
import { parseYaml } from '../load/yaml.js';
import { readDay } from '../model/date.js';
import { meetingSchema, positionSchema } from '../model/index.js';
import { WINDOWS_RESERVED } from '../model/common.js';
import type { Prompter } from '../prompt/prompter.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { assertTemplateExists } from '../load/template-catalog.js';
import { loadTemplate } from '../render/template.js';
import { Answers, checkFlagsBeforeAsking } from '../scaffold/answers.js';
import { isSlug, scaffoldMeeting, type EarlierMeeting, type MeetingFlags } from '../scaffold/meeting.js';
import { scaffoldPosition, type PositionFlags } from '../scaffold/position.js';
import { schemaLine, type SchemaKind } from '../scaffold/schema-line.js';
import { checkSchema } from '../load/shape.js';
import { endsAfterStart, placeFitsMode } from '../validate/meeting-date-rules.js';
import { issuerNotRequired } from '../validate/clearance-rules.js';
import type { MeetingRuleContext } from '../validate/meeting-rule-context.js';
import { presidencyInOffice } from '../validate/presidency-rules.js';
import { signatureNamesMinistryOfTheDay } from '../validate/signature-rules.js';
import { ownerNotClearing } from '../validate/position-rules.js';
import { readPositionFile } from '../load/position-files.js';
import { asciiSlug } from '../util/ascii.js';
import { shellWord } from '../util/shell.js';

/** Options of `briefing new meeting <date> <slug>`. */
export interface NewMeetingOptions {
  cwd: string;
  date: string;
  slug: string;
  /** An earlier meeting file whose structure to copy. */
  from?: string;
  flags: MeetingFlags;
  /** Asks for missing fields; absent when standard input is not a terminal. */
  prompter?: Prompter;
}

/** Options of `briefing new position <id>`. */
export interface NewPositionOptions {
  cwd: string;
  id: string;
  /** Sub-folder of the positions folder to put the file in. */
  dir?: string;
  flags: PositionFlags;
  prompter?: Prompter;
  /** Today, YYYY-MM-DD: the ministries are offered by the names they bear today (VARAM's since 2023). Without it, their first ones. */
  today?: string;
}

/** What `new` did: the file written (project-relative), or the problems that stopped it. */
export interface NewFileResult {
  file: string | null;
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** The last day of a meeting held over several days (`--end-date`), YYYY-MM-DD; none without the flag. */
function endDateFlag(first: string, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const last = readDay(given);
  if ('problem' in last) throw new UsageError(`--end-date: ${last.problem}.`, last.hint);
  if (last.iso <= first) {
    throw new UsageError(
      `--end-date ${last.iso} is ${last.iso === first ? 'the meeting’s own day' : `before the meeting’s first day, ${first}`}.`,
      last.iso === first ? 'Leave --end-date out for a one-day meeting.' : 'Give the first day as <date> and the last as --end-date.',
    );
  }
  return last.iso;
}

/** Writes a new, valid, commented meeting file `meetings/<date>-<slug>.yaml`. */
export async function newMeeting(options: NewMeetingOptions): Promise<NewFileResult> {
  const project = loadProject(options.cwd, { knownPositionIds: knownPositionIds(options.cwd) });
  if (hasErrors(project.setupDiagnostics)) return failed(project.setupDiagnostics, ExitCode.problems);
  const day = readDay(options.date);
  if ('problem' in day) throw new UsageError(`${day.problem}.`, day.hint);
  const date = day.iso;
  const endDate = endDateFlag(date, options.flags.endDate);
  if (!isSlug(options.slug)) {
    throw new UsageError(
      `\`${options.slug}\` is not a usable name: use the letters a–z (no ā or š), digits and dashes${fileExtension(options.slug) ? `, without ${fileExtension(options.slug)} (the file is named <date>-<name>.yaml)` : ''}.`,
      `For example: ${usableInstead(options.slug, isSlug) ?? 'educ-council'}`,
    );
  }
  refuseLongName(`${date}-${options.slug}.yaml`, 'name');
  const target = join(project.root, project.config.paths.meetings, `${date}-${options.slug}.yaml`);
  refuseExisting(project, target);
  refuseHidden(project, projectPath(project.root, dirname(target)), `${date}-${options.slug}`, 'The meeting file', 'name', projectPath(project.root, target));
  // A template name is looked up among the templates: `../../x` is none of them.
  if (options.flags.template !== undefined) {
    assertTemplateExists(project, options.flags.template);
    // One `briefing templates` lists as unusable would fail the meeting's first build: its errors now, nothing written.
    const broken = loadTemplate(options.flags.template, project.templateDirs, project.files).diagnostics.filter((d) => d.severity === 'error');
    if (broken.length) return failed(broken, ExitCode.problems);
  }

  let earlier: EarlierMeeting | undefined;
  if (options.from !== undefined) {
    const from = namedPath(project.root, options.cwd, options.from);
    // A file that is not there is said to be missing (by loadMeeting), not to be of the kind its folder holds.
    const outside =
      namedFileProblem(project.root, from) ??
      (existsSync(from) ? wrongKindProblem(project, from, 'meeting', 'new meeting --from', () => `Start from a meeting file: one under ${project.config.paths.meetings}/, or examples/meeting.yaml.`) : undefined);
    if (outside) return failed([outside], ExitCode.problems);
    const loaded = loadMeeting(project.root, from);
    if (!loaded.meeting || hasErrors(loaded.diagnostics)) return failed(loaded.diagnostics, ExitCode.problems);
    // Its comments and blank lines are copied as they are: from a Windows checkout (CRLF) they would end otherwise than the lines written anew.
    earlier = { text: loaded.file.text.replaceAll('\r\n', '\n'), meeting: loaded.meeting };
  }
  // Read once: the flags are filled in before the questions are asked, then again with the answers.
  const taken = fileCodesInUse(project);
  const fill = (answers: Answers) => scaffoldMeeting(project, date, options.slug, { ...options.flags, endDate }, answers, taken, earlier);
  await checkFlagsBeforeAsking(options.prompter, fill);
  const answers = new Answers(options.prompter);
  const doc = await fill(answers);
  answers.assertComplete('new meeting');
  const written = write(project, target, doc, 'meeting');
  return { ...written, diagnostics: answerWarnings(project, target) };
}

/**
 * What `briefing check` would warn of in the new meeting's answers, said now rather than at the
 * next check: a span of more than three days, most likely a slip in `--end-date`
 * (`meeting/long-meeting`), a `--place` for a videoconference (`meeting/place-videoconference`:
 * the report would say both), the issuing ministry among the ministries that must clear its own
 * report (`meeting/issuer-required`, offered among the choices like any other), or it not yet in being
 * on the meeting's day (`meeting/issuer-not-established`), a `--presidency` not in office on the day
 * (`meeting/presidency-not-in-office`), or a signature or visa, the config's too, that names a ministry by
 * a name it did not have on the day (`meeting/signature-ministry-name`). Warnings: the file
 * is written all the same, and the exit code stays 0.
 */
function answerWarnings(project: Project, target: string): Diagnostic[] {
  const loaded = loadMeeting(project.root, target);
  if (!loaded.meeting) return [];
  const context: MeetingRuleContext = { project, loaded, meeting: loaded.meeting, final: false, command: 'check' };
  return [...endsAfterStart(context), ...placeFitsMode(context), ...issuerNotRequired(context), ...presidencyInOffice(context), ...signatureNamesMinistryOfTheDay(context)];
}

/** Writes a new, valid, commented draft position `positions/[<dir>/]<id>.yaml`. */
export async function newPosition(options: NewPositionOptions): Promise<NewFileResult> {
  const project = loadProject(options.cwd, { knownPositionIds: knownPositionIds(options.cwd) });
  if (hasErrors(project.setupDiagnostics)) return failed(project.setupDiagnostics, ExitCode.problems);
  const id = positionSchema.shape.id.safeParse(options.id);
  const usable = (text: string) => positionSchema.shape.id.safeParse(text).success;
  const extension = fileExtension(options.id);
  if (extension) {
    // `x.yaml` is an id the schema allows, but it was meant as the file: it would be written as x.yaml.yaml.
    throw new UsageError(`\`${options.id}\` is a file name: give the position id alone, without ${extension}; the file is named after it.`, `For example: briefing new position ${usableInstead(options.id, usable) ?? 'educ-digital-skills'}`);
  }
  if (!id.success) {
    // The schema's own words: the characters allowed, or why an id of allowed characters is not (a name Windows reserves).
    const instead = usableInstead(options.id, usable);
    // The id it would suggest may be a position already (a trailing space, capitals): then that is what to say.
    const existing = instead === undefined ? undefined : project.positions.get(instead);
    const hint = existing ? `\`${instead}\`, the id it comes nearest to, is a position already: ${existing.file.path}. Choose another id, or edit that file.` : `For example: ${instead ?? 'educ-digital-skills'}`;
    throw new UsageError(`\`${options.id}\` is not a usable position id: ${id.error.issues[0]?.message ?? 'see the position schema'}.`, hint);
  }
  const taken = project.positions.get(options.id);
  if (taken) throw new UsageError(`The position \`${options.id}\` already exists: ${taken.file.path}; nothing written.`, 'Choose another id, or edit that file.');
  // A sparse checkout may leave a colleague's position of this id out: a new file would overwrite it on commit, or claim its id.
  refuseHidden(project, project.config.paths.positions, options.id, `The position \`${options.id}\``, 'id');
  refuseLongName(`${options.id}.yaml`, 'position id');
  const target = join(positionsFolder(project, options.dir), `${options.id}.yaml`);
  refuseExisting(project, target);

  const hints = hintsFromMeetings(project, options.id);
  const fill = (answers: Answers) => scaffoldPosition(project, options.id, options.flags, answers, hints, options.today);
  await checkFlagsBeforeAsking(options.prompter, fill);
  const answers = new Answers(options.prompter);
  const doc = await fill(answers);
  answers.assertComplete('new position');
  const written = write(project, target, doc, 'position');
  return { ...written, diagnostics: [...written.diagnostics, ...positionWarnings(project, written.file ?? '')] };
}

/**
 * What `briefing check` would warn of in the new position's answers, said now: its owner among the
 * ministries that clear it (`clearance/by-owner`, `--clearances` with the owner's code among them).
 * The file is written all the same, and the exit code stays 0.
 */
function positionWarnings(project: Project, file: string): Diagnostic[] {
  // The file just written, read alone: the project need not be loaded again for one rule of one file.
  const loaded = readPositionFile(project.files, file);
  return loaded.position ? ownerNotClearing({ project, loaded, position: loaded.position }) : [];
}

/**
 * The longest name of a new file, in bytes (UTF-8): file systems hold 255, and the lock and
 * temporary files that `clear` writes beside it (`.<name>.<pid>.<random>.tmp`) take some 25 more.
 */
const FILE_NAME_MAX_BYTES = 200;

/** A usage error for an id or slug that makes a file name too long to write, or to edit later (it failed as ENAMETOOLONG). */
function refuseLongName(fileName: string, what: 'name' | 'position id'): void {
  const bytes = Buffer.byteLength(fileName);
  if (bytes <= FILE_NAME_MAX_BYTES) return;
  throw new UsageError(
    `The ${what} is too long: its file name, ${fileName.slice(0, 40)}…, would be ${bytes} bytes, and a file briefing writes and edits is named in at most ${FILE_NAME_MAX_BYTES}; nothing written.`,
    `Give a shorter ${what}, of a few words${what === 'name' ? ', e.g. educ-council' : ', e.g. educ-digital-skills'}.`,
  );
}

/** `.yaml` or `.yml` when a name typed for a file's id or slug ends in one: the file name was typed instead. */
function fileExtension(name: string): string | undefined {
  return /\.ya?ml$/i.exec(name)?.[0];
}

/**
 * The name the user most likely meant, written so `usable` takes it: without the file's extension,
 * in small ASCII letters (`Ēdināšana.yaml` → `edinasana`); undefined when that is not usable either.
 */
function usableInstead(name: string, usable: (text: string) => boolean): string | undefined {
  const suggestion = asciiSlug(name.replace(/\.ya?ml$/i, ''));
  return suggestion && suggestion !== name && usable(suggestion) ? suggestion : undefined;
}

/** The question text and required ministries of the meetings that already name `id`. */
function hintsFromMeetings(project: Project, id: string) {
  const using = loadAllMeetings(project, new Set(), (text) => namesId(text, id)).flatMap((loaded) => (loaded.meeting ? [loaded.meeting] : []));
  const question = using.flatMap((m) => m.questions).find((q) => q.position === id)?.text;
  const named = using.filter((m) => m.questions.some((q) => q.position === id));
  const clearances = [...new Set(named.flatMap((m) => m.required_clearances))];
  return { ...(question !== undefined ? { question } : {}), clearances };
}

/**
 * The folder `--dir` names under the positions folder, spelt as a folder already there whose name
 * differs only in its letters' composition or case; refused when it is absolute or leads out of it.
 */
function positionsFolder(project: Project, given: string | undefined): string {
  const positions = join(project.root, project.config.paths.positions);
  if (given === undefined || given === '') return positions;
  // Composed, as the folders briefing and git on macOS write are: a name pasted decomposed would make a second folder that looks the same.
  const dir = given.normalize('NFC');
  const folder = resolve(positions, dir);
  if (isAbsolute(dir) || (folder !== positions && !isInside(positions, folder))) {
    throw new UsageError(`--dir: \`${dir}\` leads out of ${project.config.paths.positions}/; nothing written.`, `Name a sub-folder of ${project.config.paths.positions}/, e.g. --dir educ.`);
  }
  const names = dir.split(/[\\/]/);
  const unfit = names.find((name) => windowsCannotHold(name) !== undefined);
  if (unfit !== undefined) {
    const instead = asciiSlug(unfit);
    const example = instead && windowsCannotHold(instead) === undefined ? names.map((name) => (name === unfit ? instead : name)).join('/') : 'educ';
    throw new UsageError(
      `--dir: the folder name \`${unfit}\` ${windowsCannotHold(unfit) ?? ''}, so a colleague on Windows could not check out the repository; nothing written.`,
      `Name the folder with letters, digits and dashes, e.g. \`--dir ${example}\`.`,
    );
  }
  return dir.includes('\\') ? folder : join(positions, ...spelledAsThere(project, posix.normalize(dir).split('/')));
}

/**
 * The folder names of `--dir` as the positions folder already spells them, one level at a time: a
 * folder there whose name differs only in its letters' composition (copied from a Mac, "ī" is "i" and a
 * combining macron) or in case is that folder, not a second one beside it that looks the same, or that
 * Windows and macOS take for the same. A name no folder there has is kept as given.
 */
function spelledAsThere(project: Project, names: readonly string[]): string[] {
  const positions = projectPath(project.root, join(project.root, project.config.paths.positions));
  const inside = project.files.list(positions).map((file) => posix.relative(positions, file).split('/').slice(0, -1));
  const alike = (name: string) => name.normalize('NFC').toLowerCase();
  const spelled: string[] = [];
  for (const name of names.filter((each) => each !== '' && each !== '.')) {
    const there = new Set(inside.filter((folders) => spelled.every((above, depth) => folders[depth] === above)).flatMap((folders) => folders.slice(spelled.length, spelled.length + 1)));
    spelled.push(there.has(name) ? name : ([...there].find((each) => alike(each) === alike(name)) ?? name));
  }
  return spelled;
}

/**
 * Why Windows cannot hold a file or folder of this name, or undefined when it can: one of the
 * characters it forbids, a space or dot at the end, or a name it keeps for a device (`nul`,
 * also with an extension). Every clone of the repository must be able to hold the positions.
 */
function windowsCannotHold(name: string): string | undefined {
  if (/[<>:"|?*\u0000-\u001f]/.test(name)) return `holds ${JSON.stringify(/[<>:"|?*\u0000-\u001f]/.exec(name)?.[0] ?? '')}, which Windows does not allow in a name`;
  if (/[ .]$/.test(name) && name !== '.' && name !== '..') return 'ends in a space or a dot, which Windows drops';
  if (WINDOWS_RESERVED.test(name.split('.')[0] ?? name)) return 'is a name Windows keeps for a device';
  return undefined;
}

/**
 * Refuses a new file of this name (a position's id, a meeting's) that git has under `folder` but a sparse
 * checkout leaves out: written anyway, it would overwrite the colleague's file on commit, or beside it
 * claim its id. `only`: that path alone counts (a meeting's name is its path; a position's id is its name anywhere).
 */
function refuseHidden(project: Project, folder: string, name: string, what: string, choose: string, only?: string): void {
  // The checkout alone: a file deleted in some commit is no file to overwrite, and walking the history for it cost every `new`.
  const hidden = project.files.absent?.(folder, name, false);
  if (hidden?.how !== 'sparse' || (only !== undefined && hidden.path !== only)) return;
  throw new UsageError(
    `${what} already exists in the git repository: ${hidden.path}, which this sparse checkout leaves out; nothing written.`,
    `Bring it in to edit it (\`git sparse-checkout add ${shellWord(hidden.path.split('/').slice(0, -1).join('/'))}\`), or choose another ${choose}.`,
  );
}

function refuseExisting(project: Project, target: string): void {
  if (existsSync(target)) {
    throw new UsageError(`${projectPath(project.root, target)} already exists; nothing written.`, 'Choose another name, or edit the existing file.');
  }
}

/** Adds the editor-schema line, checks the result like any user file, and creates it. */
function write(project: Project, target: string, doc: Document, kind: SchemaKind): NewFileResult {
  const shown = projectPath(project.root, target);
  // A file copied with --from brings its own schema line, which may point elsewhere.
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^# yaml-language-server:.*\n/m, '');
  const text = `${schemaLine(project.root, target, kind)}\n${body.endsWith('\n') ? body : `${body}\n`}`;
  const file = parseYaml(shown, text);
  const checked = checkSchema(file, kind === 'meeting' ? meetingSchema : positionSchema, kind);
  const problems = [...file.diagnostics, ...checked.diagnostics];
  if (problems.length) throw new Error(`the new ${kind} does not pass its own schema: ${problems.map((d) => d.message).join(' ')}`);
  createFile(target, text, shown);
  return { file: shown, diagnostics: [], exitCode: ExitCode.ok };
}

function failed(diagnostics: readonly Diagnostic[], exitCode: number): NewFileResult {
  return { file: null, diagnostics: sortDiagnostics(diagnostics), exitCode };
}

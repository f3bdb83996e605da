import { basename, extname } from 'node:path';
import { positionSchema, type Position } from '../model/position.js';
import type { PositionTextFingerprints } from '../model/translation.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from './shape.js';
import { readOrUnreadable, sha256, YAML_FILES } from './files.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { ProjectFiles } from './project-files.js';
import { parseYaml, type YamlFile } from './yaml.js';

/** A position file as a scan sees it: where it is, what it holds (by hash) and the id it claims. */
export interface PositionFile extends CommittedState {
  /** Project-relative path, `/`-separated. */
  path: string;
  /** SHA-256 of the file's text. */
  hash: string;
  /** The id from the file, or the file's base name when the id cannot be read. */
  id: string;
}

/** What git HEAD holds of a position file whose text differs from the committed one (a file as committed has the committed version anyway). */
export interface CommittedState {
  /** The `version` at git HEAD, when the file's text differs from the committed one and that has a readable version. */
  committedVersion?: number;
  /** With `committedVersion`: the committed answer's fingerprint (see `answerFingerprint`), to tell whether the answer changed. */
  committedAnswer?: string;
  /** With `committedVersion`: the ministries whose committed clearance is cleared naming no version nor answer (written by hand). */
  committedUnnamed?: readonly string[];
  /** With `committedVersion`: the committed `body`, `body_en`, `speaking_points` and `speaking_points_en` each fingerprinted alone (see `positionTextFingerprints`), to tell which of them changed. */
  committedFields?: CommittedFields;
  /** With a version lower than `committedVersion`: the commit at which the file last had that version, with the same answer (a revert). */
  restoredFrom?: RestoredVersion;
  /** With a lower version not found restored: the history searched stops short, in a shallow clone, so a revert cannot be told. */
  historyCut?: true;
  /** With `committedVersion`: where the file was at HEAD, when it was moved since (`git mv`, or by hand keeping its id). */
  committedPath?: string;
  /**
   * git could not be asked for the file's committed text (it refuses the repository, is not installed in
   * a checkout, or failed), so whether its version or answer changed since is not known: a clearance
   * written by hand, which names no answer, cannot be told to be of the text as it is now. The rule of
   * the warning that says why.
   */
  uncompared?: GitGapRule;
}

/** The rules that say git cannot be asked for committed texts (see {@link CommittedState.uncompared}). */
export type GitGapRule = 'input/no-git' | 'input/git-refused' | 'input/git-unlinked' | 'input/git-failed' | 'input/git-nested';

/** The fingerprints of a committed position's Latvian and English answers and speaking points, each alone (see `positionTextFingerprints`). */
export type CommittedFields = PositionTextFingerprints;

/** The commit a lowered version was brought back from, with the answer it named there. */
export interface RestoredVersion {
  /** Abbreviated hash. */
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
}

/** A position file, loaded and checked, with what git HEAD holds of it. */
export interface LoadedPosition extends CommittedState {
  id: string;
  file: YamlFile;
  /** Present only when the file passed its schema. */
  position?: Position;
  /** SHA-256 of the file's text. */
  hash: string;
  diagnostics: Diagnostic[];
}

/**
 * The key under which an earlier run remembers a position file's id: its path and content
 * hash (the id comes from the content, or from the file name when the content has none).
 */
export function positionIdKey(file: Pick<PositionFile, 'path' | 'hash'>): string {
  return `${file.path}\u0000${file.hash}`;
}

/**
 * Reads each position file under `folder` and learns the id it claims. A file found in
 * `knownIds` (by {@link positionIdKey}, ids learnt by an earlier run) is not parsed; the
 * others are, and `parsed` receives what was parsed so that it need not be parsed again.
 */
export function scanPositionFiles(
  files: ProjectFiles,
  folder: string,
  knownIds: ReadonlyMap<string, string> = new Map(),
  parsed?: (file: PositionFile, loaded: LoadedPosition) => void,
): PositionFile[] {
  return files.list(folder, YAML_FILES).map((path) => {
    const text = readOrUnreadable(() => files.readText(path), path);
    const hash = typeof text === 'string' ? sha256(text) : '';
    const known = knownIds.get(positionIdKey({ path, hash }));
    if (known !== undefined) return { path, hash, id: known };
    const loaded = typeof text === 'string' ? checkPosition(path, text, hash, basename(path, extname(path))) : unreadablePosition(path, text, basename(path, extname(path)));
    const file = { path, hash, id: detached(loaded.id) };
    parsed?.(file, loaded);
    return file;
  });
}

/**
 * A position whose file is read and checked only when first used: a batch of a few
 * meetings in a project of thousands of positions parses only the ones it needs. The
 * parsed file is held weakly, so a long batch does not keep every position it has seen:
 * a position used again after the garbage collector took it is parsed again (same result).
 * A parse given to hold (see {@link scanHolder}) is held strongly until first used.
 */
export class LazyPosition implements LoadedPosition {
  readonly id: string;
  readonly hash: string;
  readonly path: string;
  readonly committedVersion: number | undefined;
  readonly committedAnswer: string | undefined;
  readonly committedUnnamed: readonly string[] | undefined;
  readonly committedFields: CommittedFields | undefined;
  readonly restoredFrom: RestoredVersion | undefined;
  readonly historyCut: true | undefined;
  readonly uncompared: GitGapRule | undefined;
  readonly #files: ProjectFiles;
  /** Problems found by looking at other files (a duplicated id): kept, unlike the parse. */
  readonly #extra: Diagnostic[] = [];
  #loaded: WeakRef<LoadedPosition> | undefined;
  #held: LoadedPosition | undefined;

  constructor(files: ProjectFiles, file: PositionFile, loaded?: LoadedPosition, hold = false) {
    this.id = file.id;
    this.hash = file.hash;
    this.path = file.path;
    this.committedVersion = file.committedVersion;
    this.committedAnswer = file.committedAnswer;
    this.committedUnnamed = file.committedUnnamed;
    this.committedFields = file.committedFields;
    this.restoredFrom = file.restoredFrom;
    this.historyCut = file.historyCut;
    this.uncompared = file.uncompared;
    this.#files = files;
    if (loaded) this.#loaded = new WeakRef(loaded);
    if (hold) this.#held = loaded;
  }

  get file(): YamlFile {
    return this.#load().file;
  }

  get position(): Position | undefined {
    return this.#load().position;
  }

  /** The file's own problems and those reported on it; add to them with {@link report}. */
  get diagnostics(): Diagnostic[] {
    return [...this.#load().diagnostics, ...this.#extra];
  }

  /** Adds a problem that belongs to this position but was found by looking at other files. */
  report(problem: Diagnostic): void {
    this.#extra.push(problem);
  }

  #load(): LoadedPosition {
    // Held strongly until now, weakly from now on (the weak reference was made with it).
    const held = this.#held ?? this.#loaded?.deref();
    this.#held = undefined;
    if (held) return held;
    const text = readOrUnreadable(() => this.#files.readText(this.path), this.path);
    const loaded =
      typeof text !== 'string'
        ? unreadablePosition(this.path, text, this.id)
        : sha256(text) === this.hash
          ? checkPosition(this.path, text, this.hash, this.id)
          : unreadablePosition(this.path, changedSinceScan(this.path), this.id);
    this.#loaded = new WeakRef(loaded);
    return loaded;
  }
}

/** From this length on, a position file that a batch's scan parsed to learn its id is held until first used ({@link scanHolder}). */
const HOLD_FROM = 256 * 1024;

/**
 * Which of the parses a batch's scan makes (of files whose id its cache does not know) to hold until
 * each is first used, where the others are dropped: the long files', up to {@link MAX_FILE_BYTES} of
 * text in all. Parsing a long file again costs more than holding it: a 5 MB position is read in
 * 12–15 ms, hashed in 8–12 and parsed in 60–120, and its parse holds about 6 MiB.
 */
export function scanHolder(): (loaded: LoadedPosition) => boolean {
  let held = 0;
  return (loaded) => {
    const length = loaded.file.text.length;
    if (length < HOLD_FROM || held + length > MAX_FILE_BYTES) return false;
    held += length;
    return true;
  };
}

/**
 * Reads and checks the position file at `path` of `files`, on its own (not as part of a
 * project's positions); its messages name it `shownAs`.
 */
export function readPositionFile(files: ProjectFiles, path: string, shownAs: string = path): LoadedPosition {
  const text = files.readText(path, shownAs);
  return checkPosition(shownAs, text, sha256(text), basename(path, extname(path)));
}

/** Parses and checks one position file's text; `fallbackId` names it when its id cannot be read. */
function checkPosition(path: string, text: string, hash: string, fallbackId: string): LoadedPosition {
  const file = parseYaml(path, text);
  const checked = checkSchema(file, positionSchema, 'position');
  const loaded: LoadedPosition = {
    id: checked.value?.id ?? idFromData(file.data) ?? fallbackId,
    file,
    hash,
    diagnostics: [...file.diagnostics, ...checked.diagnostics],
  };
  if (checked.value) loaded.position = checked.value;
  return loaded;
}

/**
 * A position file whose text is not the one the scan hashed: saved, checked out or pulled while the command ran.
 * Its reports would be made of the new text but recorded (manifest, build cache) under the old text's hash, so a
 * later revert to that text was taken for their build; they fail instead, as for a file gone meanwhile.
 */
function changedSinceScan(path: string): Diagnostic {
  return diagnostic(
    path,
    undefined,
    'error',
    'input/unreadable',
    `${path} changed while this command ran (a save, a git checkout or pull): the reports that use it are not built this time, rather than built of a text other than the one the command read first.`,
    'Build again once the change is done (a watch builds again on its own).',
  );
}

/**
 * A position file that cannot be read, as the meetings that use it see it: no position, and the
 * problem on the file, so that those meetings fail and the others still build. Its id is the
 * file's name (by convention the id) and its hash empty: no text was read.
 */
function unreadablePosition(path: string, problem: Diagnostic, id: string): LoadedPosition {
  return { id, file: parseYaml(path, ''), hash: '', diagnostics: [problem] };
}

function idFromData(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string') return data.id;
  return undefined;
}

/**
 * A copy of a string that does not point into a larger one. The YAML parser returns
 * values as slices of the file's text, so an id kept from a file would keep the whole
 * file in memory: thousands of position texts in a large batch.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

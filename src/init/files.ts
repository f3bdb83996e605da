/**
 * The files `briefing init` writes into a ministry's own briefing repository. Pure: each
 * takes what the user answered and returns text; src/commands/init.ts writes them.
 */
import { NPM, type PackageManager } from '../load/package-manager.js';

/** A person who signs or endorses reports. */
export interface Person {
  role: string;
  name: string;
}

/** What the new repository's config says. */
export interface InitAnswers {
  issuingMinistry: string;
  signature?: Person | undefined;
  visa?: Person | undefined;
}

/**
 * The example of who signs shown in the config while none is given: the example report's for the
 * education ministry, whose report it is; for another, its minister's title made from the
 * ministry's name ("Zemkopības ministrija" → "Zemkopības ministrs") and its state secretary, so that
 * no ministry's repository starts with another's minister in it. The State Chancellery has no minister
 * nor state secretary: the Prime Minister, whom it serves, signs, and its director (its head) endorses.
 */
export function signatureExamples(ministry: string, names: { nominative: string; genitive: string } | undefined): { signature: string; visa: string } {
  if (ministry === 'IZM') return { signature: '{ role: Izglītības un zinātnes ministre, name: I. Šuplinska }', visa: '{ role: Valsts sekretāre, name: L. Lejiņa }' };
  if (ministry === 'VK') return { signature: '{ role: Ministru prezidents, name: V. Uzvārds }', visa: '{ role: Valsts kancelejas direktors, name: V. Uzvārds }' };
  const nominative = names?.nominative ?? '';
  // Another body that is not a ministry: its head.
  const minister = nominative.endsWith(' ministrija') ? `${nominative.slice(0, -' ministrija'.length)} ministrs` : names ? `${names.genitive} vadītājs` : 'Ministrs';
  return { signature: `{ role: ${minister}, name: V. Uzvārds }`, visa: '{ role: Valsts sekretārs, name: V. Uzvārds }' };
}

/** The suffix of the file `init --update` writes beside one of init's files that differs from this version's. */
export const RENEWED_SUFFIX = '.new';

/** Where the installed tool's schemas are, from the repository root. */
export const SCHEMA_FOLDER = 'node_modules/briefing/schema';

/** `briefing.config.yaml`: the ministry, who signs, and the defaults written out. */
export function configFile(answers: InitAnswers, examples = signatureExamples(answers.issuingMinistry, undefined)): string {
  const person = (key: string, who: Person | undefined, example: string) =>
    who ? `${key}: { role: ${yamlText(who.role)}, name: ${yamlText(who.name)} }` : `# ${key}: ${example}`;
  return `# yaml-language-server: $schema=./${SCHEMA_FOLDER}/config.schema.json
#
# Settings of this briefing repository. Every key but issuing_ministry has a default.
# All keys: node_modules/briefing/README.md, section "briefing.config.yaml".

# The ministry that issues the reports: a code from the ministries registry
# (the one built into briefing, or ministries.yaml here if you add one).
issuing_ministry: ${answers.issuingMinistry}

# Who signs the reports and who endorses them (the visa line):
# \`briefing new meeting\` offers these and writes them into each meeting.
${person('signature', answers.signature, examples.signature)}
${person('visa', answers.visa, examples.visa)}

# Formats \`briefing build\` writes: md, docx and pdf (pdf needs LibreOffice).
formats: [md, docx]

# Write PDFs as PDF/A-2b, for archiving.
pdf_a: false

# Folder for the built reports (git-ignored).
output: out

# Abbreviations introduced at their first mention in every report.
abbreviations:
  - term: Eiropas Savienības
    short: ES
`;
}

/** `.gitignore`: built reports, the build cache and the installed packages. */
export const GITIGNORE = `node_modules/
out/
.briefing-cache/
`;

/**
 * `.gitignore` for a repository installed with `manager`: Yarn 2 or later also writes `.yarn/install-state.gz`
 * and, with Plug'n'Play, `.pnp.cjs`, which each install makes again (as Yarn's own advice for a repository
 * that does not commit its cache); its releases, plugins and patches under `.yarn/` are the repository's.
 */
export function gitignore(manager: PackageManager = NPM): string {
  if (manager.kind !== 'yarn-berry') return GITIGNORE;
  return `${GITIGNORE}.pnp.*
.yarn/*
!.yarn/patches
!.yarn/plugins
!.yarn/releases
!.yarn/sdks
!.yarn/versions
`;
}

/**
 * `existing` (a `.gitignore`, `.gitattributes` or `.npmrc` the folder had) with the lines of `wanted`
 * it lacks added, under a comment; nothing of it changed or removed. A line is there when one says
 * the same (`/out/` and `out` ignore the same folder; `!out/`, which keeps it, is the user's rule for it); in `.npmrc`, when its key is set at all, and in
 * `.gitattributes`, when its pattern (other than `*`) has a line at all, as the user set it. Added lines go at the end,
 * but for a `.gitattributes` line for every file (`*`): git lets a later line decide, so that one goes
 * first, and the file's own rules for its `.bat` or Git LFS files still decide for them.
 */
export function withLines(path: string, existing: string, wanted: string): { text: string; added: string[] } {
  const meaning = (line: string): string => {
    const trimmed = line.trim();
    if (path === '.npmrc') return trimmed.split('=')[0]?.trim() ?? trimmed;
    // `!out/` is the user's word on out/ too: a line `out/` added after it would decide instead (git lets a later line decide).
    if (path === '.gitignore') return trimmed.replace(/^!/, '').replace(/^\//, '').replace(/\/$/, '');
    // A pattern's own line decides for its files; the line for every file is compared whole, and goes first (see below).
    const pattern = trimmed.split(/\s+/)[0] ?? trimmed;
    return pattern === '*' ? trimmed.replace(/\s+/g, ' ') : pattern;
  };
  const rules = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '' && !/^\s*[#;]/.test(line));
  const have = new Set(rules(existing).map(meaning));
  const added = rules(wanted).filter((line) => !have.has(meaning(line)));
  if (!added.length) return { text: existing, added };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const block = (lines: string[]) => `# Added by briefing init${eol}${lines.join(eol)}${eol}`;
  const ended = existing === '' || existing.endsWith('\n') ? existing : existing + eol;
  if (ended === '') return { text: block(added), added };
  const first = path === '.gitattributes' ? added.filter((line) => line.trim().split(/\s+/)[0] === '*') : [];
  const last = added.filter((line) => !first.includes(line));
  const head = first.length ? `${block(first)}${eol}` : '';
  const tail = last.length ? `${eol}${block(last)}` : '';
  return { text: `${head}${ended}${tail}`, added };
}

/**
 * `.gitattributes`: every checkout has the same bytes, a Windows one with `core.autocrlf` too, so
 * the reports and their manifests (which name each input's bytes and git blob) are the same on
 * every desk officer's machine and in CI.
 */
export const GITATTRIBUTES = `# The same bytes in every checkout (Windows too): the reports built from them are the same everywhere.
* text=auto eol=lf
*.docx binary
*.pdf binary
`;

/**
 * `.npmrc`: npm says only what needs attention (no notices about funding, engines or a newer npm,
 * which `npx briefing` printed under the tool's own output even at loglevel=error). Its audit of
 * what it installs stays on: a known vulnerability is what needs attention. When the
 * tool comes from a git repository or a tarball on a web server, npm may fetch it: npm 12 fetches
 * neither unless told (`allow-git`, `allow-remote`), `root` allowing only what package.json names.
 */
export function npmrc(toolSpec: string): string {
  const git = GIT_SPEC.test(toolSpec) && !/\.(?:tgz|tar\.gz|tar)$/i.test(toolSpec);
  const source = git ? 'allow-git=root\n' : /^https?:/i.test(toolSpec) ? 'allow-remote=root\n' : '';
  return `fund=false\nloglevel=error\nupdate-notifier=false\n${source}`;
}

/** A dependency spec npm fetches with git: `git+…`, `github:…` and the like, `owner/repo`, or a repository's address on GitHub, GitLab or Bitbucket. */
const GIT_SPEC = /^(?:git(?:\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:|[\w.-]+\/[\w.-]+(?:#.*)?$|https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/]+?(?:\.git)?\/?(?:#.*)?$)/i;

/**
 * `allowScripts` for the `node` package: its install script fetches the program, and npm 12 runs a
 * dependency's install scripts only when package.json allows them.
 */
export const NODE_INSTALL_SCRIPT = { node: true } as const;

/**
 * `package.json`, or the keys to add to one npm already wrote: the tool as a development
 * dependency (pinned by the lockfile) and the two scripts people and CI run.
 */
export function packageKeys(name: string, toolSpec: string, nodeSpec?: string) {
  return {
    name,
    private: true,
    scripts: { build: 'briefing build --all', check: 'briefing check' },
    // `node`: the Node.js the tool runs under where the machine's is older (see the launcher), when the installing project had it.
    devDependencies: { briefing: toolSpec, ...(nodeSpec === undefined ? {} : { node: nodeSpec }) },
    ...(nodeSpec === undefined ? {} : { allowScripts: NODE_INSTALL_SCRIPT }),
  };
}

/** `.vscode/settings.json`: the installed tool's schemas mapped to the folders. */
export function vscodeSettings(): string {
  const settings = {
    'yaml.schemas': yamlSchemas(),
    'files.insertFinalNewline': true,
    'files.eol': '\n',
    '[yaml]': { 'editor.tabSize': 2, 'editor.insertSpaces': true },
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * `.vscode/settings.json` at the top of a repository the project is a folder of (`below`): the
 * schemas alone, their paths and patterns from the top, as VS Code opened at the repository's top
 * reads only that file. Not the editor settings of the project's own file, which would be the whole
 * repository's.
 */
export function vscodeSchemasAtTop(below: string): string {
  return `${JSON.stringify({ 'yaml.schemas': yamlSchemas((path) => `${below}/${path}`) }, null, 2)}\n`;
}

/** VS Code's `yaml.schemas`: each schema of the installed tool and the files it is for, their paths made by `at` (from the project's folder as they are). */
function yamlSchemas(at = (path: string) => path): Record<string, string | string[]> {
  return {
    [`./${at(SCHEMA_FOLDER)}/meeting.schema.json`]: [at('meetings/**/*.yaml'), at('examples/meeting.yaml')],
    [`./${at(SCHEMA_FOLDER)}/position.schema.json`]: [at('positions/**/*.yaml'), at('examples/position.yaml')],
    [`./${at(SCHEMA_FOLDER)}/ministries.schema.json`]: at('ministries.yaml'),
    [`./${at(SCHEMA_FOLDER)}/config.schema.json`]: at('briefing.config.yaml'),
  };
}

/** What a repository that kept its own version of a file init writes misses, and where to find it; undefined when nothing. */
export function keptFileNote(path: string): string | undefined {
  return path === '.vscode/settings.json' ? 'for completion in meetings and positions, add its "yaml.schemas" from node_modules/briefing/docs/editor.md' : undefined;
}

/**
 * The actions the workflow uses, each pinned to the commit of a release, its tag in a comment: a tag can be
 * moved to other code by whoever controls the action's repository, a commit cannot (GitHub's own advice, and
 * what an organisation that requires pinned actions enforces). Dependabot's `github-actions` updates keep both.
 */
export const ACTIONS = {
  checkout: { uses: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', tag: 'v4.2.2' },
  setupNode: { uses: 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020', tag: 'v4.4.0' },
  cacheRestore: { uses: 'actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684', tag: 'v4.2.3' },
  cacheSave: { uses: 'actions/cache/save@5a3ec84eff668545956fd18022155c47e93e2684', tag: 'v4.2.3' },
  uploadArtifact: { uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02', tag: 'v4.6.2' },
  pnpm: { uses: 'pnpm/action-setup@a7487c7e89a18df4991f7f222e4898a00d66ddda', tag: 'v4.1.0' },
  bun: { uses: 'oven-sh/setup-bun@735343b667d3e6f658f44d0eca948eb6282f2b76', tag: 'v2.0.2' },
} as const;

/** A step's `uses:` line (from its dash on) for one of {@link ACTIONS}. */
function uses(action: keyof typeof ACTIONS): string {
  return `- uses: ${ACTIONS[action].uses} # ${ACTIONS[action].tag}`;
}

/**
 * `.github/workflows/briefings.yml`: check every pull request, build every report on main (or master).
 * `below`: the project's folder from the top of a repository it shares (`eu/briefings`), where
 * GitHub reads the workflow (`file`, in `.github/workflows/`): its steps run in that folder, which its
 * npm and build cache paths name, and it runs for changes there (and to itself) only. `manager`: what the
 * repository installs with (its lockfile), which installs and runs briefing in every job.
 */
export function workflow(below?: string, file = 'briefings.yml', manager: PackageManager = NPM): string {
  const quoted = (text: string) => JSON.stringify(text);
  // Its paths are patterns, as are GitHub's path filters: a folder named `c++` or `eu [2025]` is taken as written.
  const literal = below === undefined ? '' : below.replace(/[*?+[\]!\\]/g, '\\$&');
  const name = below === undefined ? 'briefings' : quoted(`briefings (${below})`);
  const paths = below === undefined ? '' : `\n    paths: [${quoted(`${literal}/**`)}, ${quoted(`.github/workflows/${file}`)}]`;
  const defaults = below === undefined ? '' : `\n    # The project is the folder ${below} of this repository: every command runs there.\n    defaults:\n      run:\n        working-directory: ${quoted(below)}`;
  const dir = below === undefined ? '' : `${literal}/`;
  const setup = setupSteps(manager, below, literal);
  const exec = manager.exec;
  return `# Checks every pull request (problems appear as annotations on the changed lines) and,
# on main (or master), builds every report and keeps those that built as an artifact of the run.
# How it works, and how to split the build into parallel jobs: docs/ci.md of briefing.
name: ${name}

on:
  pull_request:${paths}
  # The main branch, by either name: \`git init\` without settings calls it master.
  push:
    branches: [main, master]${paths}

# Reading the repository is all the jobs do with GitHub's token (the cache and the artifact use the runner's own).
permissions:
  contents: read

# One run per branch or pull request at a time: a newer push to a pull request stops the older run; on main a run
# waits for the one before (a waiting run gives way to a newer one), so each build starts from the cache the last saved.
concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

# "Today" is the ministry's day, as on a desk in Riga: GitHub's runners keep UTC, two or three hours behind,
# so in the small hours the run would still be on the day before (a meeting of yesterday not yet past).
env:
  TZ: Europe/Riga

jobs:
  check:
    runs-on: ubuntu-latest${defaults}
    steps:
      # A pull request is checked out as a merge commit whose first parent is the branch it goes into:
      # with that parent fetched, --base HEAD^1 holds every answer it changes to a higher version.
      # persist-credentials: false keeps the job's token out of .git/config, where the install's scripts could read it.
      ${uses('checkout')}
        with:
          fetch-depth: 2
          persist-credentials: false
${setup}
      - run: ${manager.ci}
      # GitHub sets GITHUB_ACTIONS=true, so each problem is also printed as an annotation; and GITHUB_BASE_REF,
      # the branch a pull request goes into, for a pull request alone (empty on a push).
      - run: ${exec} check \${GITHUB_BASE_REF:+--base HEAD^1}

  build:
    if: github.event_name == 'push'
    needs: check
    runs-on: ubuntu-latest${defaults}
    steps:
      ${uses('checkout')}
        with:
          persist-credentials: false
${setup}
      # LibreOffice makes the PDFs: installed (a minute or two) only when briefing.config.yaml names pdf
      # on a line that is not a comment, as \`formats: [md, docx, pdf]\` does. The fonts that take the room of
      # Times New Roman, Arial, Courier New, Calibri and Cambria are named: without recommended packages
      # LibreOffice comes without them, and the PDF would be set in another font, breaking its lines elsewhere.
      - name: LibreOffice, when the formats include pdf
        run: |
          if grep -Eq '^[^#]*\\bpdf\\b' briefing.config.yaml; then
            sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea
          fi
      - run: ${manager.ci}
      # The build cache and the outputs it vouches for, kept together from the last run on main:
      # a meeting whose inputs did not change is skipped, not rebuilt. \`out\` is the config's
      # \`output\` folder: change the two together.
      ${uses('cacheRestore')}
        with:
          path: |
            ${dir}.briefing-cache
            ${dir}out
          key: briefings-\${{ github.sha }}
          restore-keys: briefings-
      - run: ${exec} build --all --json > build-report.json
      # Saved when a meeting failed too (exit 1), which a cache step saving at the job's end would not:
      # the meetings that built need not be built again next time.
      ${uses('cacheSave')}
        if: always()
        with:
          path: |
            ${dir}.briefing-cache
            ${dir}out
          key: briefings-\${{ github.sha }}
      # Only the reports of meetings that built now or are unchanged: a meeting that fails keeps
      # its earlier files in out/, and those must not be published as current. Gathered outside the
      # checkout, where no output folder of the config's (\`output: reports\`) can be the same folder.
      - name: collect the reports
        if: always()
        run: |
          mkdir -p "$RUNNER_TEMP/briefings/reports"
          jq -j '.meetings[] | select(.status != "failed") | .outputs[] | . + "\\u0000"' build-report.json | xargs -0 -r cp -t "$RUNNER_TEMP/briefings/reports/"
          cp build-report.json "$RUNNER_TEMP/briefings/"
      # Kept 30 days, not the repository's default (90): the next run on main makes them again, and they are the
      # ministry's texts, which anyone who can read the repository can download while they are kept.
      ${uses('uploadArtifact')}
        if: always()
        with:
          name: briefings
          path: \${{ runner.temp }}/briefings/
          if-no-files-found: ignore
          retention-days: 30
`;
}

/**
 * The workflow's steps that bring Node.js and the package manager (a job's steps, as YAML lines): pnpm by its
 * action, at the version package.json pins (read from the project's package.json) or else at the major version
 * that installed node_modules; Yarn 2 or later through corepack, which takes the version package.json pins; Bun by
 * its action. setup-node caches the package manager's downloads, keyed by the lockfile (the project's, below the top:
 * `literal`, its folder written as a pattern).
 */
function setupSteps(manager: PackageManager, below: string | undefined, literal: string): string {
  const quoted = (text: string) => JSON.stringify(text);
  const pnpmWith = manager.pinned
    ? below === undefined
      ? ''
      : `\n        with:\n          package_json_file: ${quoted(`${below}/package.json`)}`
    : `\n        with:\n          version: ${manager.version?.split('.')[0] ?? 10}`;
  const before =
    manager.kind === 'pnpm'
      ? `      ${uses('pnpm')}${pnpmWith}\n`
      : manager.kind === 'yarn-berry'
        ? '      # Yarn 2 or later comes through corepack, at the version package.json names in `packageManager`.\n      - run: corepack enable\n'
        : manager.kind === 'bun'
          ? `      ${uses('bun')}\n`
          : '';
  const cache = manager.cache === undefined ? '' : `\n          cache: ${manager.cache}${below === undefined ? '' : `\n          cache-dependency-path: ${quoted(`${literal}/${manager.lockFile}`)}`}`;
  return `${before}      ${uses('setupNode')}
        with:
          node-version: 22${cache}`;
}

/** `templates/README.md`: how to replace a built-in template. */
export const TEMPLATES_README = `# Your own templates

Empty on purpose: the built-in templates are used (\`briefing templates\` lists them).
To change one, copy it here under the same name and edit the copy, for example:

    cp node_modules/briefing/templates/informative-report.lv.md.hbs templates/

A template here replaces the built-in one of the same name; a new name adds a template
that meetings choose with \`template:\`. Partials are looked up the same way: here in
\`templates/partials/\` first, then among the built-in ones, so a copied template keeps
using the built-in partials. To change one partial in every template, copy just that one:

    mkdir -p templates/partials
    cp node_modules/briefing/templates/partials/signature.hbs templates/partials/

\`briefing templates\` shows which partials each template takes from where.

A copy does not follow the built-in one: after an upgrade of briefing, \`briefing init --update\`
names each template and partial here whose built-in original this version has changed, with the
file to compare it with, so that you can carry a fix over into your copy.
`;

/** The repository's own short README; `manager`, what the repository installs with. */
export function readme(answers: InitAnswers, manager: PackageManager = NPM): string {
  return `# EU Council briefings of ${answers.issuingMinistry}

Meetings (\`meetings/\`) and the positions that answer their questions (\`positions/\`), from which
[briefing](node_modules/briefing/README.md) builds the informative reports (Markdown, DOCX, PDF).

## Set-up

\`\`\`sh
${manager.ci}
\`\`\`

installs the briefing this repository pins. Run it as \`${manager.exec} …\`, or put \`briefing\` on
your PATH once (\`npm install -g\` with the same tarball or git URL) and type \`briefing …\`.

## Daily work

\`\`\`sh
briefing new meeting 2021-05-18 educ-council --from examples/meeting.yaml
briefing new position educ-digital-skills --dir educ
briefing clear educ-digital-skills --ministry AM --pending --ref "Vēstule Nr. 4-2e/21/512"
briefing clear positions/educ/educ-digital-skills.yaml --ministry AM --ref "ĀM e-pasts, 10.05.2021."
briefing clear meetings/2021-05-18-educ-council.yaml --ministry LM --ref "LM e-pasts, 12.05.2021."
briefing list --uncleared
briefing build meetings/2021-05-18-educ-council.yaml --watch
briefing check
\`\`\`

\`examples/\` holds a meeting and a position to copy from; they are not built. Reports go to
\`out/\` (not committed). \`templates/\` may hold your own versions of the templates.

Every pull request is checked by \`.github/workflows/briefings.yml\`; on \`main\` every report
is built and kept as an artifact. In VS Code with the YAML extension, \`.vscode/settings.json\`
gives completion and checks while you type.
`;
}

/**
 * A value on one line of YAML, quoted when plain YAML would read it otherwise: it goes inside
 * `{ role: …, name: … }`, where a comma ends it ("Ministru prezidents, … p.i." read as two fields).
 */
function yamlText(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .'()–-]*$/u.test(value) && !/[:#]/.test(value) ? value : JSON.stringify(value);
}

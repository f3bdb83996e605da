/**
 * A ministry's repository after five years of use: about 300 meetings, 1,500 positions in
 * subfolders (area/year), and a linear git history of several thousand commits in which positions
 * are written, reworded with their version raised, cleared ministry by ministry, moved to another
 * folder and deleted, as desk officers do. Written with one `git fast-import`, so it takes seconds.
 *
 * Run: `node bench/history.ts <empty folder> [--meetings 300]`. The tool's own `config`, registry and
 * templates are copied in; the texts are the example's, each position with a paragraph of its own.
 * Every meeting's questions name positions that exist at the end, so the last state checks clean
 * of errors (the meetings still ahead have drafts and pending clearances, as a real one has).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const AREAS = ['educ', 'youth', 'science', 'sport', 'lang'];
const CLEARING = ['AM', 'LM'];

interface Position {
  id: string;
  path: string;
  version: number;
  status: 'draft' | 'cleared';
  /** The paragraph of its own, changed with each rewording. */
  own: string;
  example: string;
  clearance: Map<string, { status: 'pending' | 'cleared'; date: string; ref: string }>;
}

interface Event {
  at: number;
  message: string;
  apply: () => string[];
}

/** Writes the repository into `dir` and returns the number of commits. */
export function makeHistory(repo: string, dir: string, meetingCount: number): number {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length) throw new Error(`${dir} is not empty`);
  const examples = readdirSync(join(repo, 'positions/educ'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(join(repo, 'positions/educ', name), 'utf8'));
  const meetingText = readFileSync(join(repo, 'meetings/2021-02-19-educ-informal.yaml'), 'utf8');
  const questionTexts = questionsOf(meetingText);

  const files = new Map<string, string>(); // path → text, the tree as the events leave it
  const changedPaths = new Set<string>();
  const write = (path: string, text: string) => {
    files.set(path, text);
    changedPaths.add(path);
  };
  for (const entry of ['briefing.config.yaml', 'ministries.yaml']) write(entry, readFileSync(join(repo, entry), 'utf8'));
  for (const name of readdirSync(join(repo, 'templates'), { recursive: true, withFileTypes: true })) {
    if (name.isFile()) {
      const full = join(name.parentPath, name.name);
      write(full.slice(repo.length + 1), readFileSync(full, 'utf8'));
    }
  }
  write('.gitignore', 'out/\n.briefing-cache/\n');

  const events: Event[] = [];
  const start = Date.UTC(2021, 0, 11);
  const day = 86_400_000;
  const stamp = (at: number) => new Date(at).toISOString().slice(0, 10);
  const rendered = (p: Position) => positionText(examples, p);
  let seq = 0;
  const deleted: string[] = [];
  for (let m = 0; m < meetingCount; m++) {
    const area = AREAS[m % AREAS.length] ?? 'educ';
    const meetingAt = start + Math.floor((m * 5.9 + 21) * day);
    const date = stamp(meetingAt);
    const year = date.slice(0, 4);
    const ahead = m >= meetingCount - 12; // the last meetings are still being prepared
    const positions: Position[] = [];
    for (let q = 0; q < 5; q++) {
      const id = `${area}-${String(m + 1).padStart(3, '0')}-${q + 1}`;
      positions.push({ id, path: `positions/${area}/${year}/${id}.yaml`, version: 1, status: 'draft', own: `Pozīcijas ${id} sākotnējais teksts.`, example: String(q % examples.length), clearance: new Map() });
    }
    const meetingPath = `meetings/${date}-${area}-${m + 1}.yaml`;
    const opened = meetingAt - 24 * day;
    events.push({
      at: opened,
      message: `${area}: sanāksme ${date} un tās pozīcijas`,
      apply: () => {
        for (const p of positions) write(p.path, rendered(p));
        write(meetingPath, meetingFileText(meetingText, questionTexts, date, area, m, positions));
        return [];
      },
    });
    // A scrap position written and thrown away a week later, for one meeting in three.
    if (m % 3 === 0) {
      const scrap = `positions/${area}/${year}/${area}-${m + 1}-melnraksts.yaml`;
      const p: Position = { id: `${area}-${m + 1}-melnraksts`, path: scrap, version: 1, status: 'draft', own: 'Melnraksts.', example: '0', clearance: new Map() };
      events.push({ at: opened + 2 * day + 3600_000, message: `${area}: melnraksts`, apply: () => (write(scrap, rendered(p)), []) });
      events.push({ at: opened + 9 * day, message: `${area}: melnraksts vairs nav vajadzīgs`, apply: () => (files.delete(scrap), deleted.push(scrap), []) });
    }
    positions.forEach((p, q) => {
      const edits = 1 + ((m + q) % 3);
      for (let e = 0; e < edits; e++) {
        events.push({
          at: opened + (3 + e * 4 + q) * day + q * 600_000,
          message: `${p.id}: ${e + 2}. versija`,
          apply: () => {
            p.version++;
            p.own = `Pozīcijas ${p.id} ${p.version}. versijas teksts, sanāksme ${date}, labojums ${++seq}.`;
            p.clearance.clear();
            p.status = 'draft';
            write(p.path, rendered(p));
            return [];
          },
        });
      }
      CLEARING.forEach((code, c) => {
        const asked = opened + (3 + edits * 4 + q) * day + c * 3600_000;
        events.push({
          at: asked,
          message: `${p.id}: nosūtīta saskaņošanai ${code}`,
          apply: () => {
            p.clearance.set(code, { status: 'pending', date: stamp(asked), ref: `Vēstule Nr. ${seq++}` });
            write(p.path, rendered(p));
            return [];
          },
        });
        const answered = asked + (2 + c) * day;
        if (ahead && (q + c) % 2 === 0) return;
        events.push({
          at: answered,
          message: `${p.id}: ${code} saskaņo`,
          apply: () => {
            p.clearance.set(code, { status: 'cleared', date: stamp(answered), ref: `${code} e-pasts, ${stamp(answered)}` });
            if (CLEARING.every((k) => p.clearance.get(k)?.status === 'cleared')) p.status = 'cleared';
            write(p.path, rendered(p));
            return [];
          },
        });
      });
      // One position in seven moves to the area's shared folder later on.
      if ((m * 5 + q) % 7 === 3) {
        events.push({
          at: meetingAt + 30 * day + q * 3600_000,
          message: `${p.id}: pārvietota uz kopīgajām pozīcijām`,
          apply: () => {
            const to = `positions/${area}/kopigas/${p.id}.yaml`;
            files.delete(p.path);
            deleted.push(p.path);
            const old = p.path;
            p.path = to;
            write(to, rendered(p));
            return [old];
          },
        });
      }
    });
    events.push({ at: meetingAt - 2 * day, message: `${meetingPath}: fona informācija precizēta`, apply: () => (write(meetingPath, `${files.get(meetingPath) ?? ''}# Precizēts ${date}.\n`), []) });
  }
  events.sort((a, b) => a.at - b.at);

  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks: Buffer[] = [];
  const put = (text: string) => chunks.push(Buffer.from(text));
  const data = (text: string) => {
    const bytes = Buffer.from(text);
    put(`data ${bytes.length}\n`);
    chunks.push(bytes, Buffer.from('\n'));
  };
  let commits = 0;
  const commit = (at: number, message: string) => {
    const seconds = Math.floor(at / 1000);
    const who = ['Anna Ozola <anna@izm.example>', 'Jānis Bērziņš <janis@izm.example>', 'Līga Kalniņa <liga@izm.example>'][commits % 3];
    put(`commit refs/heads/main\nauthor ${who} ${seconds} +0200\ncommitter ${who} ${seconds} +0200\n`);
    data(message);
    for (const path of deleted.splice(0)) put(`D ${path}\n`);
    for (const path of [...changedPaths].sort()) {
      put(`M 100644 inline ${path}\n`);
      data(files.get(path) ?? '');
    }
    changedPaths.clear();
    commits++;
  };
  commit(start - 30 * day, 'Briefing projekts');
  for (const event of events) {
    event.apply();
    commit(event.at, event.message);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks), maxBuffer: 64 * 1024 * 1024 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  execFileSync('git', ['gc', '-q'], { cwd: dir });
  return commits;
}

/** The example meeting's question texts, in order. */
function questionsOf(meetingText: string): string[] {
  const questions: unknown = parseDocument(meetingText).toJS().questions;
  if (!Array.isArray(questions)) throw new Error('the example meeting has no questions');
  return questions.map((q: unknown) => (typeof q === 'object' && q !== null && 'text' in q && typeof q.text === 'string' ? q.text : ''));
}

function meetingFileText(meetingText: string, questionTexts: readonly string[], date: string, area: string, m: number, positions: readonly Position[]): string {
  const meeting = parseDocument(meetingText);
  meeting.set('date', date);
  meeting.set('file_code', `IZMzin_${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}_${area.toUpperCase()}${m + 1}`);
  meeting.set(
    'questions',
    positions.map((p, q) => ({ text: `${questionTexts[q % questionTexts.length] ?? ''} (${q + 1})`, position: p.id })),
  );
  return meeting.toString();
}

function positionText(examples: readonly string[], p: Position): string {
  const doc = parseDocument(examples[Number(p.example)] ?? '');
  doc.set('id', p.id);
  doc.set('version', p.version);
  doc.set('status', p.status);
  const body = String(doc.get('body'));
  const paragraphs = body.trimEnd().split('\n\n');
  paragraphs.splice(1, 0, p.own);
  const text = doc.createNode(`${paragraphs.join('\n\n')}\n`);
  text.type = 'BLOCK_LITERAL';
  doc.set('body', text);
  doc.set('clearance', Object.fromEntries([...p.clearance].map(([code, entry]) => [code, { ...entry }])));
  return doc.toString();
}

const [target, ...rest] = process.argv.slice(2);
if (target && process.argv[1] && resolve(process.argv[1]).endsWith(join('bench', 'history.ts'))) {
  const count = rest[0] === '--meetings' ? Number(rest[1]) : 300;
  const repoRoot = resolve(import.meta.dirname, '..');
  if (existsSync(target) && readdirSync(target).length) throw new Error(`${target} is not empty`);
  const commits = makeHistory(repoRoot, resolve(target), count);
  console.log(`${target}: ${count} meetings, ${commits} commits`);
}

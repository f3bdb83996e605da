/** Stopping every conversion when the process is stopped: a flag every thread shares, no office started after it, and each running office and its folder removed. */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { STOP_SIGNALS } from '../util/process.js';
import { folderPrefix, removeRunFolder, temporaryFolder } from './run-folder.js';
import { send, runs, descendants } from './office-processes.js';

let removingOnSignal = false;

/**
 * Memory every thread of the process shares (a worker joins it, {@link joinStop}): at {@link STOPPING},
 * 1 once this process is stopping (a signal), after which no conversion starts nor is one tried
 * again; at {@link STARTING}, how many threads are making a conversion's folder and starting its
 * office right now. The signal comes to the main thread, which stops every office: a worker thread
 * that did not know took its run stopped for a broken report and converted each of its reports again
 * on its own; one that started its office just after the main thread had looked for offices left it
 * running after the process ended, writing its profile into a folder made again.
 */
let stopMemory = new SharedArrayBuffer(8);
let stopFlag = new Int32Array(stopMemory);
const STOPPING = 0;
const STARTING = 1;

/** The memory that says this process is stopping, for the worker threads it starts (handed to {@link joinStop}). */
export function sharedStop(): SharedArrayBuffer {
  return stopMemory;
}

/** Makes this worker thread stop its conversions when the thread that started it stops the process's. */
export function joinStop(memory: SharedArrayBuffer): void {
  stopMemory = memory;
  stopFlag = new Int32Array(memory);
}

/** Whether this process is stopping, as any of its threads has said. */
export function isStopping(): boolean {
  return Atomics.load(stopFlag, STOPPING) === 1;
}

/**
 * Runs `start` (a conversion's folder and office) unless this process is stopping; undefined if it
 * is. A stop waits for a `start` under way ({@link stopConversions}), so what it makes is there to
 * be stopped and removed: said starting before the stopping flag is read, and the flag set before the
 * starters are counted, either this thread sees the flag or the stop sees this thread.
 */
export function unlessStopping<T>(start: () => T): T | undefined {
  Atomics.add(stopFlag, STARTING, 1);
  try {
    return isStopping() ? undefined : start();
  } finally {
    Atomics.sub(stopFlag, STARTING, 1);
    Atomics.notify(stopFlag, STARTING);
  }
}

/** Why a conversion cut short by the process stopping has no PDF. */
export const STOPPED = 'it was stopped, as briefing was';

/**
 * Makes Ctrl-C (or a CI job's SIGTERM) remove the conversion folders of this process before it
 * stops: each holds a copy of a report and a LibreOffice profile, and a stopped batch left
 * them in the temporary folder for good. Call it on the main thread (only it gets signals);
 * the signal is then raised again, so the process ends as it would have.
 */
export function removeFoldersOnSignal(): void {
  if (removingOnSignal) return;
  removingOnSignal = true;
  const onSignal = (signal: NodeJS.Signals) => {
    stopConversions();
    for (const each of STOP_SIGNALS) process.removeListener(each, onSignal);
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}

/**
 * Stops the conversions running in this process and removes their folders: for a process that
 * is about to stop (a signal). LibreOffice first: a SIGTERM reaches this process alone (Ctrl-C
 * reaches the whole group), and a conversion left running writes its profile folder again after
 * it was removed.
 */
export function stopConversions(): void {
  Atomics.store(stopFlag, STOPPING, 1);
  waitForStarters();
  stopStarted();
  // Looked for again until none is left, for two seconds at most: on a loaded machine a folder could not be emptied at
  // the first try (a process just killed still finishing a write), and was left behind (CI, 2026-12-06).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + 2000;
  let left = ownRunFolders();
  while (left.length) {
    // Each on its own: one that cannot be removed (an office that outlived the wait still writing into it) leaves the others removed.
    for (const folder of left) {
      try {
        removeRunFolder(folder);
      } catch {
        // Tried again below, while there is time: stopping matters more.
      }
    }
    left = ownRunFolders();
    if (!left.length || Date.now() >= until) return;
    // Any office that outlived the first stop is stopped again, and what is left removed after a pause.
    stopStarted();
    Atomics.wait(pause, 0, 0, 50);
  }
}

/** The conversion folders of this process in the temporary folder (none where it cannot be read). */
function ownRunFolders(): string[] {
  try {
    return readdirSync(temporaryFolder())
      .filter((name) => name.startsWith(folderPrefix()))
      .map((name) => join(temporaryFolder(), name));
  } catch {
    return [];
  }
}

/** Waits (two seconds at most) until no thread is between making a conversion's folder and starting its office. */
function waitForStarters(): void {
  const until = Date.now() + 2000;
  for (let now = Atomics.load(stopFlag, STARTING); now > 0 && Date.now() < until; now = Atomics.load(stopFlag, STARTING)) {
    Atomics.wait(stopFlag, STARTING, now, 50);
  }
}

/**
 * Stops every process this one started (the conversions of every thread), and waits up to a
 * second in all until none of them runs: one that is still running could write into a folder after
 * it is removed. A stopped process that its parent has not yet collected (a zombie) no longer runs.
 */
function stopStarted(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let waited = 0;
  // Again until none runs: one may have started another (the office its main program) meanwhile.
  for (let round = 0; round < 5; round++) {
    // Held first (SIGSTOP), until no new one appears: a held process starts no other, so none is
    // orphaned by its parent's end before it is in the list (an orphan is no longer ours to find).
    let started = descendants(process.pid).filter(runs);
    if (!started.length) return;
    for (let hold = 0; hold < 10; hold++) {
      send(started, 'SIGSTOP');
      const now = descendants(process.pid).filter(runs);
      if (now.every((pid) => started.includes(pid))) break;
      started = [...new Set([...started, ...now])];
    }
    send(started, 'SIGKILL');
    for (; waited < 1000 && started.some(runs); waited += 10) Atomics.wait(pause, 0, 0, 10);
  }
}

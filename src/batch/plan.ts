import { fileSha256, projectPath } from '../load/files.js';
import type { TemplateCache } from '../pipeline/build-meeting.js';
import { entryName, outputsIntact, type BuildCache, type CacheEntry } from './cache.js';
import { meetingKey, type KeyContext } from './fingerprint.js';

/** Which meetings can be skipped, and which must be built. */
export interface BuildPlan {
  /** Skipped meetings by project-relative path, with what the cache remembers of them. */
  unchanged: Map<string, CacheEntry>;
  /** Meetings to build, absolute. */
  toBuild: string[];
}

/**
 * Decides, without parsing anything, which meetings are unchanged: the same meeting text,
 * the same key (positions, settings, templates, tool, flags) as at the last good build,
 * and outputs still on disk with the bytes written then. Everything else is built.
 */
export function planBuild(paths: readonly string[], cache: BuildCache, keys: KeyContext, templates: TemplateCache, force: boolean): BuildPlan {
  const plan: BuildPlan = { unchanged: new Map(), toBuild: [] };
  for (const absolute of paths) {
    const path = projectPath(keys.project.root, absolute);
    const entry = force ? undefined : cache.meetings[entryName(path, keys)];
    if (entry && isUnchanged(absolute, entry, keys, templates)) plan.unchanged.set(path, entry);
    else plan.toBuild.push(absolute);
  }
  return plan;
}

/** What {@link isUnchanged} compares: a cache entry, or what a watch remembers of its last build. */
export type LastBuild = Pick<CacheEntry, 'key' | 'meetingHash' | 'template' | 'positions' | 'date' | 'outputs'>;

/**
 * Whether the meeting at `absolute` would build as it did last time: its text, the key of
 * everything else it read (see meetingKey) and the outputs on disk are as `last` recorded them.
 */
export function isUnchanged(absolute: string, last: LastBuild, keys: KeyContext, templates: TemplateCache): boolean {
  const meetingHash = fileSha256(absolute);
  if (meetingHash === undefined || meetingHash !== last.meetingHash) return false;
  const key = meetingKey(keys, { meetingHash, template: last.template, positions: last.positions, date: last.date }, templates, projectPath(keys.project.root, absolute));
  return key === last.key && outputsIntact(keys.project.root, last);
}

import type { Format } from './config.js';

/** One generated file of a report, still in memory: made by the pipeline, written by emit. */
export interface GeneratedFile {
  format: Format | 'manifest';
  /** File name without folder: `<file_code>.<format>`, `<file_code>.manifest.json`. */
  name: string;
  data: string | Uint8Array;
  /** SHA-256 of `data`, computed once where the file is made (the manifest and the cache record it). */
  sha256: string;
}

import type * as Fflate from 'fflate';
import type * as Saxes from 'saxes';

/*
 * Packages started when first called rather than with the command. In dist/ a module is started
 * when the first module that imports it is; a plain `require` call is bundled by esbuild
 * (scripts/build.js) as that package's start on that call, and under vitest it is Node's own
 * require. Only a package can be loaded so: a module of src/ under vitest is TypeScript, which
 * Node's require does not find by its `.js` name.
 */

let fflateModule: typeof Fflate | undefined;
let saxesModule: typeof Saxes | undefined;

/**
 * fflate (zip and deflate). Its start builds its Huffman tables and loads node:worker_threads,
 * 4–6 ms of every command that imports it, while `check` and `diff` of a project without a
 * reference DOCX zip and unzip nothing (docs/performance.md, rows 2b and 6).
 */
export function fflate(): typeof Fflate {
  const loaded: typeof Fflate = fflateModule ?? require('fflate');
  fflateModule = loaded;
  return loaded;
}

/** saxes (the XML parser of a reference DOCX and of a reviewed one), with xmlchars' character classes, which its start compiles. */
export function saxes(): typeof Saxes {
  const loaded: typeof Saxes = saxesModule ?? require('saxes');
  saxesModule = loaded;
  return loaded;
}

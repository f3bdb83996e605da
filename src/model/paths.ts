/*
 * How a path named in a briefing file may be written, by its name alone: the template a
 * meeting names, the project's folders, the output folder, the reference DOCX. check applies
 * these where the path is used (and follows links there, which no name shows); the editors'
 * schemas say them with the same expressions.
 */

/** A `..` segment, between `/` or `\`: refused wherever a path must stay in its folder, even where it would come back (`a/../b`). */
export const UP_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/** The start of an absolute path on any system, `/`, `\` or a drive (`C:`): a config in git is read on Windows too. */
export const ABSOLUTE_START = /^(?:[\\/]|[A-Za-z]:)/;

/** A path that names the folder it is relative to: `.`, `./`, `././`. */
export const SAME_FOLDER = /^\.(?:[\\/]+\.)*[\\/]*$/;

/** A backslash: Windows reads it between folders, other systems as part of a name, so a path in a config shared in git names another file on a colleague's Mac or in CI. */
export const BACKSLASH = /\\/;

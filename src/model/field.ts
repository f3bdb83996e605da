/** Where a block of the report came from: one Markdown field of one input file. */
export interface FieldRef {
  /** `position` or `meeting`. */
  kind: 'position' | 'meeting';
  /** The position id, or the meeting file's project-relative path. */
  id: string;
  /** The position's version (positions only). */
  version?: number;
  /** The field's key path in its YAML file, dot-joined: `body`, `background`, `outcome`, `speaking_points.0`. */
  field: string;
  /** Project-relative path of the YAML file. */
  file: string;
}

declare module 'mdast' {
  interface Data {
    /** Set on each top-level block spliced in from a Markdown field: which field it came from. */
    field?: FieldRef;
  }
}

import { fflate } from './on-first-use.js';

/** What {@link unzipWithin} unpacked, and the first entry it left packed for its size. */
export interface Unzipped {
  files: Record<string, Uint8Array>;
  /**
   * The first entry left packed for its size (what it would unpack to): larger than
   * {@link UnzipLimits.part} by itself, or (`together`) taking what is unpacked past {@link UnzipLimits.together}.
   */
  tooLarge?: { name: string; size: number; together?: true };
  /**
   * The first wanted entry named as one before it, ASCII case aside, as a package's part names are (`files`
   * holds the last): a tool that wrote the zip wrong, or one that meant two readers to read two texts.
   */
  twice?: string;
}

/** The most {@link unzipWithin} unpacks: of one entry, and of all it unpacks together. */
export interface UnzipLimits {
  part: number;
  together: number;
}

/**
 * Unpacks the entries of a zip that `wanted` names within `limits`: none larger than `part`,
 * all together no larger than `together`, unpacked. The sizes come from the zip's directory,
 * before anything is unpacked, so a small file that unpacks to gigabytes (a zip bomb) costs
 * nothing; they are counted together too, as a zip may hold any number of entries each within
 * the part's limit (twenty themes of 200 MB took 4 GB). A deflated entry that claims less than it
 * holds is cut at what it claims (fflate unpacks it into a buffer of that size); a stored one is
 * copied as it is packed, so it counts as what it holds (a zip of stored entries claiming 0 bytes,
 * or many pointing at the same data, went past both limits). Nothing more is unpacked after an
 * entry left packed. A wanted entry named as one before it is said in `twice`. Throws what fflate throws for bytes that are not a zip.
 */
export function unzipWithin(bytes: Uint8Array, limits: UnzipLimits, wanted: (name: string) => boolean = () => true): Unzipped {
  let tooLarge: Unzipped['tooLarge'];
  let twice: string | undefined;
  // Each name seen, ASCII case aside, and as written.
  const names = new Map<string, string>();
  let unpacked = 0;
  const files = fflate().unzipSync(bytes, {
    filter: ({ name, size: packed, originalSize, compression }) => {
      const folded = name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
      const before = names.get(folded);
      if (before !== undefined && (wanted(name) || wanted(before))) twice ??= name;
      names.set(folded, name);
      if (!wanted(name) || tooLarge) return false;
      // fflate copies a stored entry as it is packed, whatever it claims: one claiming 0 bytes was counted as none.
      const size = compression === 0 ? Math.max(packed, originalSize) : originalSize;
      if (size > limits.part) tooLarge = { name, size };
      else if (unpacked + size > limits.together) tooLarge = { name, size, together: true };
      else unpacked += size;
      return !tooLarge;
    },
  });
  return { files, ...(tooLarge ? { tooLarge } : {}), ...(twice === undefined ? {} : { twice }) };
}

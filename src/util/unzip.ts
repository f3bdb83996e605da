import { unzipSync } from 'fflate';

/** What {@link unzipWithin} unpacked, and the first entry it left packed for its size. */
export interface Unzipped {
  files: Record<string, Uint8Array>;
  tooLarge?: { name: string; size: number };
}

/**
 * Unpacks the entries of a zip that `wanted` names, none larger than `maxBytes` unpacked. The
 * sizes come from the zip's directory, before anything is unpacked, so a small file that
 * unpacks to gigabytes (a zip bomb) costs nothing. Throws what fflate throws for bytes that
 * are not a zip.
 */
export function unzipWithin(bytes: Uint8Array, maxBytes: number, wanted: (name: string) => boolean = () => true): Unzipped {
  let tooLarge: Unzipped['tooLarge'];
  const files = unzipSync(bytes, {
    filter: ({ name, originalSize }) => {
      if (!wanted(name)) return false;
      if (originalSize <= maxBytes) return true;
      tooLarge ??= { name, size: originalSize };
      return false;
    },
  });
  return { files, ...(tooLarge ? { tooLarge } : {}) };
}

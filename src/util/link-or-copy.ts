import { copyFileSync, linkSync, unlinkSync } from 'node:fs';

/** Where a hard link cannot be made at all: another file system, or one without links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK']);

/**
 * Puts `from` at `to` as a hard link (no bytes copied), or as a copy where no link
 * can be made. A file already at `to` is replaced, never written through: it may be
 * a link to another cache entry, which a copy onto it would overwrite. Any other
 * error (a missing source, a full disk) is thrown.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      unlinkSync(to);
      return linkOrCopy(from, to);
    }
    if (!NO_LINK.has(code)) throw error;
  }
  copyFileSync(from, to);
}

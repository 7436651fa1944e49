import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /**
   * Flush the file to disk before renaming it into place (the default), so that a power
   * cut cannot leave an empty file. Bulk documents that a re-run regenerates skip it: it
   * costs about half a millisecond per file.
   */
  readonly durable?: boolean;
}

/** Folders known to exist, so that writing many files into one folder makes it once. */
const madeFolders = new Set<string>();

/**
 * Write a file atomically: the whole content goes to a new temporary file beside it, which
 * is then renamed over the target, so a reader never sees a half-written file and a full
 * disk leaves the old file (or none) in place. A file that already holds exactly this
 * content is left alone, so a re-run touches nothing.
 */
export function writeFileAtomically(path: string, content: string | Buffer, options: WriteOptions = {}): void {
  const folder = dirname(path);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (holds(path, bytes)) return;

  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // writeFileSync writes every byte or throws (ENOSPC on a full disk); 'wx' never follows
    // a link planted at the temporary name.
    const descriptor = openSync(temporary, 'wx', 0o644);
    try {
      writeFileSync(descriptor, bytes);
      if (options.durable !== false) fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never created, or is already gone.
    }
    throw error;
  }
}

function holds(path: string, bytes: Buffer): boolean {
  try {
    return statSync(path).size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

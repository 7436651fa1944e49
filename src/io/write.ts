import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

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
 * Write a file atomically: the content goes to a temporary file beside it, which is then
 * renamed over the target, so a reader never sees a half-written file. A file that
 * already holds exactly this content is left alone, so a re-run touches nothing.
 */
export function writeFileAtomically(path: string, content: string | Buffer, options: WriteOptions = {}): void {
  const folder = dirname(path);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (holds(path, bytes)) return;
  writeFileAtomic.sync(path, bytes, { fsync: options.durable !== false });
}

function holds(path: string, bytes: Buffer): boolean {
  try {
    return statSync(path).size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

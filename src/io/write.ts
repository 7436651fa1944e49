import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file atomically: the content goes to a temporary file beside it, which is then
 * renamed over the target, so a reader never sees a half-written file.
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, content);
}

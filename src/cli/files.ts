import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { UserError } from '../errors.js';
import { cliMessages } from '../i18n/cli.js';
import { writeFileAtomically, type WriteOptions } from '../io/write.js';

/** Show a path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

/**
 * Reject an output path that is, or links to, an input file: inputs are never changed.
 * Only a target that already exists can be an input, so a new file costs one failed lookup.
 */
export function rejectInputAsOutput(target: string, inputs: readonly string[]): void {
  let written: string;
  try {
    written = realpathSync(target);
  } catch {
    return;
  }
  if (inputs.some((input) => realPath(input) === written)) throw new UserError((lang) => cliMessages[lang].wouldOverwriteInput(target));
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Write one output file; a file-system failure is the user's to fix (exit code 1), not a bug. */
export function writeOutput(path: string, content: string | Buffer, options?: WriteOptions): void {
  try {
    writeFileAtomically(path, content, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError((lang) => cliMessages[lang].writeFailed(path, code));
  }
}

export function requireNonEmpty(option: string, value: string): void {
  if (value.trim() !== '') return;
  throw new UserError((lang) => cliMessages[lang].emptyValue(option));
}

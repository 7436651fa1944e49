import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
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

/**
 * The folders a run writes into must stay inside the output folder once symbolic links are
 * followed: a link planted at `soluciones/A01` must not send a student's files elsewhere.
 */
// NOTE: the output folder itself is resolved through links, so an `--out` path that passes
// through a link writes where that link leads. Only links inside the folder are rejected.
export class ConfinedFolder {
  private readonly checked = new Set<string>();
  private root: string | undefined;

  constructor(private readonly folder: string) {}

  require(path: string): void {
    const parent = dirname(path);
    if (this.checked.has(parent)) return;
    if (this.root === undefined) {
      try {
        mkdirSync(this.folder, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new UserError((lang) => cliMessages[lang].writeFailed(this.folder, code));
      }
      this.root = realpathSync(this.folder);
    }
    // The nearest existing folder decides where the missing ones would be made.
    let existing = parent;
    while (!existsSync(existing)) existing = dirname(existing);
    this.requireInside(parent, realpathSync(existing));
    try {
      mkdirSync(parent, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UserError((lang) => cliMessages[lang].writeFailed(parent, code));
    }
    this.requireInside(parent, realpathSync(parent));
    this.checked.add(parent);
  }

  private requireInside(folder: string, real: string): void {
    if (real === this.root || real.startsWith(`${this.root}${sep}`)) return;
    throw new UserError((lang) => cliMessages[lang].homework.outsideOutput(folder, real));
  }
}


import type { CliMessages } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import type { CliIo } from './io.js';

/** The language, texts and I/O that every command handler receives besides its options. */
export interface CommandContext {
  readonly lang: Lang;
  readonly messages: CliMessages;
  readonly io: CliIo;
  /** Every option name the commands define, for suggesting one when an option is mistyped. */
  readonly optionNames: string[];
  /** Set by the handler: the work to run once parsing has succeeded. */
  action?: () => void | Promise<void>;
}

/** Print a progress line unless --quiet was given. */
export function report(context: CommandContext, quiet: boolean, line: string): void {
  if (!quiet) context.io.stdout(`${line}\n`);
}

/** yargs coerce for single-valued options: a repeated option keeps its last value. */
export function lastValue<T>(value: T | T[]): T {
  return Array.isArray(value) ? (value[value.length - 1] as T) : value;
}

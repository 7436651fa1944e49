import yargs from 'yargs';
import { UserError } from '../errors.js';
import { cliMessages, type CliMessages } from '../i18n/cli.js';
import { closestName } from '../network/suggest.js';
import { defaultLang, isLang, type Lang } from '../i18n/lang.js';
import { deriveCommand } from './commands/derive.js';
import { gradeCommand } from './commands/grade.js';
import { handoutCommand } from './commands/handout.js';
import { homeworkCommand } from './commands/homework.js';
import { labCommand } from './commands/lab.js';
import { lastValue, type CommandContext } from './context.js';
import { processIo, type CliIo } from './io.js';

export const exitCodes = { ok: 0, userError: 1, internalError: 2 } as const;

/**
 * Run the CLI on `argv` (without the node and script paths) and return the exit code:
 * 0 on success, 1 on a user error (bad spec, bad option), 2 on an internal error.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const lang = languageOf(argv);
  const messages = cliMessages[lang];
  const context: CommandContext = { lang, messages, io, optionNames: ['lang', 'quiet', 'help'] };

  const parser = yargs(argv)
    .scriptName('cadena')
    .locale(lang)
    // yargs also accepts { one, other } plural forms here, which its types do not declare.
    .updateStrings(messages.yargsStrings as Record<string, string>)
    .usage(messages.usage)
    .option('lang', { type: 'string', choices: ['es', 'en'], default: defaultLang, describe: messages.lang, global: true, coerce: lastValue })
    .option('quiet', { type: 'boolean', describe: messages.quiet, global: true })
    .command(deriveCommand(context))
    .command(homeworkCommand(context))
    .command(gradeCommand(context))
    .command(labCommand(context))
    .command(handoutCommand(context))
    .parserConfiguration({ 'camel-case-expansion': false })
    .demandCommand(1)
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .epilogue(messages.epilogue)
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .exitProcess(false);

  const parsed = await new Promise<{ error: Error | null; output: string }>((done) => {
    parser.parse(argv, {}, (error, _args, output) => done({ error: error ?? null, output }));
  });
  if (parsed.error !== null) {
    const hint = suggestOption(argv, context.optionNames, messages);
    io.stderr(`${parsed.error.message}${hint}\n${messages.seeHelp}\n`);
    return exitCodes.userError;
  }
  if (parsed.output !== '') io.stdout(`${parsed.output}\n`);
  if (context.action === undefined) return exitCodes.ok;

  try {
    await context.action();
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`${error.messageIn(lang)}\n`);
      return exitCodes.userError;
    }
    io.stderr(`${messages.internalError(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.CADENA_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return exitCodes.internalError;
  }
}

/** Suggest the closest known option for the first unknown `--option` in argv, or return ''. */
function suggestOption(argv: string[], known: string[], messages: CliMessages): string {
  const names = known.filter((name) => name.length > 1);
  for (const arg of argv) {
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0]!.replace(/^no-/, '');
    if (names.includes(name)) continue;
    const closest = closestName(name, names);
    return closest === undefined ? '' : ` ${messages.didYouMean(closest)}`;
  }
  return '';
}

/** Find the language requested with --lang before parsing, so that help is localized. */
function languageOf(argv: string[]): Lang {
  let lang: Lang = defaultLang;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (isLang(value)) lang = value;
  }
  return lang;
}

import { basename, extname, join, resolve } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { labDocument } from '../../lab/document.js';
import { loadLab } from '../../lab/load.js';
import { runCount } from '../../lab/run.js';
import { labWorkFault } from '../../lab/work.js';
import { UserError } from '../../errors.js';
import { cliMessages } from '../../i18n/cli.js';
import { lastValue, report, type CommandContext } from '../context.js';
import { writeDocument } from '../documents.js';
import { displayPath, requireNonEmpty } from '../files.js';
import { numberOption, parseFormats, splitList } from '../options.js';
import { requirePrintableLab } from '../lab-print.js';
import { Progress } from '../progress.js';

const labFormats = ['md', 'pdf'] as const;
type LabFormat = (typeof labFormats)[number];

interface LabArguments {
  spec: string;
  format?: string[];
  out?: string;
  paper?: string;
  seeds?: string;
  quiet?: boolean;
}

/** `cadena lab SPEC`: trains the spec's experiments and writes the handout as Markdown and PDF. */
export function labCommand(context: CommandContext): CommandModule<object, LabArguments> {
  const m = context.messages.lab;
  const options: Record<string, Options> = {
    format: { type: 'string', array: true, describe: m.format },
    out: { type: 'string', describe: m.out },
    paper: { type: 'string', choices: ['a4', 'letter'], describe: m.paper },
    seeds: { type: 'string', describe: m.seeds },
  };
  for (const option of Object.values(options)) if (option.array !== true) option.coerce = lastValue;
  context.optionNames.push(...Object.keys(options));

  return {
    command: 'lab <spec>',
    describe: m.describe,
    builder: (yargs: Argv) =>
      yargs
        .positional('spec', { type: 'string', describe: m.spec, demandOption: true })
        .options(options)
        .example('$0 lab exercises/xor.yaml', m.example) as unknown as Argv<LabArguments>,
    handler: (args) => {
      context.action = () => runLabCommand(context, args);
    },
  };
}

async function runLabCommand(context: CommandContext, args: LabArguments): Promise<void> {
  const { cwd } = context.io;
  requireNonEmpty('spec', args.spec);
  if (args.out !== undefined) requireNonEmpty('--out', args.out);
  if (args.format !== undefined && splitList(args.format).length === 0) requireNonEmpty('--format', '');
  const formats = parseFormats<LabFormat>(args.format, labFormats, ['md', 'pdf']);
  const seeds = numberOption('seeds', args.seeds, 'seeds');
  const specPath = resolve(cwd, args.spec);
  const loaded = loadLab(specPath, args.spec);
  const spec = seeds === undefined ? loaded : { ...loaded, seeds };
  if (seeds !== undefined) {
    const fault = labWorkFault(spec, true);
    if (fault !== undefined) throw new UserError((lang) => cliMessages[lang].lab.tooMuchWork(args.spec, seeds, fault[lang]));
  }
  const outDirectory = resolve(cwd, args.out ?? join('output', basename(specPath, extname(specPath))));
  const quiet = args.quiet === true;
  if (formats.includes('pdf')) await requirePrintableLab(spec, args.spec);

  const total = runCount(spec);
  const progress = new Progress(context.io, context.io.isTTY && !quiet, context.messages.lab.runs, total);
  let done = 0;
  const document = labDocument(spec, context.lang, () => progress.update(++done));

  const paper = args.paper === 'letter' ? 'LETTER' : 'A4';
  const main = await writeDocument(context, document, { outDirectory, formats, lang: context.lang, paper, inputs: [specPath], quiet });
  report(context, quiet, context.messages.lab.done(total, displayPath(cwd, main)));
}

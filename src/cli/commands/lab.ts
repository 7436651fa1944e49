import { basename, extname, join, resolve } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { lastValue, report, type CommandContext } from '../context.js';
import { writeDocument } from '../documents.js';
import { displayPath, requireNonEmpty } from '../files.js';
import { loadLabWithSeeds, requirePrintableLab, trainLab } from '../lab-spec.js';
import { parseFormats, splitList } from '../options.js';

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
  const specPath = resolve(cwd, args.spec);
  const spec = loadLabWithSeeds(specPath, args.spec, args.seeds);
  const outDirectory = resolve(cwd, args.out ?? join('output', basename(specPath, extname(specPath))));
  const quiet = args.quiet === true;
  if (formats.includes('pdf')) await requirePrintableLab(spec, args.spec);

  const { document, runs } = trainLab(context, spec, quiet);

  const paper = args.paper === 'letter' ? 'LETTER' : 'A4';
  const main = await writeDocument(context, document, { outDirectory, formats, lang: context.lang, paper, inputs: [specPath], quiet });
  report(context, quiet, context.messages.lab.done(runs, displayPath(cwd, main)));
}

import { basename, extname, join, resolve } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { derive } from '../../derivation/derive.js';
import { bundleMarkdown } from '../../lab/bundle.js';
import { loadProblem, requireLearningRate } from '../../network/load.js';
import { solutionImages } from '../../render/images.js';
import { solutionMarkdown } from '../../render/markdown.js';
import { lastValue, report, type CommandContext } from '../context.js';
import { writeDocument } from '../documents.js';
import { displayPath, requireNonEmpty } from '../files.js';
import { loadLabWithSeeds, requirePrintableLab, trainLab } from '../lab-spec.js';
import { numberOption, parseFormats, splitList } from '../options.js';

const handoutFormats = ['md', 'pdf'] as const;
type HandoutFormat = (typeof handoutFormats)[number];

interface HandoutArguments {
  lab: string;
  network: string;
  format?: string[];
  out?: string;
  paper?: string;
  seeds?: string;
  lr?: string;
  quiet?: boolean;
}

/** `cadena handout LAB NETWORK`: the network's worked solution and the lab in one document. */
export function handoutCommand(context: CommandContext): CommandModule<object, HandoutArguments> {
  const m = context.messages.handout;
  const options: Record<string, Options> = {
    format: { type: 'string', array: true, describe: context.messages.lab.format },
    out: { type: 'string', describe: m.out },
    paper: { type: 'string', choices: ['a4', 'letter'], describe: context.messages.lab.paper },
    seeds: { type: 'string', describe: context.messages.lab.seeds },
    lr: { type: 'string', describe: context.messages.derive.lr },
  };
  for (const option of Object.values(options)) if (option.array !== true) option.coerce = lastValue;
  context.optionNames.push(...Object.keys(options));

  return {
    command: 'handout <lab> <network>',
    describe: m.describe,
    builder: (yargs: Argv) =>
      yargs
        .positional('lab', { type: 'string', describe: m.lab, demandOption: true })
        .positional('network', { type: 'string', describe: m.network, demandOption: true })
        .options(options)
        .example('$0 handout exercises/xor.yaml exercises/clase6.yaml', m.example) as unknown as Argv<HandoutArguments>,
    handler: (args) => {
      context.action = () => runHandout(context, args);
    },
  };
}

async function runHandout(context: CommandContext, args: HandoutArguments): Promise<void> {
  const { cwd } = context.io;
  requireNonEmpty('lab', args.lab);
  requireNonEmpty('network', args.network);
  if (args.out !== undefined) requireNonEmpty('--out', args.out);
  if (args.format !== undefined && splitList(args.format).length === 0) requireNonEmpty('--format', '');
  const formats = parseFormats<HandoutFormat>(args.format, handoutFormats, ['md', 'pdf']);
  const labPath = resolve(cwd, args.lab);
  const networkPath = resolve(cwd, args.network);
  const spec = loadLabWithSeeds(labPath, args.lab, args.seeds);
  const problem = requireLearningRate(loadProblem(networkPath, args.network), numberOption('lr', args.lr, 'positive'), args.network);
  const outDirectory = resolve(cwd, args.out ?? join('output', basename(labPath, extname(labPath))));
  const quiet = args.quiet === true;
  if (formats.includes('pdf')) await requirePrintableLab(spec, args.lab);

  const derivation = derive(problem);
  const solution = solutionMarkdown(derivation, { lang: context.lang, format: problem.display });
  const { document: lab, runs } = trainLab(context, spec, quiet);
  const images = new Map([...solutionImages(derivation, problem.display), ...lab.images]);
  const document = { baseName: context.messages.handout.fileBase, markdown: bundleMarkdown(lab.markdown, solution, context.messages.handout.labHeading), images };

  const paper = args.paper === 'letter' ? 'LETTER' : 'A4';
  const main = await writeDocument(context, document, { outDirectory, formats, lang: context.lang, paper, inputs: [labPath, networkPath], quiet });
  report(context, quiet, context.messages.handout.done(runs, displayPath(cwd, main)));
}

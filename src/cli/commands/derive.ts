import { basename, extname, join, resolve } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { derive } from '../../derivation/derive.js';
import { UserError } from '../../errors.js';
import { cliMessages } from '../../i18n/cli.js';
import { loadProblem, requireLearningRate } from '../../network/load.js';
import { parseParameterName, sameParameter, type ParameterRef } from '../../network/notation.js';
import type { Problem, Rounding } from '../../network/spec.js';
import { solutionJson } from '../../render/json.js';
import { solutionImages } from '../../render/images.js';
import { solutionMarkdown } from '../../render/markdown.js';
import { lastValue, report, type CommandContext } from '../context.js';
import { displayPath, rejectInputAsOutput, requireNonEmpty, writeOutput } from '../files.js';
import { numberOption, parseFormats, splitList } from '../options.js';

const deriveFormats = ['md', 'pdf', 'json'] as const;
type DeriveFormat = (typeof deriveFormats)[number];

interface DeriveArguments {
  spec: string;
  param?: string[];
  digits?: number;
  rounding?: Rounding;
  'decimal-comma'?: boolean;
  lr?: number;
  'max-paths'?: number;
  format?: string[];
  out?: string;
  paper?: string;
  quiet?: boolean;
}

/** `cadena derive SPEC`: the worked solution of one network as Markdown and JSON. */
export function deriveCommand(context: CommandContext): CommandModule<object, DeriveArguments> {
  const m = context.messages.derive;
  const options: Record<string, Options> = {
    param: { type: 'string', array: true, describe: m.param },
    digits: { type: 'string', describe: m.digits },
    rounding: { type: 'string', choices: ['round', 'truncate'], describe: m.rounding },
    'decimal-comma': { type: 'boolean', describe: m.decimalComma },
    lr: { type: 'string', describe: m.lr },
    'max-paths': { type: 'string', describe: m.maxPaths },
    format: { type: 'string', array: true, describe: m.format },
    out: { type: 'string', describe: m.out },
    paper: { type: 'string', choices: ['a4', 'letter'], describe: m.paper },
  };
  for (const option of Object.values(options)) if (option.array !== true) option.coerce = lastValue;
  context.optionNames.push(...Object.keys(options));

  return {
    command: 'derive <spec>',
    describe: m.describe,
    builder: (yargs: Argv) =>
      yargs
        .positional('spec', { type: 'string', describe: m.spec, demandOption: true })
        .options(options)
        .example('$0 derive exercises/clase6.yaml --rounding truncate', m.example) as unknown as Argv<DeriveArguments>,
    handler: (args) => {
      context.action = () => runDerive(context, args);
    },
  };
}

async function runDerive(context: CommandContext, args: DeriveArguments): Promise<void> {
  requireNonEmpty('spec', args.spec);
  if (args.out !== undefined) requireNonEmpty('--out', args.out);
  if (args.format !== undefined && splitList(args.format).length === 0) requireNonEmpty('--format', '');
  const specPath = resolve(context.io.cwd, args.spec);
  const spec = loadProblem(specPath, args.spec);
  const problem = applyOverrides(requireLearningRate(spec, numberOption('lr', args.lr, 'positive'), args.spec), args);
  const formats = parseFormats<DeriveFormat>(args.format, deriveFormats, ['md']);
  // Parameter names contain commas (w_{1,2}^{[2]}), so --param is split only on spaces.
  const names = args.param?.flatMap((item) => String(item).split(/\s+/)).filter((name) => name !== '');
  if (names !== undefined && names.length === 0) requireNonEmpty('--param', '');
  const parameters = names === undefined ? undefined : uniqueParameters(names.map(parseParameter));

  const derivation = derive(problem, { parameters });
  const outDirectory = resolve(context.io.cwd, args.out ?? join('output', basename(specPath, extname(specPath))));
  const files: [string, string | Buffer][] = [];
  const baseName = context.lang === 'es' ? 'solucion' : 'solution';
  const markdown = solutionMarkdown(derivation, { lang: context.lang, format: problem.display });
  const images = formats.includes('md') || formats.includes('pdf') ? solutionImages(derivation, problem.display) : new Map<string, string>();
  if (formats.includes('md')) {
    files.push([`${baseName}.md`, markdown]);
    for (const [name, svg] of images) files.push([name, svg]);
  }
  if (formats.includes('pdf')) {
    const paper = args.paper === 'letter' ? 'LETTER' : 'A4';
    // Loaded only when asked for: MathJax and pdfkit take memory and startup time.
    const { markdownToPdf } = await import('../../render/pdf/markdown-pdf.js');
    const pdf = await markdownToPdf(markdown, { lang: context.lang, paper, documentName: `${baseName}.md`, images });
    files.push([`${baseName}.pdf`, pdf]);
  }
  if (formats.includes('json')) files.push(['derivation.json', solutionJson(derivation)]);

  const targets = files.map(([name]) => join(outDirectory, name));
  for (const target of targets) rejectInputAsOutput(target, [specPath]);
  for (const [name, content] of files) {
    const path = join(outDirectory, name);
    writeOutput(path, content);
    if (!name.endsWith('.svg')) report(context, args.quiet === true, context.messages.wrote(displayPath(context.io.cwd, path)));
  }
}

function applyOverrides(problem: Problem, args: DeriveArguments): Problem {
  const display = {
    ...problem.display,
    ...(args.digits !== undefined && { digits: numberOption('digits', args.digits, 'digits')! }),
    ...(args.rounding !== undefined && { rounding: args.rounding }),
    ...(args['decimal-comma'] !== undefined && { decimalComma: args['decimal-comma'] }),
    ...(args['max-paths'] !== undefined && { maxPaths: numberOption('max-paths', args['max-paths'], 'maxPaths')! }),
  };
  return { ...problem, display };
}

function uniqueParameters(parameters: ParameterRef[]): ParameterRef[] {
  return parameters.filter((p, index) => parameters.findIndex((q) => sameParameter(p, q)) === index);
}

function parseParameter(text: string): ParameterRef {
  const parsed = parseParameterName(text);
  if (parsed === null) throw new UserError((lang) => cliMessages[lang].unknownParameter(text));
  return parsed;
}

import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { derive } from '../../derivation/derive.js';
import { UserError } from '../../errors.js';
import { documentNames, drawVariants, safeFolderName } from '../../homework/generate.js';
import { answerKeyCsv, answerKeyJson, type CsvStyle } from '../../homework/key.js';
import { loadHomework } from '../../homework/load.js';
import { loadRoster } from '../../homework/roster.js';
import { homeworkSheetMarkdown, solutionHeading } from '../../homework/sheet.js';
import type { HomeworkSpec, Student } from '../../homework/spec.js';
import type { Variant } from '../../homework/variant.js';
import { cliMessages } from '../../i18n/cli.js';
import { collectGarbage } from '../../io/memory.js';
import type { Lang } from '../../i18n/lang.js';
import { networkDiagram } from '../../render/diagram.js';
import { diagramFileName, solutionImages } from '../../render/images.js';
import { solutionMarkdown } from '../../render/markdown.js';
import { characterOutsideFonts } from '../../render/pdf/fonts.js';
import { PdfPool } from '../../render/pdf/pool.js';
import { lastValue, report, type CommandContext } from '../context.js';
import { ConfinedFolder, displayPath, rejectInputAsOutput, requireNonEmpty, writeOutput } from '../files.js';
import { parseFormats, splitList } from '../options.js';
import { Progress } from '../progress.js';

const homeworkFormats = ['md', 'pdf'] as const;
type HomeworkFormat = (typeof homeworkFormats)[number];

interface HomeworkArguments {
  spec: string;
  roster?: string;
  secret?: string;
  format?: string[];
  out?: string;
  paper?: string;
  csv?: string;
  quiet?: boolean;
}

/** `cadena homework SPEC --roster FILE`: one variant per student, sheets, solutions and the answer key. */
export function homeworkCommand(context: CommandContext): CommandModule<object, HomeworkArguments> {
  const m = context.messages.homework;
  const options: Record<string, Options> = {
    roster: { type: 'string', describe: m.roster, demandOption: true },
    secret: { type: 'string', describe: m.secret },
    format: { type: 'string', array: true, describe: m.format },
    out: { type: 'string', describe: m.out },
    paper: { type: 'string', choices: ['a4', 'letter'], describe: context.messages.derive.paper },
    csv: { type: 'string', choices: ['semicolon', 'comma'], describe: m.csv },
  };
  for (const option of Object.values(options)) if (option.array !== true) option.coerce = lastValue;
  context.optionNames.push(...Object.keys(options));

  return {
    command: 'homework <spec>',
    describe: m.describe,
    builder: (yargs: Argv) =>
      yargs
        .positional('spec', { type: 'string', describe: m.spec, demandOption: true })
        .options(options)
        .example('$0 homework exercises/tarea-clase6.yaml --roster exercises/lista-clase6.csv', m.example) as unknown as Argv<HomeworkArguments>,
    handler: (args) => {
      context.action = () => runHomework(context, args);
    },
  };
}

async function runHomework(context: CommandContext, args: HomeworkArguments): Promise<void> {
  const { cwd } = context.io;
  requireNonEmpty('spec', args.spec);
  requireNonEmpty('--roster', args.roster ?? '');
  if (args.out !== undefined) requireNonEmpty('--out', args.out);
  if (args.format !== undefined && splitList(args.format).length === 0) requireNonEmpty('--format', '');
  const specPath = resolve(cwd, args.spec);
  const rosterPath = resolve(cwd, args.roster!);
  const spec = loadHomework(specPath, args.spec);
  const students = loadRoster(rosterPath, args.roster);
  const formats = parseFormats<HomeworkFormat>(args.format, homeworkFormats, ['md', 'pdf']);
  const outDirectory = resolve(cwd, args.out ?? join('output', basename(specPath, extname(specPath))));
  const quiet = args.quiet === true;
  const showProgress = context.io.isTTY && !quiet;
  const inputs = [specPath, rosterPath];

  if (formats.includes('pdf')) requirePrintable(spec, students, args.spec, args.roster!);
  rejectInputsInOutput(inputs, outDirectory);
  for (const name of ['answer-key.json', 'answer-key.csv', secretFileName]) rejectInputAsOutput(join(outDirectory, name), inputs);
  const secret = courseSecret(context, args.secret, outDirectory, inputs, quiet);
  requireSameSecret(outDirectory, secret);
  const drawing = new Progress(context.io, showProgress, context.messages.homework.variants, students.length);
  const variants = drawVariants(spec, students, secret, { fileName: args.spec, onVariant: (done) => drawing.update(done) });

  const confined = new ConfinedFolder(outDirectory);
  const write = (relativePath: string, content: string | Buffer, durable = false) => {
    const path = join(outDirectory, relativePath);
    confined.require(path);
    rejectInputAsOutput(path, inputs);
    writeOutput(path, content, { durable });
  };
  const csvStyle: CsvStyle = args.csv === 'comma' ? 'comma' : 'semicolon';
  write('answer-key.json', answerKeyJson(spec, variants, secretCheck(secret)), true);
  write('answer-key.csv', answerKeyCsv(variants, csvStyle), true);

  const documents = new Progress(context.io, showProgress, context.messages.homework.documents, variants.length * 2);
  await writeDocuments(spec, variants, { lang: context.lang, formats, paper: args.paper === 'letter' ? 'LETTER' : 'A4', write, progress: documents });
  report(context, quiet, context.messages.homework.done(variants.length, displayPath(cwd, outDirectory)));
}

interface DocumentOptions {
  readonly lang: Lang;
  readonly formats: readonly HomeworkFormat[];
  readonly paper: 'A4' | 'LETTER';
  readonly write: (relativePath: string, content: string | Buffer) => void;
  readonly progress: Progress;
}

/**
 * Write each student's sheet and worked solution. Markdown is written here and PDFs are
 * rendered by worker threads, which then need neither the symbolic engine nor its memory.
 * Students are prepared only a few ahead of the workers, which bounds memory.
 */
async function writeDocuments(spec: HomeworkSpec, variants: readonly Variant[], options: DocumentOptions): Promise<void> {
  const { lang, formats, paper, write, progress } = options;
  const names = documentNames[lang];
  const pool = formats.includes('pdf') ? new PdfPool() : null;
  const ahead = new Set<Promise<void>>();
  let done = 0;
  const finished = () => progress.update(++done);

  try {
    for (const [index, variant] of variants.entries()) {
      // While workers render, garbage piles up in this thread's heap. A full collection
      // every 50 students kept a batch of 300 near 400 MB (bench/RESULTS.md).
      if (pool !== null && index > 0 && index % 50 === 0) collectGarbage();
      const documents = studentDocuments(spec, variant, lang);
      const folders = { sheet: join(names.sheets, documents.folder), solution: join(names.solutions, documents.folder) };
      if (formats.includes('md')) {
        write(join(folders.sheet, `${names.sheet}.md`), documents.sheet);
        for (const [name, svg] of documents.sheetImages) write(join(folders.sheet, name), svg);
        write(join(folders.solution, `${names.solution}.md`), documents.solution);
        for (const [name, svg] of documents.solutionImages) write(join(folders.solution, name), svg);
      }
      if (pool === null) {
        finished();
        finished();
        continue;
      }

      const pdfs = Promise.all([
        pool.render(documents.sheet, { lang, paper, documentName: `${names.sheet}.md`, images: documents.sheetImages }).then((pdf) => {
          write(join(folders.sheet, `${names.sheet}.pdf`), pdf);
          finished();
        }),
        pool.render(documents.solution, { lang, paper, documentName: `${names.solution}.md`, images: documents.solutionImages }).then((pdf) => {
          write(join(folders.solution, `${names.solution}.pdf`), pdf);
          finished();
        }),
      ]).then(() => undefined);
      ahead.add(pdfs);
      void pdfs.finally(() => ahead.delete(pdfs)).catch(() => undefined);
      while (ahead.size >= 2 * pool.size) await Promise.race(ahead);
    }
    await Promise.all(ahead);
  } finally {
    await pool?.close();
  }
}

/** Build a student's sheet and worked solution as Markdown, with the images each refers to. */
function studentDocuments(spec: HomeworkSpec, variant: Variant, lang: Lang) {
  const { problem } = variant;
  const derivation = derive(problem);
  return {
    folder: safeFolderName(variant.student.id),
    sheet: homeworkSheetMarkdown(spec, variant, lang),
    sheetImages: new Map([[diagramFileName(), networkDiagram(problem.network, { format: problem.display, input: problem.samples[0]!.input })]]),
    solution: solutionMarkdown(derivation, { lang, format: problem.display, ...solutionHeading(spec, variant, lang) }),
    solutionImages: solutionImages(derivation, problem.display),
  };
}

/**
 * Check, before anything is written, that the PDF fonts can draw every text that comes from
 * the roster or the homework file: a name in Chinese script would otherwise fail halfway
 * through the batch.
 */
function requirePrintable(spec: HomeworkSpec, students: readonly Student[], specName: string, rosterName: string): void {
  const fields: [string, string | null][] = [
    ['title', spec.title],
    ['submission.subject', spec.submission.subject],
    ['submission.to', spec.submission.to],
    ['submission.instructions', spec.submission.instructions],
  ];
  for (const [field, text] of fields) {
    const character = text === null ? null : characterOutsideFonts(text);
    if (character !== null) throw new UserError((lang) => cliMessages[lang].homework.unprintable(`${specName}, ${field}`, character));
  }
  for (const student of students) {
    const character = characterOutsideFonts(`${student.name}${student.id}`);
    if (character !== null) throw new UserError((lang) => cliMessages[lang].homework.unprintable(cliMessages[lang].homework.rosterLine(rosterName, student.line), character));
  }
}

/** Compute a one-way fingerprint of the course secret, stored in the answer key to detect a changed secret. */
function secretCheck(secret: string): string {
  return createHmac('sha256', secret.trim()).update('cadena course secret check').digest('hex').slice(0, 16);
}

/** Reject a secret other than the one an existing answer key was made with, because every variant would change. */
function requireSameSecret(outDirectory: string, secret: string): void {
  const keyPath = join(outDirectory, 'answer-key.json');
  if (!existsSync(keyPath)) return;
  let stored: unknown;
  try {
    stored = (JSON.parse(readFileSync(keyPath, 'utf8')) as { secret_check?: unknown }).secret_check;
  } catch {
    return;
  }
  if (typeof stored === 'string' && stored !== secretCheck(secret)) {
    throw new UserError((lang) => cliMessages[lang].homework.secretChanged(keyPath));
  }
}

/**
 * Refuse, before anything is written, an input that lies where this command writes: the
 * keys, the secret, or a student folder. The per-file check in `write` would otherwise stop
 * only when it reached that file, after other outputs were written.
 */
function rejectInputsInOutput(inputs: readonly string[], outDirectory: string): void {
  const folders = new Set([...Object.values(documentNames).flatMap((names) => [names.sheets, names.solutions])]);
  const files = new Set(['answer-key.json', 'answer-key.csv', secretFileName]);
  const out = realOrSelf(outDirectory);
  for (const input of inputs) {
    const inside = relative(out, realOrSelf(input));
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    const [first] = inside.split(sep);
    if (files.has(inside) || (first !== undefined && folders.has(first))) {
      throw new UserError((language) => cliMessages[language].wouldOverwriteInput(input));
    }
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const secretFileName = 'course-secret.txt';

/**
 * Find the course secret: --secret, else CADENA_SECRET, else course-secret.txt in the output
 * folder, created with 32 random bytes the first time so that later runs reuse it.
 */
function courseSecret(context: CommandContext, option: string | undefined, outDirectory: string, inputs: readonly string[], quiet: boolean): string {
  if (option !== undefined) requireNonEmpty('--secret', option);
  const path = join(outDirectory, secretFileName);
  const stored = existsSync(path) ? readSecretFile(path) : undefined;
  if (stored === '') throw new UserError((lang) => cliMessages[lang].homework.secretEmpty(path));

  const given = option ?? (process.env.CADENA_SECRET?.trim() ? process.env.CADENA_SECRET : undefined);
  if (given !== undefined) {
    // Another secret than the one this folder was made with would change every variant.
    if (stored !== undefined && stored !== given.trim()) throw new UserError((lang) => cliMessages[lang].homework.secretMismatch(path));
    return given;
  }
  if (stored !== undefined) return stored;
  // A folder with a key but no secret file was made with --secret or CADENA_SECRET:
  // a new random secret would silently change every variant.
  if (existsSync(join(outDirectory, 'answer-key.json'))) throw new UserError((lang) => cliMessages[lang].homework.secretMissing(outDirectory));

  const created = randomBytes(32).toString('base64url');
  rejectInputAsOutput(path, inputs);
  writeOutput(path, `${created}\n`);
  report(context, quiet, context.messages.homework.secretCreated(displayPath(context.io.cwd, path)));
  return created;
}

/** Read the secret file: a regular file of at most 4 KiB, so that a link to a device cannot hang the run. */
function readSecretFile(path: string): string {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > 4096) throw Object.assign(new Error('not a small regular file'), { code: 'EINVAL' });
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserError((lang) => cliMessages[lang].homework.secretUnreadable(path, code));
  }
}

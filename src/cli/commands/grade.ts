import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Argv, CommandModule, Options } from 'yargs';
import { UserError } from '../../errors.js';
import { feedbackMarkdown } from '../../grading/feedback.js';
import { documentNames } from '../../homework/generate.js';
import { gradebookCsv, pointsOf } from '../../grading/gradebook.js';
import { loadAnswerKey } from '../../grading/key.js';
import { feedbackReply } from '../../grading/reply.js';
import { reportMarkdown } from '../../grading/report.js';
import { gradeClass, readMailbox } from '../../grading/run.js';
import { cliMessages } from '../../i18n/cli.js';
import { lastValue, report, type CommandContext } from '../context.js';
import { ConfinedFolder, displayPath, rejectInputAsOutput, requireNonEmpty, writeOutput } from '../files.js';
import { numberOption } from '../options.js';
import { Progress } from '../progress.js';

interface GradeArguments {
  key?: string;
  mail?: string;
  deadline?: string;
  out?: string;
  csv?: string;
  'rounding-points'?: string;
  quiet?: boolean;
}

/** `cadena grade --key answer-key.json --mail PATH`: gradebook, feedback and report from the students' e-mails. */
export function gradeCommand(context: CommandContext): CommandModule<object, GradeArguments> {
  const m = context.messages.grade;
  const options: Record<string, Options> = {
    key: { type: 'string', describe: m.key, demandOption: true },
    mail: { type: 'string', describe: m.mail, demandOption: true },
    deadline: { type: 'string', describe: m.deadline },
    out: { type: 'string', describe: m.out },
    csv: { type: 'string', choices: ['semicolon', 'comma'], describe: m.csv },
    'rounding-points': { type: 'string', describe: m.roundingPoints },
  };
  for (const option of Object.values(options)) option.coerce = lastValue;
  context.optionNames.push(...Object.keys(options));

  return {
    command: 'grade',
    describe: m.describe,
    builder: (yargs: Argv) =>
      yargs.options(options).example('$0 grade --key output/tarea-clase6/answer-key.json --mail correos.mbox', m.example) as unknown as Argv<GradeArguments>,
    handler: (args) => {
      context.action = () => runGrade(context, args);
    },
  };
}

async function runGrade(context: CommandContext, args: GradeArguments): Promise<void> {
  const { cwd } = context.io;
  requireNonEmpty('--key', args.key ?? '');
  requireNonEmpty('--mail', args.mail ?? '');
  const keyPath = resolve(cwd, args.key!);
  const mailPath = resolve(cwd, args.mail!);
  const key = loadAnswerKey(keyPath, args.key);
  if (args.deadline !== undefined) requireNonEmpty('--deadline', args.deadline);
  const deadline = parseDeadline(args.deadline ?? key.deadline);
  const roundingPoints = args['rounding-points'] === undefined ? 0.5 : numberOption('rounding-points', args['rounding-points'], 'fraction')!;
  const outDirectory = resolve(cwd, args.out ?? join(keyPath, '..', 'correccion'));
  const quiet = args.quiet === true;
  const inputs = [keyPath, mailPath];

  const reading = new Progress(context.io, context.io.isTTY && !quiet, context.messages.grade.messages, 0);
  const { messages, skipped } = await readMailbox(mailPath, (done, total) => reading.update(done, total));
  const { results, matching } = gradeClass(key, messages, deadline);

  const confined = new ConfinedFolder(outDirectory);
  const written = new Set<string>();
  const write = (relativePath: string, content: string | Buffer) => {
    const path = join(outDirectory, relativePath);
    written.add(path);
    confined.require(path);
    rejectInputAsOutput(path, inputs);
    writeOutput(path, content, { durable: false });
  };
  const rows = results.map((result) => ({
    id: result.student.id,
    name: result.student.name,
    email: result.student.email,
    grades: result.grades,
    itemNames: result.student.items.map((item) => item.name),
    messageId: result.message?.messageId ?? null,
    received: result.message?.date ?? null,
    late: result.late,
  }));
  write('gradebook.csv', gradebookCsv(rows, args.csv === 'comma' ? 'comma' : 'semicolon', roundingPoints));
  for (const result of results) {
    if (result.grades === null) continue;
    const points = result.grades.reduce((sum, grade) => sum + pointsOf(grade.result, roundingPoints), 0);
    const solution = solutionPdf(dirname(keyPath), result.student.folder);
    const link = solution === null ? null : relative(join(outDirectory, 'feedback'), solution).split(sep).join('/');
    // NOTE: feedback uses the language of --lang for every student; the key records no language per student.
    const feedback = feedbackMarkdown(key, result.student, result.grades, points, context.lang, link);
    write(join('feedback', `${result.student.folder}.md`), feedback);
    const attachment = solution === null ? null : { filename: basename(solution), content: readFileSync(solution) };
    write(join('feedback', `${result.student.folder}.eml`), await feedbackReply(result.message!, result.student.email, feedback, attachment));
  }
  write('report.md', reportMarkdown(key.title, results, matching, messages.length, skipped, context.lang));
  removeStaleFeedback(join(outDirectory, 'feedback'), written);
  report(context, quiet, context.messages.grade.done(results.filter((result) => result.grades !== null).length, results.length, displayPath(cwd, outDirectory)));
}

/** Find the student's worked-solution PDF that `cadena homework` wrote beside the key, in either language, or return null. */
function solutionPdf(keyFolder: string, studentFolder: string): string | null {
  for (const names of Object.values(documentNames)) {
    const path = join(keyFolder, names.solutions, studentFolder, `${names.solution}.pdf`);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // Not written in this language, or not as PDF.
    }
  }
  return null;
}

/**
 * Remove feedback files an earlier run left for students who have none now (their mail
 * changed, or another mailbox was graded into this folder), so that no out-of-date reply is
 * sent. Only `.md` and `.eml` files of `feedback/`, which this command writes, are removed.
 */
function removeStaleFeedback(folder: string, written: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    if (/\.(md|eml)$/.test(name) && !written.has(path)) rmSync(path, { force: true });
  }
}

/** Parse an ISO 8601 date and time with its offset. A date that does not exist (30 February) is rejected. */
function parseDeadline(text: string | null | undefined): Date | null {
  if (text === null || text === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text.trim());
  const date = new Date(text.trim());
  if (match === null || Number.isNaN(date.getTime())) throw new UserError((lang) => cliMessages[lang].grade.badDeadline(text));
  const [, year, month, day, hour, minute, zone, sign, offsetHours, offsetMinutes] = match;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const local = new Date(date.getTime() + offset * 60_000);
  const same =
    local.getUTCFullYear() === Number(year) &&
    local.getUTCMonth() + 1 === Number(month) &&
    local.getUTCDate() === Number(day) &&
    local.getUTCHours() === Number(hour) &&
    local.getUTCMinutes() === Number(minute);
  if (!same) throw new UserError((lang) => cliMessages[lang].grade.badDeadline(text));
  return date;
}

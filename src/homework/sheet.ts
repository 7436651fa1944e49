import { derive } from '../derivation/derive.js';
import { homeworkMessages } from '../i18n/homework.js';
import type { Lang } from '../i18n/lang.js';
import { parameterTex, type ParameterRef } from '../network/notation.js';
import { formatFixed } from '../render/format.js';
import { tidyMarkdown } from '../render/markdown.js';
import { buildSolutionView } from '../render/solution-view.js';
import { renderTemplate } from '../render/templates.js';
import type { HomeworkSpec, Question } from './spec.js';
import type { Variant } from './variant.js';

/** Write the student's homework sheet as Markdown, with the network diagram as `red.svg` beside it. */
export function homeworkSheetMarkdown(spec: HomeworkSpec, variant: Variant, lang: Lang): string {
  const h = homeworkMessages[lang];
  const { problem, student } = variant;
  const view = buildSolutionView(derive(problem, { parameters: [] }), { lang, format: problem.display });
  const subject = submissionSubject(spec, variant);
  const lines = variant.answers.map((answer) => `${answer.item.name} = ?`);
  const fence = fenceFor([subject, ...lines]);

  return tidyMarkdown(
    renderTemplate('homework.md.njk', {
      h,
      t: view.t,
      title: spec.title,
      student: { name: escapeMarkdown(student.name), id: escapeMarkdown(student.id) },
      code: variant.code,
      deadline: spec.deadline === null ? null : readableDeadline(spec.deadline),
      network: view.network,
      tasks: spec.questions.map((question) => taskText(question, spec.architecture.sizes[spec.architecture.sizes.length - 1]!, lang)),
      precision: h.precision(problem.display.digits, problem.display.rounding === 'truncate'),
      sendTo: spec.submission.to === null ? h.sendToCourse : h.sendTo(escapeMarkdown(spec.submission.to)),
      fence,
      subject,
      answerLines: lines,
      answerNote: h.answerNote(`0.${sampleDigits(problem.display.digits)}`, `0,${sampleDigits(problem.display.digits)}`),
      instructions: spec.submission.instructions,
    }),
  );
}

/** Build the title and the preface of a student's worked solution: whose variant it is and the answers asked for. */
export function solutionHeading(spec: HomeworkSpec, variant: Variant, lang: Lang): { title: string; preface: string } {
  const h = homeworkMessages[lang];
  const { student, problem } = variant;
  const rows = variant.answers.map((answer) => `| \`${answer.item.name}\` | ${formatFixed(answer.value, problem.display)} |`);
  const preface = [
    `**${h.student}:** ${escapeMarkdown(student.name)} · **${h.id}:** ${escapeMarkdown(student.id)} · **${h.variant}:** ${variant.code}`,
    '',
    h.askedHeading,
    '',
    `| ${h.result} | ${h.value} |`,
    '| --- | ---: |',
    ...rows,
  ].join('\n');
  return { title: h.solutionTitle(spec.title), preface };
}

/** The subject line a student's e-mail must carry: the spec's template with {code}, {id} and {homework} filled in. */
export function submissionSubject(spec: HomeworkSpec, variant: Variant): string {
  const values: Record<string, string> = { code: variant.code, id: variant.student.id, homework: spec.id };
  return spec.submission.subject.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function taskText(question: Question, outputs: number, lang: Lang): string {
  const h = homeworkMessages[lang];
  const math = (text: string) => `$${text}$`;
  const list = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} ${h.and} ${items[items.length - 1]}`);
  switch (question.kind) {
    case 'update':
      return h.update(list(question.parameters.map((p) => math(parameterTex(p)))));
    case 'gradient':
      return h.gradient(list(question.parameters.map((p) => math(derivativeTex('E', p)))));
    case 'contribution': {
      const terms = Array.from({ length: outputs }, (_v, i) => math(derivativeTex(`E_{${i + 1}}`, question.parameter)));
      return h.contribution(math(parameterTex(question.parameter)), list(terms));
    }
    case 'forward':
      return h.forward(list(question.quantities.map((quantity) => h.forwardQuantities[quantity])));
  }
}

/** dE/dθ as the slides write it, with d rather than ∂. */
function derivativeTex(of: string, p: ParameterRef): string {
  return `\\frac{d${of}}{d${parameterTex(p)}}`;
}

/** `2026-12-18T23:59:00-03:00` → `2026-12-18 23:59 (UTC−03:00)`, as written, without converting zones. */
export function readableDeadline(deadline: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(deadline);
  if (match === null) return deadline;
  const zone = match[3] === 'Z' ? 'UTC' : `UTC${match[3]!.replace('-', '−')}`;
  return `${match[1]} ${match[2]} (${zone})`;
}

/** Backslash-escape every ASCII punctuation mark, so names print as written in Markdown and in the PDF. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$&~^%"'=:;,/?@]/g, (character) => `\\${character}`);
}

/** Digits for an example number with `count` decimals: 12345 for 5. */
function sampleDigits(count: number): string {
  return Array.from({ length: count }, (_v, i) => String((i + 1) % 10)).join('');
}

/** Make a code fence longer than any run of backticks in the lines it encloses. */
function fenceFor(lines: string[]): string {
  const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}


import type { Lang } from '../i18n/lang.js';
import type { Matching } from './match.js';
import type { SkippedMessage, StudentResult } from './run.js';

const texts = {
  es: {
    title: (title: string) => `${title} — informe de la corrección`,
    summary: (graded: number, students: number, messages: number) => `Se corrigieron ${graded} de ${students} estudiantes, a partir de ${messages} correos.`,
    byItem: 'Estado de cada resultado',
    headers: ['Resultado', 'correcto', 'redondeo', 'error típico', 'incorrecto', 'falta', 'no se lee'],
    mistakes: 'Errores típicos, de más a menos frecuente',
    mistakeHeaders: ['Error', 'Veces'],
    unmatched: 'Correos sin estudiante (ni la dirección, ni el código, ni el id coinciden)',
    late: 'Entregas después de la fecha límite',
    autoReplies: 'Respuestas automáticas (no se corrigen)',
    ambiguous: 'Respuestas que no se pueden leer sin adivinar',
    skipped: 'Correos que no se leyeron',
    skipReason: { 'too-large': 'más de 10 MiB', malformed: 'no se puede leer como correo', 'not-a-file': 'no es un archivo normal' },
    message: (where: string) => `correo ${where}`,
    none: 'Ninguno.',
    countedLate: 'se corrigió (no hay otra a tiempo)',
    notCounted: 'no se corrigió',
    line: (line: number) => `línea ${line}`,
  },
  en: {
    title: (title: string) => `${title} — grading report`,
    summary: (graded: number, students: number, messages: number) => `${graded} of ${students} students graded, from ${messages} e-mails.`,
    byItem: 'Status of each result',
    headers: ['Result', 'correct', 'rounding', 'typical mistake', 'wrong', 'missing', 'unreadable'],
    mistakes: 'Typical mistakes, most frequent first',
    mistakeHeaders: ['Mistake', 'Times'],
    unmatched: 'E-mails without a student (neither address, code nor id matches)',
    late: 'Submissions after the deadline',
    autoReplies: 'Automatic replies (not graded)',
    ambiguous: 'Answers that cannot be read without guessing',
    skipped: 'E-mails that were not read',
    skipReason: { 'too-large': 'over 10 MiB', malformed: 'not readable as e-mail', 'not-a-file': 'not a regular file' },
    message: (where: string) => `e-mail ${where}`,
    none: 'None.',
    countedLate: 'graded (no other on time)',
    notCounted: 'not graded',
    line: (line: number) => `line ${line}`,
  },
} as const;

/** Write the class report as Markdown: counts per item, the mistakes seen, and every message that was not graded normally. */
export function reportMarkdown(title: string, results: readonly StudentResult[], matching: Matching, messageCount: number, skipped: readonly SkippedMessage[], lang: Lang): string {
  const t = texts[lang];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const graded = results.filter((result) => result.grades !== null);
  const itemNames = results[0]?.student.items.map((item) => item.name) ?? [];
  const statuses = ['correct', 'rounding', 'mistake', 'wrong', 'missing', 'ambiguous'] as const;

  const itemRows = itemNames.map((name) => {
    const counts = statuses.map((status) => results.filter((result) => (result.grades?.find((grade) => grade.name === name)?.result.status ?? 'missing') === status).length);
    return `| \`${name}\` | ${counts.join(' | ')} |`;
  });

  const mistakeCounts = new Map<string, number>();
  for (const result of graded) {
    for (const grade of result.grades!) {
      if (grade.result.status === 'mistake') for (const model of grade.result.models) mistakeCounts.set(model, (mistakeCounts.get(model) ?? 0) + 1);
    }
  }
  const mistakeRows = [...mistakeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([model, count]) => `| \`${model}\` | ${count} |`);

  const describe = (message: { from: string | null; subject: string; date: Date | null }) =>
    `${cell(message.from ?? '?')} · «${cell(message.subject)}» · ${message.date?.toISOString() ?? '?'}`;
  const unmatched = matching.unmatched.map(({ message }) => `- ${describe(message)}`);
  const autoReplies = matching.autoReplies.map(({ message }) => `- ${describe(message)}`);
  const late = [...matching.byStudent].flatMap(([id, submissions]) => [
    ...(submissions.countedLate && submissions.counted !== null ? [`- ${cell(id)}: ${describe(submissions.counted.message)} (${t.countedLate})`] : []),
    ...submissions.late.map((submission) => `- ${cell(id)}: ${describe(submission.message)} (${t.notCounted})`),
  ]);
  const ambiguous = graded.flatMap((result) =>
    result.grades!.flatMap((grade) => (grade.result.status === 'ambiguous' ? [`- ${cell(result.student.id)}: \`${grade.name}\`, ${t.line(grade.result.line)}`] : [])),
  );
  const section = (heading: string, lines: string[]) => [`## ${heading}`, '', ...(lines.length === 0 ? [t.none] : lines), ''];

  return [
    `# ${t.title(title)}`,
    '',
    t.summary(graded.length, results.length, messageCount),
    '',
    `## ${t.byItem}`,
    '',
    `| ${t.headers.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(statuses.length)}`,
    ...itemRows,
    '',
    `## ${t.mistakes}`,
    '',
    ...(mistakeRows.length === 0 ? [t.none] : [`| ${t.mistakeHeaders.join(' | ')} |`, '| --- | ---: |', ...mistakeRows]),
    '',
    ...section(t.unmatched, unmatched),
    ...section(t.late, late),
    ...section(t.autoReplies, autoReplies),
    ...section(t.ambiguous, ambiguous),
    ...section(t.skipped, skipped.map((entry) => `- ${t.message(cell(entry.where))}: ${t.skipReason[entry.reason]}`)),
  ].join('\n');
}

import { escapeMarkdown } from '../homework/sheet.js';
import type { Lang } from '../i18n/lang.js';
import { parseParameterName } from '../network/notation.js';
import { formatFixed, type NumberFormat } from '../render/format.js';
import { explainGradient } from './explain.js';
import type { ItemGrade } from './grade.js';
import type { AnswerKey } from './key.js';

type KeyStudent = AnswerKey['students'][number];

const texts = {
  es: {
    title: (title: string) => `${title} — corrección`,
    greeting: (name: string) => `Hola, ${name}:`,
    intro: 'Esta es la corrección de lo que enviaste. Cada valor se compara con lo que se obtiene llevando las cuentas con los decimales de la tarea.',
    headers: ['Resultado', 'Enviaste', 'Correcto', 'Estado'],
    status: { correct: 'correcto', rounding: 'redondeo', mistake: 'error típico', wrong: 'incorrecto', missing: 'falta', ambiguous: 'no se puede leer' },
    notesHeading: 'Qué pasó',
    rounding: (name: string) => `\`${name}\`: solo difiere en los últimos dígitos; revisa cómo redondeaste o truncaste los valores intermedios.`,
    mistake: (name: string, description: string) => `\`${name}\`: ${description}.`,
    recovered: (name: string, used: string, right: string) =>
      `\`${name}\`: con tu valor, el gradiente que usaste fue (θ − θ')/η = ${used}; el correcto es ${right}. Revisa los factores de la cadena de este parámetro.`,
    missing: (name: string) => `\`${name}\`: no encontramos una línea \`${name} = …\` en tu correo.`,
    ambiguous: (name: string, line: number) => `\`${name}\`: la línea ${line} de tu correo no se puede leer sin adivinar (¿dos números, o separadores de miles?). Escribe un solo número por línea.`,
    explained: (factor: string, right: string, used: string, value: string) =>
      `Ese gradiente se explica si en la cadena usaste ${used} = ${value} en lugar de ${factor} = ${right}.`,
    score: (points: string, total: number) => `Puntaje: ${points} de ${total}.`,
    solution: (link: string) => `Tu solución desarrollada, paso por paso: [${link.split('/').pop()}](${link}).`,
  },
  en: {
    title: (title: string) => `${title} — feedback`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'This is the feedback on what you sent. Each value is compared with what carrying the computation with the homework’s decimals gives.',
    headers: ['Result', 'You sent', 'Right', 'Status'],
    status: { correct: 'correct', rounding: 'rounding', mistake: 'typical mistake', wrong: 'wrong', missing: 'missing', ambiguous: 'unreadable' },
    notesHeading: 'What happened',
    rounding: (name: string) => `\`${name}\`: only the last digits differ; check how you rounded or truncated the intermediate values.`,
    mistake: (name: string, description: string) => `\`${name}\`: ${description}.`,
    recovered: (name: string, used: string, right: string) =>
      `\`${name}\`: from your value, the gradient you used was (θ − θ')/η = ${used}; the right one is ${right}. Check the factors of this parameter's chain.`,
    missing: (name: string) => `\`${name}\`: we found no line \`${name} = …\` in your e-mail.`,
    ambiguous: (name: string, line: number) => `\`${name}\`: line ${line} of your e-mail cannot be read without guessing (two numbers, or thousands separators?). Write one number per line.`,
    explained: (factor: string, right: string, used: string, value: string) =>
      `That gradient is what the chain gives with ${used} = ${value} in place of ${factor} = ${right}.`,
    score: (points: string, total: number) => `Score: ${points} of ${total}.`,
    solution: (link: string) => `Your worked solution, step by step: [${link.split('/').pop()}](${link}).`,
  },
} as const;

/**
 * Write the feedback a student receives, as Markdown in their language: their values beside
 * the right ones and the status of each item. For a known mistake it names the step, and for
 * a wrong update it gives the gradient the student used.
 */
export function feedbackMarkdown(key: AnswerKey, student: KeyStudent, grades: readonly ItemGrade[], points: number, lang: Lang, solutionLink: string | null = null): string {
  const t = texts[lang];
  const format: NumberFormat = { digits: key.display.digits, rounding: key.display.rounding, decimalComma: key.display.decimal_comma };
  const number = (value: number) => formatFixed(value, format);
  const descriptions = new Map(key.mistake_models.map((model) => [model.id, model.description[lang]]));

  const rows = grades.map((grade) => {
    const sent = 'sent' in grade.result ? number(grade.result.sent) : '—';
    return `| \`${grade.name}\` | ${sent} | ${number(grade.expected)} | ${t.status[grade.result.status]} |`;
  });
  const notes = grades.flatMap((grade): string[] => {
    const { result } = grade;
    switch (result.status) {
      case 'correct':
        return [];
      case 'rounding':
        return [t.rounding(grade.name)];
      case 'mistake':
        return result.models.map((model) => t.mistake(grade.name, descriptions.get(model) ?? model));
      case 'missing':
        return [t.missing(grade.name)];
      case 'ambiguous':
        return [t.ambiguous(grade.name, result.line)];
      case 'wrong': {
        const theta = originalValue(student, grade.name);
        if (theta === null) return [];
        const used = (theta - result.sent) / student.lr;
        const right = (theta - grade.expected) / student.lr;
        const explanation = explainGradient(student, grade.name, used, key.display.digits);
        const cause = explanation === null ? '' : ` ${t.explained(`\`${explanation.factor}\``, number(explanation.right), `\`${explanation.used}\``, number(explanation.usedValue))}`;
        return [`${t.recovered(grade.name, number(used), number(right))}${cause}`];
      }
    }
  });

  const total = grades.length;
  return [
    `# ${t.title(key.title)}`,
    '',
    t.greeting(escapeMarkdown(student.name)),
    '',
    t.intro,
    '',
    `| ${t.headers.join(' | ')} |`,
    '| --- | ---: | ---: | --- |',
    ...rows,
    '',
    t.score(format.decimalComma ? String(points).replace('.', ',') : String(points), total),
    ...(notes.length === 0 ? [] : ['', `## ${t.notesHeading}`, '', ...notes.map((note) => `- ${note}`)]),
    ...(solutionLink === null ? [] : ['', t.solution(solutionLink.split('/').map(encodeURIComponent).join('/'))]),
    '',
  ].join('\n');
}

/** θ before the update, from the variant in the key, for an update item such as `w11^[1]`. */
function originalValue(student: KeyStudent, itemName: string): number | null {
  const item = student.items.find((entry) => entry.name === itemName);
  const p = parseParameterName(itemName);
  if (item === undefined || item.kind !== 'update' || p === null) return null;
  const layer = student.network.layers[p.layer - 1];
  if (layer === undefined) return null;
  if (p.kind === 'weight') return layer.weights[p.row! - 1]?.[p.col! - 1] ?? null;
  return typeof layer.bias === 'number' ? layer.bias : (layer.bias[(p.row ?? 1) - 1] ?? null);
}

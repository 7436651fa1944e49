import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../network/spec.js';
import type { Interval } from './arithmetic.js';
import { safeFolderName } from './generate.js';
import { mistakeModels } from './mistakes.js';
import type { HomeworkSpec } from './spec.js';
import type { Variant } from './variant.js';

/** The CSV style: for a Spanish spreadsheet (BOM, `;`, decimal comma) or plain (`,`, decimal point). */
export type CsvStyle = 'semicolon' | 'comma';

/**
 * The instructor's answer key: per student, the variant (in the network spec form), and
 * per item the right value at full precision, the interval a rounding student may land
 * in, and each known mistake's value and interval.
 */
export function answerKeyJson(spec: HomeworkSpec, variants: readonly Variant[], secretCheck?: string): string {
  const models = new Map<string, { id: string; description: { es: string; en: string } }>();
  for (const variant of variants) {
    for (const model of mistakeModels(variant.problem)) models.set(model.id, { id: model.id, description: model.description });
  }
  const key = {
    homework: spec.id,
    ...(secretCheck !== undefined && { secret_check: secretCheck }),
    title: spec.title,
    deadline: spec.deadline,
    subject: spec.submission.subject,
    display: { digits: spec.display.digits, rounding: spec.display.rounding, decimal_comma: spec.display.decimalComma },
    mistake_models: [...models.values()],
    students: variants.map((variant) => ({
      id: variant.student.id,
      name: variant.student.name,
      email: variant.student.email,
      variant: variant.code,
      folder: safeFolderName(variant.student.id),
      network: networkSpec(variant.problem),
      lr: variant.problem.learningRate,
      items: variant.answers.map(({ item, value, interval, mistakes }) => ({
        name: item.name,
        kind: item.kind,
        layer: item.layer,
        row: item.row,
        col: item.col,
        ...(item.output !== null && { output: item.output }),
        value,
        interval,
        mistakes: mistakes.map((mistake) => ({ model: mistake.model, value: mistake.value, interval: mistake.interval })),
      })),
    })),
  };
  return `${JSON.stringify(key, null, 2)}\n`;
}

/** Write the variant as a network spec file would give it (snake_case, input and target inside). */
export function networkSpec(problem: Problem): object {
  const sample = problem.samples[0]!;
  return {
    input: sample.input,
    target: sample.target,
    layers: problem.network.layers.map((layer) => ({
      weights: layer.weights,
      bias: layer.bias,
      activation: layer.activation,
      ...((layer.activation === 'leaky_relu' || layer.activation === 'elu') && { alpha: layer.alpha }),
    })),
    loss: problem.network.loss,
  };
}

/** Write one row per student and item: the same facts as the JSON key, for a spreadsheet. */
export function answerKeyCsv(variants: readonly Variant[], style: CsvStyle): string {
  const number = (value: number) => (style === 'semicolon' ? plainDecimal(value).replace('.', ',') : plainDecimal(value));
  const interval = ([low, high]: Interval) => [number(low), number(high)];
  const rows = variants.flatMap((variant) =>
    variant.answers.map(({ item, value, interval: range, mistakes }) => [
      inertCell(variant.student.id),
      inertCell(variant.student.name),
      inertCell(variant.student.email),
      variant.code,
      item.name,
      number(value),
      ...interval(range),
      mistakes.map((mistake) => `${mistake.model}=${number(mistake.value)}`).join(' '),
    ]),
  );
  const header = ['id', 'name', 'email', 'variant', 'item', 'value', 'low', 'high', 'mistakes'];
  const text = stringify([header, ...rows], { delimiter: style === 'semicolon' ? ';' : ',', record_delimiter: 'unix' });
  return style === 'semicolon' ? `\uFEFF${text}` : text;
}

/**
 * Keep a spreadsheet from reading a roster's text as a formula: a cell that starts with
 * =, +, -, @ or a control character gets a leading apostrophe, which spreadsheets hide.
 */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Write a number at full precision without an exponent (3.0179e-7 → 0.00000030179), so
 * that a spreadsheet reads every cell of a column the same way.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign, first, rest = '', exponentText] = match;
  const digits = `${first}${rest}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.padEnd(exponent + 1, '0')}`;
}

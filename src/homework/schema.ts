import { z } from 'zod';
import type { SpecPath } from '../network/source.js';

// The zod schema checks only structure: which keys exist and the type of each value.
// Names, ranges and what must agree with the architecture are checked by hand in
// checks.ts and questions.ts, where the messages can state what the course expects.
// Every key is optional except `id`; validate.ts fills in the defaults.

const number = z.number();
const text = z.string();
const textOrList = z.union([text, z.array(text)]);

const networkShape = {
  sizes: z.array(number).optional(),
  activation: textOrList.optional(),
  // null marks a layer whose activation takes no alpha.
  alpha: z.union([number, z.array(number.nullable())]).optional(),
  loss: text.optional(),
  bias: text.optional(),
};

/** Either `values`, or `min`, `max` and `decimals`: checks.ts rejects a mix of both and an incomplete range. */
const drawShape = {
  min: number.optional(),
  max: number.optional(),
  decimals: number.optional(),
  values: z.array(number).optional(),
};

const draw = z.strictObject(drawShape).optional();

const valuesShape = {
  weights: draw,
  biases: draw,
  inputs: draw,
  targets: draw,
  learning_rate: draw,
};

/** Exactly one of these keys per question: questions.ts checks that. */
const questionShape = {
  update: textOrList.optional(),
  gradient: textOrList.optional(),
  contribution: text.optional(),
  forward: textOrList.optional(),
};

const displayShape = {
  digits: number.optional(),
  rounding: text.optional(),
  decimal_comma: z.boolean().optional(),
  max_paths: number.optional(),
};

const qualityShape = {
  max_abs_z: number.optional(),
  max_tries: number.optional(),
};

const submissionShape = {
  to: text.nullable().optional(),
  subject: text.optional(),
  instructions: text.nullable().optional(),
};

const topShape = {
  id: text,
  title: text.optional(),
  network: z.strictObject(networkShape).optional(),
  values: z.strictObject(valuesShape).optional(),
  ask: z.array(z.strictObject(questionShape)).optional(),
  display: z.strictObject(displayShape).optional(),
  quality: z.strictObject(qualityShape).optional(),
  deadline: text.nullable().optional(),
  submission: z.strictObject(submissionShape).optional(),
};

export const homeworkSchema = z.strictObject(topShape);

/** A homework file after the structural check, with its snake_case keys. */
export type HomeworkData = z.infer<typeof homeworkSchema>;

export type DrawData = NonNullable<HomeworkData['values']>['weights'];

export type QuestionData = NonNullable<HomeworkData['ask']>[number];

export type DrawKind = keyof typeof valuesShape;

export const drawKinds = Object.keys(valuesShape) as DrawKind[];

export const topLevelKeys = Object.keys(topShape);

export const questionKinds = Object.keys(questionShape) as (keyof typeof questionShape)[];

/** Returns the keys allowed in the mapping at `path`, or undefined when it is not a mapping. */
export function knownHomeworkKeysAt(path: SpecPath): string[] | undefined {
  const [first, second] = path;
  if (path.length === 0) return topLevelKeys;
  if (path.length === 2 && first === 'values' && typeof second === 'string') return Object.keys(drawShape);
  if (path.length === 2 && first === 'ask' && typeof second === 'number') return questionKinds;
  if (path.length !== 1) return undefined;

  const sections: Record<string, Record<string, unknown>> = {
    network: networkShape,
    values: valuesShape,
    display: displayShape,
    quality: qualityShape,
    submission: submissionShape,
  };
  const shape = sections[String(first)];
  return shape === undefined ? undefined : Object.keys(shape);
}

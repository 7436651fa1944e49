import { z } from 'zod';
import { valueAt, type SpecPath } from '../network/source.js';

// The zod schema checks only structure: which keys exist and the type of each value.
// Names, ranges and the fields that must agree with each other are checked by hand in
// checks.ts, where the messages can state what the course expects. Every key is optional
// except `id`, `experiments` and each experiment's `id` and `vary`; validate.ts fills in
// the defaults.

const number = z.number();
const text = z.string();
const optionalText = text.nullable().optional();

/** A count of neurons per hidden layer: one number is a single hidden layer. */
const hiddenSizes = z.union([number, z.array(number)]);

/** `all` (the whole data set) or a number of examples. checks.ts rejects any other text. */
const batchSize = z.union([number, text]);

/** A data row: a list of numbers, or one number for a row of a single value. */
const row = z.union([number, z.array(number)]);

/**
 * The keys of the three optimizers together. checks.ts rejects a key that the named
 * optimizer does not take, and the vocabulary lists only that optimizer's keys.
 */
const optimizerShape = {
  name: text,
  label: text.optional(),
  learning_rate: number.optional(),
  momentum: number.optional(),
  nesterov: z.boolean().optional(),
  rho: number.optional(),
  epsilon: number.optional(),
  beta_1: number.optional(),
  beta_2: number.optional(),
  clipnorm: number.nullable().optional(),
};

/** An optimizer mapping, or only its name (`optimizer: adam`, as Keras's compile accepts). */
const optimizer = z.preprocess((value) => (typeof value === 'string' ? { name: value } : value), z.strictObject(optimizerShape));

const dataShape = {
  inputs: z.array(row),
  targets: z.array(row),
};

const modelShape = {
  hidden: hiddenSizes.optional(),
  activation: text.optional(),
  output_activation: text.optional(),
  alpha: number.optional(),
  loss: text.optional(),
};

const trainingShape = {
  optimizer: optimizer.optional(),
  epochs: number.optional(),
  batch_size: batchSize.optional(),
  shuffle: z.boolean().optional(),
};

/** At least one key: checks.ts checks that. */
const varyShape = {
  hidden: z.array(hiddenSizes).optional(),
  optimizer: z.array(optimizer).optional(),
  learning_rate: z.array(number).optional(),
  batch_size: z.array(batchSize).optional(),
  epochs: z.array(number).optional(),
};

/** The setting an experiment's question is about: one value per key, each listed in `vary`, which checks.ts verifies. */
const focusShape = {
  hidden: hiddenSizes.optional(),
  learning_rate: number.optional(),
  batch_size: batchSize.optional(),
  epochs: number.optional(),
};

const experimentShape = {
  id: text,
  title: text.optional(),
  question: optionalText,
  text: optionalText,
  model: z.strictObject(modelShape).optional(),
  training: z.strictObject(trainingShape).optional(),
  vary: z.strictObject(varyShape),
  focus: z.strictObject(focusShape).optional(),
  predictions: z.boolean().optional(),
  boundaries: z.boolean().optional(),
};

const optimizerStepsShape = {
  parameter: text.optional(),
  initial: number.optional(),
  gradients: z.array(number).optional(),
  optimizers: z.array(optimizer).optional(),
};

const caseShape = {
  label: text.optional(),
  activation: text,
  alpha: number.optional(),
  weight: number.optional(),
  bias: number.optional(),
};

const gradientProblemsShape = {
  layers: number.optional(),
  input: number.optional(),
  target: number.optional(),
  cases: z.array(z.strictObject(caseShape)).optional(),
};

const activationsShape = {
  names: z.array(text).optional(),
  from: number.optional(),
  to: number.optional(),
};

/** No `max_paths`: a lab prints no chain-rule paths. */
const displayShape = {
  digits: number.optional(),
  rounding: text.optional(),
  decimal_comma: z.boolean().optional(),
};

const topShape = {
  id: text,
  title: text.optional(),
  intro: optionalText,
  seeds: number.optional(),
  first_seed: number.optional(),
  threshold: number.optional(),
  data: z.strictObject(dataShape).optional(),
  model: z.strictObject(modelShape).optional(),
  training: z.strictObject(trainingShape).optional(),
  experiments: z.array(z.strictObject(experimentShape)),
  optimizer_steps: z.strictObject(optimizerStepsShape).optional(),
  gradient_problems: z.strictObject(gradientProblemsShape).optional(),
  activations: z.strictObject(activationsShape).optional(),
  display: z.strictObject(displayShape).optional(),
};

export const labSchema = z.strictObject(topShape);

/** A lab file after the structural check, with its snake_case keys. */
export type LabData = z.infer<typeof labSchema>;

export type ModelData = z.infer<z.ZodObject<typeof modelShape>>;

export type TrainingData = z.infer<z.ZodObject<typeof trainingShape>>;

export type OptimizerData = z.infer<z.ZodObject<typeof optimizerShape>>;

export type ExperimentData = LabData['experiments'][number];

export type VaryData = ExperimentData['vary'];

export type CaseData = NonNullable<NonNullable<LabData['gradient_problems']>['cases']>[number];

export type VaryKey = keyof typeof varyShape;

/** The keys of `vary`, in the order the runner combines them (the last varies fastest). */
export const varyKeys = Object.keys(varyShape) as VaryKey[];

export type FocusKey = keyof typeof focusShape;

export const focusKeys = Object.keys(focusShape) as FocusKey[];

export const topLevelKeys = Object.keys(topShape);
export const experimentKeys = Object.keys(experimentShape);
export const modelKeys = Object.keys(modelShape);
export const trainingKeys = Object.keys(trainingShape);

/** Optimizer names as Keras spells them, case aside: keras.optimizers.SGD, RMSprop and Adam. */
export const optimizerNames = ['sgd', 'rmsprop', 'adam'] as const;

type OptimizerNameData = (typeof optimizerNames)[number];

/** The keys each optimizer takes besides `name` and `label`, with Keras's names. */
export const optimizerKeys: Record<OptimizerNameData, readonly string[]> = {
  sgd: ['learning_rate', 'momentum', 'nesterov', 'clipnorm'],
  rmsprop: ['learning_rate', 'rho', 'momentum', 'epsilon', 'clipnorm'],
  adam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon', 'clipnorm'],
};

/** Returns the optimizer a name means, ignoring case (`SGD`, `RMSprop`, `Adam`), or undefined. */
export function optimizerNameOf(name: unknown): OptimizerNameData | undefined {
  if (typeof name !== 'string') return undefined;
  const lower = name.toLowerCase();
  return optimizerNames.find((known) => known === lower);
}

/**
 * Returns the pattern of a path: list indices become `[]`, so `experiments[2].vary.hidden[0]`
 * is `experiments[].vary.hidden[]`. The top level is the empty pattern.
 */
export function pathPattern(path: SpecPath): string {
  let pattern = '';
  for (const segment of path) {
    if (typeof segment === 'number') pattern += '[]';
    else pattern += pattern === '' ? String(segment) : `.${String(segment)}`;
  }
  return pattern;
}

/** Patterns of the paths that lead to an optimizer mapping. */
const optimizerPatterns = [
  'training.optimizer',
  'experiments[].training.optimizer',
  'experiments[].vary.optimizer[]',
  'optimizer_steps.optimizers[]',
];

/** Returns whether `path` leads to an optimizer mapping, such as `training.optimizer` or `experiments[0].vary.optimizer[1]`. */
export function isOptimizerPath(path: SpecPath): boolean {
  return optimizerPatterns.includes(pathPattern(path));
}

const keysByPattern: Record<string, readonly string[]> = {
  '': topLevelKeys,
  data: Object.keys(dataShape),
  model: modelKeys,
  training: trainingKeys,
  'experiments[]': experimentKeys,
  'experiments[].model': modelKeys,
  'experiments[].training': trainingKeys,
  'experiments[].vary': varyKeys,
  'experiments[].focus': Object.keys(focusShape),
  optimizer_steps: Object.keys(optimizerStepsShape),
  gradient_problems: Object.keys(gradientProblemsShape),
  'gradient_problems.cases[]': Object.keys(caseShape),
  activations: Object.keys(activationsShape),
  display: Object.keys(displayShape),
};

/**
 * Returns the keys allowed in the mapping at `path` of the raw data `data`, or undefined when
 * it is not a mapping. An optimizer with a known name allows only its own keys.
 */
export function knownLabKeysAt(data: unknown, path: SpecPath): readonly string[] | undefined {
  if (!isOptimizerPath(path)) return keysByPattern[pathPattern(path)];

  const name = optimizerNameOf(valueAt(data, [...path, 'name']));
  return name === undefined ? Object.keys(optimizerShape) : ['name', 'label', ...optimizerKeys[name]];
}

import { activationNames, activations, isActivationName, type ActivationName } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import { activationsWithAlpha, count } from '../network/checks.js';
import { didYouMean, listedNames, unknownNameFault, type NameWords } from '../network/names.js';
import { formatPath, valueAt, type SpecFault, type SpecPath, type SpecSource } from '../network/source.js';
import { optimizerDefaults, type OptimizerConfig } from '../numeric/optimizer-config.js';
import type { TrainingLossName } from '../numeric/trainer.js';
import { defaultActivationPlots, defaultDataset, defaultModel, defaultSeeds, defaultTraining } from './defaults.js';
import { labFieldName, labLimits as limits, lossChoices, plotActivationNames } from './fields.js';
import {
  optimizerKeys,
  optimizerNameOf,
  optimizerNames,
  focusKeys,
  varyKeys,
  type FocusKey,
  type ExperimentData,
  type LabData,
  type ModelData,
  type OptimizerData,
  type TrainingData,
  type VaryKey,
} from './schema.js';

// Checks that zod cannot express: names, ranges, and fields that must agree with each
// other. Each check returns the first fault it finds, or undefined. The helpers that merge
// an experiment's keys into the lab's model and training live here too, because the checks
// of an experiment look at the merged values.

type Check = () => SpecFault | undefined;

function firstFault(checks: readonly Check[]): SpecFault | undefined {
  for (const check of checks) {
    const fault = check();
    if (fault !== undefined) return fault;
  }
  return undefined;
}

/** The inputs of every check of one file: the parsed data, the raw data before zod and the text. */
interface LabContext {
  readonly data: LabData;
  /** Tells an optimizer written as a bare name from a mapping. */
  readonly raw: unknown;
  readonly source: SpecSource;
  /** Examples in the data, after the data checks passed. */
  readonly examples: number;
}

/** Finds the first fault in a lab that passed the structural check, roughly in file order. */
export function findLabFault(data: LabData, raw: unknown, source: SpecSource): SpecFault | undefined {
  const context: LabContext = { data, raw, source, examples: datasetOf(data).inputs.length };
  const { optimizer_steps: steps, gradient_problems: problems } = data;
  return firstFault([
    () => checkId(data.id, ['id'], 'xor', source),
    () => checkText(data.title, ['title'], true, source),
    () => checkText(data.intro, ['intro'], false, source),
    () => checkInteger(data.seeds, ['seeds'], 1, limits.maxSeeds, seedsMeaning, source),
    () => checkFirstSeed(data, source),
    () => checkData(data, source),
    () => checkModel(data.model, ['model'], data.model ?? {}, context),
    () => checkTraining(data.training, ['training'], context),
    () => checkThreshold(data, source),
    () => checkExperiments(context),
    () => (steps === undefined ? undefined : checkOptimizerSteps(steps, context)),
    () => (problems === undefined ? undefined : checkGradientProblems(problems, source)),
    () => checkActivationPlots(data.activations, source),
    () => checkInteger(data.display?.digits, ['display', 'digits'], limits.minDigits, limits.maxDigits, digitsMeaning, source),
    () => checkName(data.display?.rounding, ['display', 'rounding'], roundingModes, roundingWords, source),
  ]);
}

// Merging. An experiment's `model` and `training` are partial: each key it writes replaces
// the lab's, and the lab's keys replace the defaults.

/**
 * Returns the model keys of an experiment: its own over the lab's. The lab's alpha is kept
 * only while the activation it was written for is kept, so an experiment that switches from
 * leaky_relu to elu gets elu's default alpha.
 */
export function experimentModel(data: LabData, experiment: ExperimentData): ModelData {
  const lab = data.model ?? {};
  const own = experiment.model ?? {};
  const labActivation = lab.activation ?? defaultModel.activation;
  const switchesActivation = own.activation !== undefined && own.activation !== labActivation;
  const alpha = own.alpha ?? (switchesActivation ? undefined : lab.alpha);
  return { ...lab, ...own, alpha };
}

/** Returns the training keys of an experiment: its own over the lab's. Its optimizer replaces the lab's whole. */
export function experimentTraining(data: LabData, experiment: ExperimentData): TrainingData {
  return { ...data.training, ...experiment.training };
}

/** Returns the data set of a lab: the file's, with numbers read as rows of one value, or XOR. */
export function datasetOf(data: LabData): { inputs: number[][]; targets: number[][] } {
  if (data.data === undefined) return defaultDataset;
  const rows = (list: readonly (number | number[])[]) => list.map((row) => (typeof row === 'number' ? [row] : row));
  return { inputs: rows(data.data.inputs), targets: rows(data.data.targets) };
}

/** Returns the hidden layer sizes of a `hidden` value: a number is a single layer. */
export function hiddenOf(hidden: number | readonly number[]): number[] {
  return typeof hidden === 'number' ? [hidden] : [...hidden];
}

/** Returns the batch size of a `batch_size` value: null for `all`, the whole data set. */
export function batchSizeOf(batchSize: number | string): number | null {
  return typeof batchSize === 'number' ? batchSize : null;
}

/** Keras's loss names and aliases, compared ignoring case and underscores. */
const lossAliases = new Map<string, TrainingLossName>([
  ['mse', 'mse'],
  ['meansquarederror', 'mse'],
  ['binarycrossentropy', 'binary_crossentropy'],
]);

/** Returns the loss a name means (`mse`, `mean_squared_error`, `MeanSquaredError`, `binary_crossentropy`…), or undefined. */
export function lossNameOf(name: string): TrainingLossName | undefined {
  return lossAliases.get(name.toLowerCase().replace(/_/g, ''));
}

/** Builds an optimizer from a mapping that checkOptimizer accepted, with Keras's defaults for the keys it leaves out. */
export function toOptimizerConfig(optimizer: OptimizerData): OptimizerConfig {
  const name = optimizerNameOf(optimizer.name);
  const clipnorm = optimizer.clipnorm ?? null;
  switch (name) {
    case 'sgd': {
      const defaults = optimizerDefaults.sgd;
      return {
        name,
        learningRate: optimizer.learning_rate ?? defaults.learningRate,
        momentum: optimizer.momentum ?? defaults.momentum,
        nesterov: optimizer.nesterov ?? defaults.nesterov,
        clipnorm,
      };
    }
    case 'rmsprop': {
      const defaults = optimizerDefaults.rmsprop;
      return {
        name,
        learningRate: optimizer.learning_rate ?? defaults.learningRate,
        rho: optimizer.rho ?? defaults.rho,
        momentum: optimizer.momentum ?? defaults.momentum,
        epsilon: optimizer.epsilon ?? defaults.epsilon,
        clipnorm,
      };
    }
    case 'adam': {
      const defaults = optimizerDefaults.adam;
      return {
        name,
        learningRate: optimizer.learning_rate ?? defaults.learningRate,
        beta1: optimizer.beta_1 ?? defaults.beta1,
        beta2: optimizer.beta_2 ?? defaults.beta2,
        epsilon: optimizer.epsilon ?? defaults.epsilon,
        clipnorm,
      };
    }
    case undefined:
      throw new Error(`optimizer name ${JSON.stringify(optimizer.name)} passed the checks without being known`);
  }
}

// Shared message parts.

/** Builds a fault about the value at `path`: "`field` vale `value`, …" and its English twin. */
function valueFault(path: SpecPath, source: SpecSource, rest: Bilingual<string>): SpecFault {
  const field = labFieldName(path);
  const written = source.writtenValue(path);
  return { path, es: `${field.es} vale \`${written}\`, ${rest.es}`, en: `${field.en} is \`${written}\`, ${rest.en}` };
}

function emptyListFault(path: SpecPath, fix: Bilingual<string>, source: SpecSource): SpecFault {
  const field = labFieldName(path);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${field.es} es una lista vacía: \`${written}\`. ${fix.es}`,
    en: `${field.en} is an empty list: \`${written}\`. ${fix.en}`,
  };
}


const roundingModes = ['round', 'truncate'];

const roundingWords: NameWords = {
  description: { es: 'un modo de redondeo válido', en: 'a valid rounding mode' },
  choices: {
    es: 'Escribe `round` (redondear, el predeterminado) o `truncate` (truncar).',
    en: 'Write `round` (the default) or `truncate`.',
  },
};

/** Checks that a name is one of `known`, and suggests the closest one. */
function checkName(
  name: string | undefined,
  path: SpecPath,
  known: readonly string[],
  words: NameWords,
  source: SpecSource,
): SpecFault | undefined {
  if (name === undefined || known.includes(name)) return undefined;
  return unknownNameFault(path, labFieldName(path), source.writtenValue(path), name, known, words);
}

const seedsMeaning: Bilingual<string> = {
  es: 'los entrenamientos de cada configuración, cada uno con otros pesos iniciales',
  en: 'the training runs of each setting, each from other initial weights',
};

const digitsMeaning: Bilingual<string> = { es: 'los decimales que se muestran', en: 'the decimal places shown' };

const epochsMeaning: Bilingual<string> = {
  es: 'las pasadas por todos los ejemplos',
  en: 'the passes through every example',
};

/** Checks that a value is an integer from `low` to `high`. `meaning` describes what it counts. */
function checkInteger(
  value: number | undefined,
  path: SpecPath,
  low: number,
  high: number,
  meaning: Bilingual<string>,
  source: SpecSource,
): SpecFault | undefined {
  if (value === undefined || (Number.isInteger(value) && value >= low && value <= high)) return undefined;

  return valueFault(path, source, {
    es: `pero debe ser un número entero de ${low} a ${high}: ${meaning.es}. Corrígelo.`,
    en: `but it must be an integer from ${low} to ${high}: ${meaning.en}. Fix it.`,
  });
}

// Text fields.

const idPattern = new RegExp(`^[a-z0-9][a-z0-9-]{0,${limits.maxIdLength - 1}}$`);

/** Checks an id that names files: the lab's or an experiment's. `example` is shown when the id gives no suggestion. */
function checkId(id: string, path: SpecPath, example: string, source: SpecSource): SpecFault | undefined {
  if (idPattern.test(id)) return undefined;

  const suggestion = idFrom(id) ?? example;
  return valueFault(path, source, {
    es: `pero debe tener de 1 a ${limits.maxIdLength} caracteres: letras minúsculas sin tilde (a-z), dígitos y guiones, empezando con una letra o un dígito, porque nombra archivos. Escribe por ejemplo \`id: ${suggestion}\`.`,
    en: `but it must have 1 to ${limits.maxIdLength} characters: lower-case letters without accents (a-z), digits and hyphens, starting with a letter or digit, because it names files. Write for example \`id: ${suggestion}\`.`,
  });
}

/** Turns text such as "Neuronas Ocultas" into a valid id ("neuronas-ocultas"), or undefined when nothing is left. */
function idFrom(text: string): string | undefined {
  const withoutAccents = text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
  const hyphenated = withoutAccents.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '');
  const id = hyphenated.slice(0, limits.maxIdLength).replace(/-+$/, '');
  return idPattern.test(id) ? id : undefined;
}

/** Checks that a text is not blank and, for titles and labels, that it fits on one line. */
function checkText(text: string | null | undefined, path: SpecPath, oneLine: boolean, source: SpecSource): SpecFault | undefined {
  if (text === undefined || text === null) return undefined;

  if (text.trim() === '') {
    return valueFault(path, source, {
      es: 'que está vacío. Escribe el texto, o borra la clave.',
      en: 'which is empty. Write the text, or delete the key.',
    });
  }
  if (oneLine && /[\r\n]/.test(text.trimEnd())) {
    return valueFault(path, source, {
      es: 'que ocupa más de una línea, pero se imprime en una sola. Escríbelo en una línea.',
      en: 'which spans more than one line, but it is printed on one. Write it on one line.',
    });
  }
  return undefined;
}

function checkFirstSeed(data: LabData, source: SpecSource): SpecFault | undefined {
  const seeds = data.seeds ?? defaultSeeds;
  const high = limits.maxSeed - (seeds - 1);
  const firstSeed = data.first_seed;
  if (firstSeed === undefined || (Number.isInteger(firstSeed) && firstSeed >= 0 && firstSeed <= high)) return undefined;

  return valueFault(['first_seed'], source, {
    es: `pero debe ser un número entero de 0 a ${high}: las semillas van de first_seed a first_seed + ${seeds - 1} (seeds es ${seeds}), y cada una es un entero de 32 bits sin signo, de 0 a ${limits.maxSeed}. Corrígelo.`,
    en: `but it must be an integer from 0 to ${high}: the seeds go from first_seed to first_seed + ${seeds - 1} (seeds is ${seeds}), and each is a 32-bit unsigned integer, from 0 to ${limits.maxSeed}. Fix it.`,
  });
}

// Data.

function checkData(data: LabData, source: SpecSource): SpecFault | undefined {
  if (data.data === undefined) return undefined;

  const { inputs, targets } = data.data;
  return firstFault([
    () => checkRows(inputs, ['data', 'inputs'], inputWords, source),
    () => checkRows(targets, ['data', 'targets'], targetWords, source),
    () => checkExampleCount(inputs.length, targets.length, source),
  ]);
}

/** Words for the rows of `data.inputs` or `data.targets`. */
interface RowWords {
  readonly example: Bilingual<string>;
  readonly value: { es: [string, string]; en: [string, string] };
}

const inputWords: RowWords = {
  example: { es: 'inputs: [[0, 0], [0, 1], [1, 0], [1, 1]]', en: 'inputs: [[0, 0], [0, 1], [1, 0], [1, 1]]' },
  value: { es: ['entrada', 'entradas'], en: ['input', 'inputs'] },
};

const targetWords: RowWords = {
  example: { es: 'targets: [[0], [1], [1], [0]]', en: 'targets: [[0], [1], [1], [0]]' },
  value: { es: ['salida', 'salidas'], en: ['output', 'outputs'] },
};

/** Checks that there is at least one row and that every row has the length of the first, from 1 to the maximum. */
function checkRows(rows: readonly (number | number[])[], path: SpecPath, words: RowWords, source: SpecSource): SpecFault | undefined {
  if (rows.length === 0) {
    return emptyListFault(
      path,
      { es: `Escribe al menos un ejemplo, una fila por ejemplo, como \`${words.example.es}\`.`, en: `Write at least one example, one row per example, such as \`${words.example.en}\`.` },
      source,
    );
  }

  const lengths = rows.map((row) => (typeof row === 'number' ? 1 : row.length));
  const first = lengths[0] ?? 0;
  const tooLong = lengths.findIndex((length) => length < 1 || length > limits.maxRowLength);
  if (tooLong >= 0) {
    const has = count(lengths[tooLong] ?? 0, words.value.es, words.value.en);
    return valueFault([...path, tooLong], source, {
      es: `con ${has.es}, pero cada fila debe tener de 1 a ${limits.maxRowLength} valores. Corrige la fila.`,
      en: `with ${has.en}, but each row must have 1 to ${limits.maxRowLength} values. Fix the row.`,
    });
  }

  const ragged = lengths.findIndex((length) => length !== first);
  if (ragged < 0) return undefined;

  const has = count(lengths[ragged] ?? 0, words.value.es, words.value.en);
  const firstHas = count(first, words.value.es, words.value.en);
  return valueFault([...path, ragged], source, {
    es: `con ${has.es}, pero la fila del ejemplo 1 tiene ${firstHas.es}. Todos los ejemplos deben tener el mismo número de valores: corrige esa fila.`,
    en: `with ${has.en}, but the row of example 1 has ${firstHas.en}. Every example must have the same number of values: fix that row.`,
  });
}

function checkExampleCount(inputs: number, targets: number, source: SpecSource): SpecFault | undefined {
  if (inputs > limits.maxExamples) {
    return valueFault(['data', 'inputs'], source, {
      es: `pero tiene ${inputs} ejemplos, y un laboratorio admite hasta ${limits.maxExamples}: cada experimento se entrena con muchas semillas y el apunte imprime sus predicciones. Deja un conjunto de datos pequeño, como los de clase.`,
      en: `but it has ${inputs} examples, and a lab takes up to ${limits.maxExamples}: every experiment is trained with many seeds and the handout prints its predictions. Keep a small data set, such as the lecture's.`,
    });
  }
  if (inputs === targets) return undefined;

  const path = ['data', 'targets'];
  const rows = count(targets, ['fila', 'filas'], ['row', 'rows']);
  const examples = count(inputs, ['ejemplo', 'ejemplos'], ['example', 'examples']);
  return {
    path,
    es: `\`data.targets\` tiene ${rows.es}, pero \`data.inputs\` tiene ${examples.es}. Escribe una fila de salidas esperadas por cada fila de entradas, en el mismo orden.`,
    en: `\`data.targets\` has ${rows.en}, but \`data.inputs\` has ${examples.en}. Write one row of expected outputs per row of inputs, in the same order.`,
  };
}

// Model.

const activationWords: NameWords = {
  description: { es: 'una función de activación conocida', en: 'a known activation function' },
  choices: listedNames(activationNames),
};

/** Checks the name of a layer activation. gelu is rejected, because it is only plotted. */
function checkLayerActivation(name: string | undefined, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (name !== 'gelu') return checkName(name, path, activationNames, activationWords, source);

  return valueFault(path, source, {
    es: `pero gelu solo se dibuja, en \`activations.names\`: cadena no la usa en las capas. Elige una de: ${activationNames.join(', ')}.`,
    en: `but gelu is only plotted, in \`activations.names\`: cadena does not use it in layers. Choose one of: ${activationNames.join(', ')}.`,
  });
}

function takesAlpha(activation: string): boolean {
  return isActivationName(activation) && activations[activation].defaultAlpha !== undefined;
}

/** Checks the hidden sizes at `path`: one number, or a list of at most the maximum of layers. */
function checkHidden(hidden: number | readonly number[] | undefined, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (hidden === undefined) return undefined;
  if (typeof hidden === 'number') return checkLayerSize(hidden, path, source);

  if (hidden.length > limits.maxHiddenLayers) {
    const layers = count(hidden.length, ['capa oculta', 'capas ocultas'], ['hidden layer', 'hidden layers']);
    return valueFault(path, source, {
      es: `con ${layers.es}, pero se admiten a lo sumo ${limits.maxHiddenLayers}. Quita capas.`,
      en: `with ${layers.en}, but at most ${limits.maxHiddenLayers} are allowed. Remove layers.`,
    });
  }
  return firstFault(hidden.map((size, index) => () => checkLayerSize(size, [...path, index], source)));
}

function checkLayerSize(size: number, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (Number.isInteger(size) && size >= 1 && size <= limits.maxLayerSize) return undefined;

  const noLayer =
    size === 0
      ? { es: ' Para una red sin capa oculta escribe `[]`.', en: ' For a network without a hidden layer write `[]`.' }
      : { es: '', en: '' };
  return valueFault(path, source, {
    es: `pero el número de neuronas de una capa oculta debe ser un entero de 1 a ${limits.maxLayerSize}.${noLayer.es}`,
    en: `but the number of neurons of a hidden layer must be an integer from 1 to ${limits.maxLayerSize}.${noLayer.en}`,
  });
}

function checkLoss(loss: string | undefined, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (loss === undefined || lossNameOf(loss) !== undefined) return undefined;

  const { es, en } = didYouMean(loss, ['mse', 'mean_squared_error', 'binary_crossentropy']);
  return valueFault(path, source, {
    es: `que no es una función de error del entrenamiento.${es} Escribe ${lossChoices.es}.`,
    en: `which is not a training loss.${en} Write ${lossChoices.en}.`,
  });
}

/**
 * Checks the keys a model mapping writes at `path` (the lab's `model` or an experiment's),
 * and the merged model `merged` that those keys are part of.
 */
function checkModel(model: ModelData | undefined, path: SpecPath, merged: ModelData, context: LabContext): SpecFault | undefined {
  if (model === undefined) return undefined;

  const { source } = context;
  return firstFault([
    () => checkHidden(model.hidden, [...path, 'hidden'], source),
    () => checkLayerActivation(model.activation, [...path, 'activation'], source),
    () => checkLayerActivation(model.output_activation, [...path, 'output_activation'], source),
    () => checkAlpha(model.alpha, [...path, 'alpha'], merged.activation ?? defaultModel.activation, source),
    () => checkLoss(model.loss, [...path, 'loss'], source),
    () => checkCrossEntropyOutput(model, path, merged, context),
    () => checkCrossEntropyTargets(model, path, context),
  ]);
}

function checkAlpha(alpha: number | undefined, path: SpecPath, activation: string, source: SpecSource): SpecFault | undefined {
  if (alpha === undefined) return undefined;
  if (takesAlpha(activation)) return checkAlphaRange(alpha, path, source);

  return valueFault(path, source, {
    es: `pero la activación de las capas ocultas, ${activation}, no usa alpha. Solo estas activaciones tienen el parámetro alpha: ${activationsWithAlpha.join(', ')}. Borra alpha o cambia la activación.`,
    en: `but the activation of the hidden layers, ${activation}, takes no alpha. Only these activations have the parameter alpha: ${activationsWithAlpha.join(', ')}. Delete alpha or change the activation.`,
  });
}

/** Returns the field where the merged value of `key` was written: in `model` at `path` when it writes it, else in the lab's `model`. */
function writtenAt(model: ModelData, path: SpecPath, key: keyof ModelData): string {
  return model[key] !== undefined ? formatPath([...path, key]) : `model.${key}`;
}

/**
 * Checks that binary cross-entropy has a sigmoid output. Reported where `model` writes the
 * output activation or the loss, so a conflict inherited from the lab's model is reported
 * once, at the lab's model.
 */
function checkCrossEntropyOutput(model: ModelData, path: SpecPath, merged: ModelData, context: LabContext): SpecFault | undefined {
  const output = merged.output_activation ?? defaultModel.outputActivation;
  const loss = merged.loss === undefined ? defaultModel.loss : lossNameOf(merged.loss);
  if (loss !== 'binary_crossentropy' || output === 'sigmoid' || !isActivationName(output)) return undefined;

  let key: 'output_activation' | 'loss';
  if (model.output_activation !== undefined) key = 'output_activation';
  else if (model.loss !== undefined) key = 'loss';
  else return undefined;

  const lossAt = writtenAt(model, path, 'loss');
  const outputAt = writtenAt(model, path, 'output_activation');
  const outputText = merged.output_activation === undefined ? { es: 'la predeterminada', en: 'the default' } : { es: `en \`${outputAt}\``, en: `in \`${outputAt}\`` };
  return valueFault([...path, key], context.source, {
    es: `pero la función de error binary_crossentropy (en \`${lossAt}\`) necesita la activación de salida sigmoid, y la salida es ${output} (${outputText.es}). binary_crossentropy calcula log(ŷ) y log(1 − ŷ), que solo existen con salidas estrictamente entre 0 y 1, y solo sigmoid las da. Escribe \`output_activation: sigmoid\` o \`loss: mse\`.`,
    en: `but the loss binary_crossentropy (in \`${lossAt}\`) needs the output activation sigmoid, and the output is ${output} (${outputText.en}). binary_crossentropy computes log(ŷ) and log(1 − ŷ), which exist only for outputs strictly between 0 and 1, and only sigmoid gives them. Write \`output_activation: sigmoid\` or \`loss: mse\`.`,
  });
}

/** Checks that every target is from 0 to 1 when the model at `path` writes binary cross-entropy. */
function checkCrossEntropyTargets(model: ModelData, path: SpecPath, context: LabContext): SpecFault | undefined {
  const { data, source } = context;
  if (model.loss === undefined || lossNameOf(model.loss) !== 'binary_crossentropy' || data.data === undefined) return undefined;

  const targets = data.data.targets;
  for (const [i, row] of targets.entries()) {
    const values = typeof row === 'number' ? [row] : row;
    const j = values.findIndex((value) => value < 0 || value > 1);
    if (j < 0) continue;

    const targetPath = typeof row === 'number' ? ['data', 'targets', i] : ['data', 'targets', i, j];
    const lossAt = formatPath([...path, 'loss']);
    return valueFault(targetPath, source, {
      es: `pero con la función de error binary_crossentropy (en \`${lossAt}\`) cada salida esperada es una probabilidad, de 0 a 1. Corrige el valor o usa \`loss: mse\`.`,
      en: `but with the loss binary_crossentropy (in \`${lossAt}\`) each expected output is a probability, from 0 to 1. Fix the value or use \`loss: mse\`.`,
    });
  }
  return undefined;
}

// Output range and threshold.

/** The open interval of outputs an activation gives, for the activations whose outputs are bounded. */
const outputRanges: Partial<Record<ActivationName, { low: number; high: number; example: number }>> = {
  sigmoid: { low: 0, high: 1, example: 0.5 },
  tanh: { low: -1, high: 1, example: 0 },
  relu: { low: 0, high: Infinity, example: 0.5 },
};

/**
 * Checks that the threshold lies strictly inside the outputs of every output activation of
 * the lab, or every prediction would fall on one side.
 *
 * NOTE: elu's outputs start at −α and leaky_relu's and linear's are unbounded, so those
 * output activations accept any threshold here.
 */
function checkThreshold(data: LabData, source: SpecSource): SpecFault | undefined {
  const threshold = data.threshold;
  if (threshold === undefined) return undefined;

  const outputs: { activation: string; at: Bilingual<string> }[] = [];
  const labOutput = data.model?.output_activation;
  outputs.push({
    activation: labOutput ?? defaultModel.outputActivation,
    at: labOutput === undefined ? { es: 'la predeterminada', en: 'the default' } : { es: 'en `model.output_activation`', en: 'in `model.output_activation`' },
  });
  for (const [index, experiment] of data.experiments.entries()) {
    const own = experiment.model?.output_activation;
    if (own === undefined) continue;
    const at = `experiments[${index}].model.output_activation`;
    outputs.push({ activation: own, at: { es: `en \`${at}\``, en: `in \`${at}\`` } });
  }

  for (const { activation, at } of outputs) {
    const range = isActivationName(activation) ? outputRanges[activation] : undefined;
    if (range === undefined || (threshold > range.low && threshold < range.high)) continue;

    const inside =
      range.high === Infinity
        ? { es: `ser mayor que ${range.low}`, en: `be greater than ${range.low}` }
        : { es: `estar estrictamente entre ${range.low} y ${range.high}`, en: `lie strictly between ${range.low} and ${range.high}` };
    return valueFault(['threshold'], source, {
      es: `pero la activación de salida ${activation} (${at.es}) da salidas ${rangeText(range).es}, así que el umbral debe ${inside.es}: si no, todas las predicciones caen del mismo lado. Escribe por ejemplo \`threshold: ${range.example}\`.`,
      en: `but the output activation ${activation} (${at.en}) gives outputs ${rangeText(range).en}, so the threshold must ${inside.en}: otherwise every prediction falls on the same side. Write for example \`threshold: ${range.example}\`.`,
    });
  }
  return undefined;
}

function rangeText(range: { low: number; high: number }): Bilingual<string> {
  if (range.high === Infinity) return { es: `desde ${range.low}`, en: `from ${range.low} up` };
  return { es: `entre ${range.low} y ${range.high}`, en: `between ${range.low} and ${range.high}` };
}

// Optimizers.

const optimizerWords: NameWords = {
  description: { es: 'un optimizador conocido', en: 'a known optimizer' },
  choices: {
    es: 'Escribe sgd, rmsprop o adam (también SGD, RMSprop o Adam, como en Keras).',
    en: 'Write sgd, rmsprop or adam (also SGD, RMSprop or Adam, as in Keras).',
  },
};

/** Returns the optimizers that take `key`, e.g. ['sgd', 'rmsprop'] for `momentum`. */
function optimizersWithKey(key: string): string[] {
  return optimizerNames.filter((name) => optimizerKeys[name].includes(key));
}

function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/**
 * Checks one optimizer at `path`: its name, that it writes only its own keys, and their
 * ranges. `labelled` allows a `label`, which only lists of optimizers take, because there it
 * names a row of a table.
 */
function checkOptimizer(optimizer: OptimizerData, path: SpecPath, labelled: boolean, context: LabContext): SpecFault | undefined {
  const { raw, source } = context;
  const isBareName = typeof valueAt(raw, path) === 'string';
  const namePath = isBareName ? path : [...path, 'name'];
  const name = optimizerNameOf(optimizer.name);
  if (name === undefined) return checkName(optimizer.name, namePath, optimizerNames, optimizerWords, source);

  const at = (key: string) => [...path, key];
  return firstFault([
    () => checkOptimizerKeys(name, path, context),
    () => checkLabel(optimizer.label, at('label'), labelled, source),
    () => checkPositive(optimizer.learning_rate, at('learning_rate'), learningRateWords, source),
    () => checkUnitRange(optimizer.momentum, at('momentum'), true, source),
    () => checkUnitRange(optimizer.rho, at('rho'), false, source),
    () => checkUnitRange(optimizer.beta_1, at('beta_1'), false, source),
    () => checkUnitRange(optimizer.beta_2, at('beta_2'), false, source),
    () => checkPositive(optimizer.epsilon, at('epsilon'), epsilonWords, source),
    () => checkPositive(optimizer.clipnorm ?? undefined, at('clipnorm'), clipnormWords, source),
  ]);
}

/** Checks that the mapping at `path` writes only keys of the optimizer `name`, in the order written. */
function checkOptimizerKeys(name: (typeof optimizerNames)[number], path: SpecPath, context: LabContext): SpecFault | undefined {
  const mapping = valueAt(context.raw, path);
  if (mapping === null || typeof mapping !== 'object') return undefined;

  const own = optimizerKeys[name];
  const foreign = Object.keys(mapping).find((key) => key !== 'name' && key !== 'label' && !own.includes(key));
  if (foreign === undefined) return undefined;

  const owners = optimizersWithKey(foreign);
  const field = labFieldName(path);
  return {
    path: [...path, foreign],
    atKey: true,
    es: `la clave \`${foreign}\` de ${field.es} es de ${joinNames(owners, 'y')}, no de ${name}. ${name} acepta: ${own.join(', ')} y label. Borra la clave, o cambia \`name\` a ${joinNames(owners, 'o')}.`,
    en: `the key \`${foreign}\` of ${field.en} belongs to ${joinNames(owners, 'and')}, not to ${name}. ${name} accepts: ${own.join(', ')} and label. Delete the key, or change \`name\` to ${joinNames(owners, 'or')}.`,
  };
}

function checkLabel(label: string | undefined, path: SpecPath, labelled: boolean, source: SpecSource): SpecFault | undefined {
  if (label === undefined) return undefined;
  if (labelled) return checkText(label, path, true, source);

  return valueFault(path, source, {
    es: 'pero `label` solo nombra una fila de las tablas que comparan optimizadores, en `vary.optimizer` y `optimizer_steps.optimizers`. Aquí hay un solo optimizador: borra la clave.',
    en: 'but `label` only names a row of the tables that compare optimizers, in `vary.optimizer` and `optimizer_steps.optimizers`. Here there is a single optimizer: delete the key.',
  });
}

const learningRateWords: Bilingual<string> = {
  es: 'la tasa de aprendizaje debe ser mayor que 0. Escribe un número positivo, por ejemplo 0.1',
  en: 'the learning rate must be greater than 0. Write a positive number, for example 0.1',
};

const epsilonWords: Bilingual<string> = {
  es: 'epsilon debe ser mayor que 0, porque evita dividir por cero. Escribe por ejemplo 1e-7, el valor de Keras',
  en: "epsilon must be greater than 0, because it avoids dividing by zero. Write for example 1e-7, Keras's value",
};

const clipnormWords: Bilingual<string> = {
  es: 'clipnorm debe ser mayor que 0: es la norma máxima del gradiente. Escribe por ejemplo 1, o null para no recortar',
  en: 'clipnorm must be greater than 0: it is the maximum norm of the gradient. Write for example 1, or null for no clipping',
};

function checkPositive(value: number | undefined, path: SpecPath, words: Bilingual<string>, source: SpecSource): SpecFault | undefined {
  if (value === undefined || value > 0) return undefined;
  return valueFault(path, source, { es: `pero ${words.es}.`, en: `but ${words.en}.` });
}

/** Checks a factor from 0 to 1: up to 1 inclusive when `includesOne` (momentum), else below 1 (rho, beta_1, beta_2). */
function checkUnitRange(value: number | undefined, path: SpecPath, includesOne: boolean, source: SpecSource): SpecFault | undefined {
  if (value === undefined || (value >= 0 && (includesOne ? value <= 1 : value < 1))) return undefined;

  const key = String(path[path.length - 1]);
  const range = includesOne
    ? { es: 'de 0 a 1', en: 'from 0 to 1' }
    : { es: 'desde 0 y menor que 1 (con 1 la media nunca olvida el primer gradiente)', en: 'from 0 and less than 1 (with 1 the average never forgets the first gradient)' };
  return valueFault(path, source, {
    es: `pero ${key} debe ser un número ${range.es}. Por ejemplo 0.9.`,
    en: `but ${key} must be a number ${range.en}. For example 0.9.`,
  });
}

// Training.

function checkTraining(training: TrainingData | undefined, path: SpecPath, context: LabContext): SpecFault | undefined {
  if (training === undefined) return undefined;

  const { source } = context;
  const { optimizer } = training;
  return firstFault([
    () => (optimizer === undefined ? undefined : checkOptimizer(optimizer, [...path, 'optimizer'], false, context)),
    () => checkInteger(training.epochs, [...path, 'epochs'], 1, limits.maxEpochs, epochsMeaning, source),
    () => checkBatchSize(training.batch_size, [...path, 'batch_size'], context),
  ]);
}

function checkBatchSize(batchSize: number | string | undefined, path: SpecPath, context: LabContext): SpecFault | undefined {
  const { examples, source } = context;
  if (batchSize === undefined || batchSize === 'all') return undefined;
  if (typeof batchSize === 'number' && Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= examples) return undefined;

  const has = count(examples, ['ejemplo', 'ejemplos'], ['example', 'examples']);
  const reason =
    typeof batchSize === 'string'
      ? { es: 'que no es un tamaño de lote.', en: 'which is not a batch size.' }
      : { es: `pero el tamaño de lote debe ser un número entero de 1 a ${examples}, porque los datos tienen ${has.es}.`, en: `but the batch size must be an integer from 1 to ${examples}, because the data has ${has.en}.` };
  return valueFault(path, source, {
    es: `${reason.es} Escribe \`all\` para usar todos los ejemplos en cada paso, o un número de ejemplos por paso de 1 a ${examples}.`,
    en: `${reason.en} Write \`all\` to use every example in each step, or a number of examples per step from 1 to ${examples}.`,
  });
}

// Experiments.

function checkExperiments(context: LabContext): SpecFault | undefined {
  const { experiments } = context.data;
  if (experiments.length === 0) {
    const fix = {
      es: 'Escribe al menos un experimento con id, title, question y vary; exercises/xor.yaml tiene ejemplos.',
      en: 'Write at least one experiment with id, title, question and vary; exercises/xor.yaml has examples.',
    };
    return emptyListFault(['experiments'], fix, context.source);
  }

  if (experiments.length > limits.maxExperiments) {
    return valueFault(['experiments'], context.source, {
      es: `pero tiene ${experiments.length} experimentos, y un laboratorio admite hasta ${limits.maxExperiments}. Divide el laboratorio en varios archivos.`,
      en: `but it has ${experiments.length} experiments, and a lab takes up to ${limits.maxExperiments}. Split the lab into several files.`,
    });
  }
  return firstFault(experiments.map((experiment, index) => () => checkExperiment(experiment, index, context)));
}

function checkExperiment(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  const { data, source } = context;
  const path = ['experiments', index];
  const at = (...keys: PropertyKey[]) => [...path, ...keys];
  return firstFault([
    () => checkId(experiment.id, at('id'), `experimento-${index + 1}`, source),
    () => checkUniqueId(experiment.id, index, data.experiments, source),
    () => checkText(experiment.title, at('title'), true, source),
    () => checkText(experiment.question, at('question'), false, source),
    () => checkText(experiment.text, at('text'), false, source),
    () => checkModel(experiment.model, at('model'), experimentModel(data, experiment), context),
    () => checkTraining(experiment.training, at('training'), context),
    () => checkVary(experiment, index, context),
    () => checkSettingCount(experiment, index, context),
    () => checkFocus(experiment, index, context),
    () => checkBoundaries(experiment, index, context),
    () => checkWork(experiment, index, context),
  ]);
}

/** Checks that an experiment compares at most maxSettings settings, which still fit one figure on a page. */
function checkSettingCount(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  const settings = varyKeys.reduce((product, key) => product * (experiment.vary[key]?.length ?? 1), 1);
  if (settings <= limits.maxSettings) return undefined;
  return valueFault(['experiments', index, 'vary'], context.source, {
    es: `pero combina ${settings} configuraciones, y un experimento compara hasta ${limits.maxSettings}, para que sus curvas quepan en una página. Quita valores de \`vary\` o divide el experimento en dos.`,
    en: `but it combines ${settings} settings, and an experiment compares up to ${limits.maxSettings}, so that its curves fit on one page. Remove values from \`vary\` or split the experiment in two.`,
  });
}

/** Checks that every value of `focus` is one of the values its `vary` list compares. */
function checkFocus(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  const { focus } = experiment;
  if (focus === undefined) return undefined;
  if (Object.keys(focus).length === 0) {
    return valueFault(['experiments', index, 'focus'], context.source, {
      es: 'pero no nombra ninguna configuración. Escribe los valores de la que pregunta `question`, por ejemplo `focus: { hidden: 2, epochs: 400 }`, o borra la clave.',
      en: 'but it names no setting. Write the values of the one `question` asks about, for example `focus: { hidden: 2, epochs: 400 }`, or delete the key.',
    });
  }

  for (const key of focusKeys) {
    const value = focus[key];
    if (value === undefined) continue;
    const path = ['experiments', index, 'focus', key];
    if (experiment.vary[key] === undefined) {
      return valueFault(path, context.source, {
        es: `pero \`vary\` no compara \`${key}\`, así que ninguna configuración se distingue por ese valor. Borra la clave de focus o agrega \`${key}\` a vary.`,
        en: `but \`vary\` does not compare \`${key}\`, so no setting is told apart by that value. Delete the key from focus or add \`${key}\` to vary.`,
      });
    }
    const listed = settingKeys(experiment, key, context.examples);
    if (!listed.includes(settingKey(key, value, context.examples))) {
      const values = context.source.writtenValue(['experiments', index, 'vary', key]);
      return valueFault(path, context.source, {
        es: `pero no es uno de los valores de \`vary.${key}\` (\`${values}\`). Escribe uno de ellos.`,
        en: `but it is not one of the values of \`vary.${key}\` (\`${values}\`). Write one of them.`,
      });
    }
  }
  return undefined;
}

function checkUniqueId(id: string, index: number, experiments: readonly ExperimentData[], source: SpecSource): SpecFault | undefined {
  const first = experiments.findIndex((experiment) => experiment.id === id);
  if (first === index) return undefined;

  return valueFault(['experiments', index, 'id'], source, {
    es: `el mismo id que \`experiments[${first}].id\` (experimento ${first + 1}), pero cada experimento nombra sus propias figuras. Cambia uno de los dos.`,
    en: `the same id as \`experiments[${first}].id\` (experiment ${first + 1}), but each experiment names its own figures. Change one of them.`,
  });
}

/** The key an experiment writes in `model` or `training` that each value of a `vary` list replaces. */
const replacedBy: Record<VaryKey, readonly string[]> = {
  hidden: ['model', 'hidden'],
  optimizer: ['training', 'optimizer'],
  learning_rate: ['training', 'optimizer', 'learning_rate'],
  batch_size: ['training', 'batch_size'],
  epochs: ['training', 'epochs'],
};

function checkVary(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  const path = ['experiments', index, 'vary'];
  const present = varyKeys.filter((key) => experiment.vary[key] !== undefined);
  if (present.length === 0) {
    const field = labFieldName(path);
    return {
      path,
      es: `${field.es} no tiene ninguna clave, pero dice lo que el experimento compara. Escribe una o más de ${varyKeys.join(', ')}, cada una con su lista de valores, por ejemplo \`vary: { hidden: [2, 3, 4] }\`.`,
      en: `${field.en} has no key, but it states what the experiment compares. Write one or more of ${varyKeys.join(', ')}, each with its list of values, for example \`vary: { hidden: [2, 3, 4] }\`.`,
    };
  }

  return firstFault(present.map((key) => () => checkVaryList(experiment, index, key, context)));
}

function checkVaryList(experiment: ExperimentData, index: number, key: VaryKey, context: LabContext): SpecFault | undefined {
  const path = ['experiments', index, 'vary', key];
  if (experiment.vary[key]?.length === 0) {
    const fix = { es: 'Escribe los valores que se comparan, o borra la clave.', en: 'Write the values to compare, or delete the key.' };
    return emptyListFault(path, fix, context.source);
  }

  return firstFault([
    () => checkReplaced(index, key, context.raw),
    ...varyItemChecks(experiment, path, key, context),
    () => checkDuplicates(settingKeys(experiment, key, context.examples), path, sameSettingWords[key], context.source),
  ]);
}

/** Checks that the experiment does not also write in `model` or `training` the key that `vary.<key>` replaces. */
function checkReplaced(index: number, key: VaryKey, raw: unknown): SpecFault | undefined {
  const path = ['experiments', index, ...replacedBy[key]];
  if (valueAt(raw, path) === undefined) return undefined;

  const field = labFieldName(path);
  const vary = `experiments[${index}].vary.${key}`;
  return {
    path,
    atKey: true,
    es: `${field.es} no tiene efecto, porque cada valor de \`${vary}\` lo reemplaza. Borra una de las dos claves.`,
    en: `${field.en} has no effect, because each value of \`${vary}\` replaces it. Delete one of the two keys.`,
  };
}

/** Returns a check for each value of the list `vary.<key>` at `path`. */
function varyItemChecks(experiment: ExperimentData, path: SpecPath, key: VaryKey, context: LabContext): Check[] {
  const { vary } = experiment;
  const { source } = context;
  switch (key) {
    case 'hidden':
      return (vary.hidden ?? []).map((hidden, item) => () => checkHidden(hidden, [...path, item], source));
    case 'optimizer':
      return (vary.optimizer ?? []).map((optimizer, item) => () => {
        const itemPath = [...path, item];
        return checkOptimizer(optimizer, itemPath, true, context) ?? checkVariedRate(experiment, optimizer, itemPath, source);
      });
    case 'learning_rate':
      return (vary.learning_rate ?? []).map((rate, item) => () => checkPositive(rate, [...path, item], learningRateWords, source));
    case 'batch_size':
      return (vary.batch_size ?? []).map((size, item) => () => checkBatchSize(size, [...path, item], context));
    case 'epochs':
      return (vary.epochs ?? []).map((epochs, item) => () => checkInteger(epochs, [...path, item], 1, limits.maxEpochs, epochsMeaning, source));
  }
}

/** Checks that an optimizer of `vary.optimizer` writes no learning rate when `vary.learning_rate` replaces it. */
function checkVariedRate(experiment: ExperimentData, optimizer: OptimizerData, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (experiment.vary.learning_rate === undefined || optimizer.learning_rate === undefined) return undefined;

  return valueFault([...path, 'learning_rate'], source, {
    es: 'pero no tiene efecto, porque cada valor de `vary.learning_rate` del experimento reemplaza la tasa de cada optimizador. Borra una de las dos claves.',
    en: "but it has no effect, because each value of the experiment's `vary.learning_rate` replaces the rate of every optimizer. Delete one of the two keys.",
  });
}

/** Returns, for each value of `vary.<key>`, a text that two values share exactly when they give the same setting. */
function settingKeys(experiment: ExperimentData, key: VaryKey, examples: number): string[] {
  const { vary } = experiment;
  switch (key) {
    case 'hidden':
      return (vary.hidden ?? []).map((hidden) => settingKey(key, hidden, examples));
    case 'optimizer':
      return (vary.optimizer ?? []).map((optimizer) => JSON.stringify(toOptimizerConfig(optimizer)));
    case 'learning_rate':
      return (vary.learning_rate ?? []).map((rate) => settingKey(key, rate, examples));
    case 'batch_size':
      return (vary.batch_size ?? []).map((size) => settingKey(key, size, examples));
    case 'epochs':
      return (vary.epochs ?? []).map((epochs) => settingKey(key, epochs, examples));
  }
}

/** Writes one value of a `vary` or `focus` key so that two spellings of the same setting compare equal. */
function settingKey(key: FocusKey, value: number | string | readonly number[], examples: number): string {
  if (key === 'hidden') return JSON.stringify(hiddenOf(value as number | readonly number[]));
  if (key !== 'batch_size') return String(value);
  const size = batchSizeOf(value as number | string);
  return size === null || size === examples ? 'all' : String(size);
}

const noReason: Bilingual<string> = { es: '', en: '' };

/** Explanations of how two different spellings give the same setting, for the lists where they can. */
const sameSettingWords: Record<VaryKey, Bilingual<string>> = {
  hidden: { es: ' (un número es una sola capa: 2 y [2] son la misma red)', en: ' (a number is a single layer: 2 and [2] are the same network)' },
  optimizer: {
    es: ' (con los valores de Keras para las claves que faltan; label no cuenta)',
    en: " (with Keras's values for the missing keys; label does not count)",
  },
  learning_rate: noReason,
  batch_size: { es: ' (`all` y el número de ejemplos son el mismo lote)', en: ' (`all` and the number of examples are the same batch)' },
  epochs: noReason,
};

/** Checks that no two entries of the list at `path` have the same key. `reason` explains keys that differ from the written text. */
function checkDuplicates(keys: readonly string[], path: SpecPath, reason: Bilingual<string>, source: SpecSource): SpecFault | undefined {
  const index = keys.findIndex((key, i) => keys.indexOf(key) !== i);
  if (index < 0) return undefined;

  const first = formatPath([...path, keys.indexOf(keys[index] ?? '')]);
  return valueFault([...path, index], source, {
    es: `el mismo valor que \`${first}\`${reason.es}. Deja cada valor una sola vez.`,
    en: `the same value as \`${first}\`${reason.en}. Keep each value only once.`,
  });
}

function checkBoundaries(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  if (experiment.boundaries !== true) return undefined;

  const dataset = datasetOf(context.data);
  const inputs = dataset.inputs[0]?.length ?? 0;
  const outputs = dataset.targets[0]?.length ?? 0;
  if (inputs !== 2) {
    const has = count(inputs, ['entrada', 'entradas'], ['input', 'inputs']);
    return valueFault(['experiments', index, 'boundaries'], context.source, {
      es: `pero la frontera de decisión se dibuja en el plano de dos entradas, y los datos tienen ${has.es} por ejemplo. Escribe \`boundaries: false\`.`,
      en: `but the decision boundary is drawn in the plane of two inputs, and the data has ${has.en} per example. Write \`boundaries: false\`.`,
    });
  }
  if (outputs === 1) return undefined;

  const has = count(outputs, ['salida', 'salidas'], ['output', 'outputs']);
  return valueFault(['experiments', index, 'boundaries'], context.source, {
    es: `pero cada imagen de la frontera colorea una sola salida, y los datos tienen ${has.es} por ejemplo. Escribe \`boundaries: false\`, o deja una sola columna en \`data.targets\`.`,
    en: `but each boundary picture colours a single output, and the data has ${has.en} per example. Write \`boundaries: false\`, or keep a single column in \`data.targets\`.`,
  });
}

/**
 * Checks the work of an experiment: the sum over its settings of the epochs, times the seeds
 * and the examples, is the number of single-example steps through the network.
 */
function checkWork(experiment: ExperimentData, index: number, context: LabContext): SpecFault | undefined {
  const { data, examples, source } = context;
  const { vary } = experiment;
  const epochs = vary.epochs ?? [experimentTraining(data, experiment).epochs ?? defaultTraining.epochs];
  const others = varyKeys.filter((key) => key !== 'epochs').map((key) => vary[key]?.length ?? 1);
  const otherSettings = others.reduce((product, length) => product * length, 1);
  const seeds = data.seeds ?? defaultSeeds;
  const epochSum = epochs.reduce((sum, value) => sum + value, 0);
  const work = otherSettings * epochSum * seeds * examples;
  if (work <= limits.maxWork) return undefined;

  const settings = otherSettings * epochs.length;
  const maxEpochs = Math.max(...epochs);
  const field = labFieldName(['experiments', index]);
  return {
    path: ['experiments', index, 'vary'],
    atKey: true,
    es: `${field.es} entrena ${settings} configuraciones × ${seeds} semillas, con hasta ${maxEpochs} épocas sobre ${examples} ejemplos: ${work} pasos de un ejemplo por la red, más que el máximo de ${limits.maxWork}. Reduce \`seeds\`, las épocas o los valores de \`vary\`, o divide el experimento en dos.`,
    en: `${field.en} trains ${settings} settings × ${seeds} seeds, with up to ${maxEpochs} epochs over ${examples} examples: ${work} single-example steps through the network, more than the maximum of ${limits.maxWork}. Reduce \`seeds\`, the epochs or the values of \`vary\`, or split the experiment in two.`,
  };
}

// Sections.

function checkOptimizerSteps(steps: NonNullable<LabData['optimizer_steps']>, context: LabContext): SpecFault | undefined {
  const { source } = context;
  const path = ['optimizer_steps'];
  const { gradients, optimizers } = steps;
  return firstFault([
    () => checkText(steps.parameter, [...path, 'parameter'], true, source),
    () => checkGradients(gradients, source),
    () => (optimizers?.length === 0 ? emptyListFault([...path, 'optimizers'], optimizerListFix, source) : undefined),
    ...(optimizers ?? []).map((optimizer, index) => () => checkOptimizer(optimizer, [...path, 'optimizers', index], true, context)),
    () => {
      const keys = (optimizers ?? []).map((optimizer) => JSON.stringify(toOptimizerConfig(optimizer)));
      return checkDuplicates(keys, [...path, 'optimizers'], sameSettingWords.optimizer, source);
    },
  ]);
}

const optimizerListFix: Bilingual<string> = {
  es: 'Escribe al menos un optimizador, por ejemplo `[{ name: sgd, learning_rate: 0.1 }]`, o borra la clave para usar los de la clase.',
  en: "Write at least one optimizer, for example `[{ name: sgd, learning_rate: 0.1 }]`, or delete the key to use the lecture's.",
};

function checkGradients(gradients: readonly number[] | undefined, source: SpecSource): SpecFault | undefined {
  if (gradients === undefined || (gradients.length >= 1 && gradients.length <= limits.maxGradients)) return undefined;

  const path = ['optimizer_steps', 'gradients'];
  const has = count(gradients.length, ['gradiente', 'gradientes'], ['gradient', 'gradients']);
  return valueFault(path, source, {
    es: `con ${has.es}, pero se desarrollan de 1 a ${limits.maxGradients} pasos, uno por gradiente. Escribe entre 1 y ${limits.maxGradients} números, por ejemplo [0.2, -0.1, 0.15].`,
    en: `with ${has.en}, but 1 to ${limits.maxGradients} steps are worked out, one per gradient. Write 1 to ${limits.maxGradients} numbers, for example [0.2, -0.1, 0.15].`,
  });
}

function checkGradientProblems(problems: NonNullable<LabData['gradient_problems']>, source: SpecSource): SpecFault | undefined {
  const path = ['gradient_problems'];
  const cases = problems.cases;
  const layersMeaning = { es: 'las capas de una neurona de la red profunda', en: 'the one-neuron layers of the deep network' };
  const fix = {
    es: 'Escribe al menos un caso, por ejemplo `[{ activation: sigmoid, weight: 1, bias: 0 }]`, o borra la clave para usar los de la clase.',
    en: "Write at least one case, for example `[{ activation: sigmoid, weight: 1, bias: 0 }]`, or delete the key to use the lecture's.",
  };
  return firstFault([
    () => checkInteger(problems.layers, [...path, 'layers'], limits.minDeepLayers, limits.maxDeepLayers, layersMeaning, source),
    () => checkDeepValue(problems.input, [...path, 'input'], source),
    () => checkDeepValue(problems.target, [...path, 'target'], source),
    () => (cases?.length === 0 ? emptyListFault([...path, 'cases'], fix, source) : undefined),
    ...(cases ?? []).map((problemCase, index) => () => {
      const at = (key: string) => [...path, 'cases', index, key];
      return firstFault([
        () => checkText(problemCase.label, at('label'), true, source),
        () => checkLayerActivation(problemCase.activation, at('activation'), source),
        () => checkCaseAlpha(problemCase.alpha, at('alpha'), problemCase.activation, source),
        () => checkDeepValue(problemCase.weight, at('weight'), source),
        () => checkDeepValue(problemCase.bias, at('bias'), source),
      ]);
    }),
  ]);
}

/** Checks that alpha is from 0 to maxAlpha: leaky_relu's slope and elu's saturation value are small and not negative. */
function checkAlphaRange(alpha: number, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (alpha >= 0 && alpha <= limits.maxAlpha) return undefined;
  return valueFault(path, source, {
    es: `pero alpha debe ir de 0 a ${limits.maxAlpha}: es la pendiente de leaky_relu para z ≤ 0 (0.01 por omisión) o el valor al que tiende elu (1 por omisión). Escribe por ejemplo \`alpha: 0.1\`.`,
    en: `but alpha must be from 0 to ${limits.maxAlpha}: it is leaky_relu's slope for z ≤ 0 (0.01 by default) or the value elu tends to (1 by default). Write for example \`alpha: 0.1\`.`,
  });
}

/** Checks that a value of the deep networks is at most maxDeepValue in size, so that no activation overflows float64. */
function checkDeepValue(value: number | undefined, path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (value === undefined || Math.abs(value) <= limits.maxDeepValue) return undefined;
  return valueFault(path, source, {
    es: `pero en las redes profundas los valores van de −${limits.maxDeepValue} a ${limits.maxDeepValue}: con más, las activaciones de ${limits.maxDeepLayers} capas desbordan float64. Escribe un valor más chico, como 2 o −1.`,
    en: `but the deep networks take values from −${limits.maxDeepValue} to ${limits.maxDeepValue}: beyond that, the activations of ${limits.maxDeepLayers} layers overflow float64. Write a smaller value, such as 2 or −1.`,
  });
}

function checkCaseAlpha(alpha: number | undefined, path: SpecPath, activation: string, source: SpecSource): SpecFault | undefined {
  if (alpha === undefined) return undefined;
  if (takesAlpha(activation)) return checkAlphaRange(alpha, path, source);

  return valueFault(path, source, {
    es: `pero la activación del caso, ${activation}, no usa alpha. Solo estas activaciones tienen el parámetro alpha: ${activationsWithAlpha.join(', ')}. Borra alpha o cambia la activación.`,
    en: `but the activation of the case, ${activation}, takes no alpha. Only these activations have the parameter alpha: ${activationsWithAlpha.join(', ')}. Delete alpha or change the activation.`,
  });
}

const plotWords: NameWords = {
  description: { es: 'una activación que se pueda dibujar', en: 'an activation that can be plotted' },
  choices: listedNames(plotActivationNames),
};

function checkActivationPlots(plots: LabData['activations'], source: SpecSource): SpecFault | undefined {
  if (plots === undefined) return undefined;

  const path = ['activations'];
  const names = plots.names;
  const fix = {
    es: `Escribe al menos una de: ${plotActivationNames.join(', ')}, o borra la clave para dibujar las de la clase.`,
    en: `Write at least one of: ${plotActivationNames.join(', ')}, or delete the key to plot the lecture's.`,
  };
  return firstFault([
    () => (names?.length === 0 ? emptyListFault([...path, 'names'], fix, source) : undefined),
    ...(names ?? []).map((name, index) => () => checkName(name, [...path, 'names', index], plotActivationNames, plotWords, source)),
    () => checkDuplicates(names ?? [], [...path, 'names'], noReason, source),
    () => checkPlotRange(plots, source),
  ]);
}

function checkPlotRange(plots: NonNullable<LabData['activations']>, source: SpecSource): SpecFault | undefined {
  const from = plots.from ?? defaultActivationPlots.from;
  const to = plots.to ?? defaultActivationPlots.to;
  const outside = [['from', from], ['to', to]].find(([, value]) => Math.abs(value as number) > limits.maxPlotZ);
  if (outside !== undefined) {
    return valueFault(['activations', outside[0] as string], source, {
      es: `pero las gráficas van de −${limits.maxPlotZ} a ${limits.maxPlotZ} como mucho: más allá, toda activación es una recta o una constante. Escribe por ejemplo \`from: -4\` y \`to: 4\`.`,
      en: `but the plots go from −${limits.maxPlotZ} to ${limits.maxPlotZ} at most: beyond that, every activation is a line or a constant. Write for example \`from: -4\` and \`to: 4\`.`,
    });
  }
  // A tolerance keeps 5 to 5.1, whose difference is 0.0999999… in float64, at the limit.
  if (to - from >= limits.minPlotWidth * (1 - 1e-9)) return undefined;
  if (from < to) {
    return valueFault(['activations', plots.to === undefined ? 'from' : 'to'], source, {
      es: `pero las gráficas van de ${from} a ${to}, un tramo de menos de ${limits.minPlotWidth} en el que ninguna curva cambia de forma. Escribe por ejemplo \`from: -4\` y \`to: 4\`.`,
      en: `but the plots go from ${from} to ${to}, a span of less than ${limits.minPlotWidth} in which no curve changes shape. Write for example \`from: -4\` and \`to: 4\`.`,
    });
  }

  const key = plots.to === undefined ? 'from' : 'to';
  return valueFault(['activations', key], source, {
    es: `pero las gráficas van de from = ${from} a to = ${to}, y from debe ser menor que to. Escribe por ejemplo \`from: -4\` y \`to: 4\`.`,
    en: `but the plots go from from = ${from} to to = ${to}, and from must be less than to. Write for example \`from: -4\` and \`to: 4\`.`,
  });
}

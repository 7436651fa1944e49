import { activations, type ActivationName } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import { parseStructure } from '../network/issues.js';
import { formatPath, formatValue, specError, valueAt, type SpecFault, type SpecPath, type SpecSource } from '../network/source.js';
import type { Display, Rounding } from '../network/spec.js';
import {
  batchSizeOf,
  datasetOf,
  experimentModel,
  experimentTraining,
  findLabFault,
  hiddenOf,
  lossNameOf,
  toOptimizerConfig,
} from './checks.js';
import {
  defaultActivationPlots,
  defaultCaseBias,
  defaultCaseWeight,
  defaultFirstSeed,
  defaultGradientProblems,
  defaultLabDisplay,
  defaultModel,
  defaultOptimizerSteps,
  defaultSeeds,
  defaultThreshold,
  defaultTraining,
} from './defaults.js';
import { labFieldName, labVocabulary } from './fields.js';
import {
  experimentKeys,
  labSchema,
  modelKeys,
  topLevelKeys,
  trainingKeys,
  varyKeys,
  type ExperimentData,
  type LabData,
  type ModelData,
  type OptimizerData,
  type TrainingData,
  type VaryData,
} from './schema.js';
import type {
  ActivationPlots,
  Experiment,
  Focus,
  GradientProblems,
  LabeledOptimizer,
  LabSpec,
  ModelConfig,
  OptimizerSteps,
  PlotActivationName,
  Sweep,
  TrainingConfig,
} from './spec.js';
import { labWorkFault } from './work.js';

// How an experiment's settings are built:
//
// - Its model and training are the lab's `model` and `training` with the experiment's own
//   `model` and `training` keys applied over them, key by key, and the defaults under both.
//   `training.optimizer` is one value: an experiment's optimizer replaces the lab's whole.
//   The lab's `alpha` is kept only while the experiment keeps the lab's hidden activation.
// - Every optimizer mapping, wherever it is written, is a whole optimizer: the keys it leaves
//   out take Keras's defaults, not the values of another optimizer in the file.
// - `vary` is kept as written (a number in `vary.hidden` becomes a list of one layer, `all`
//   becomes null). The runner builds the combinations: each value of `vary.optimizer`
//   replaces the experiment's optimizer, and each value of `vary.learning_rate` then
//   replaces that optimizer's learning rate.
//
// checks.ts rejects a key that an experiment writes in `model` or `training` when its
// `vary` replaces it anyway.

/**
 * Validates parsed lab data and converts it to a LabSpec with the defaults filled in.
 * Throws a UserError that names the file, the line, the field and the value for the first
 * problem found. The checks run in this order: the kind of file, keys written in the wrong
 * section, the structure (keys and types, checked by zod), and last names, ranges and the
 * fields that must agree with each other.
 */
export function validateLab(data: unknown, source: SpecSource): LabSpec {
  requireMapping(data, source);

  const otherKind = otherKindFault(data);
  if (otherKind !== undefined) throw specError(source, otherKind);

  const misplaced = misplacedKeyFault(data, source);
  if (misplaced !== undefined) throw specError(source, misplaced);

  const parsed = parseStructure(labSchema, data, source, labVocabulary(data));
  const fault = findLabFault(parsed, data, source);
  if (fault !== undefined) throw specError(source, fault);

  // The cost is checked on the finished spec, where every experiment's settings are known.
  const spec = toLabSpec(parsed);
  const work = labWorkFault(spec, false);
  if (work !== undefined) throw specError(source, { path: parsed.seeds === undefined ? ['experiments'] : ['seeds'], atKey: true, ...work });
  return spec;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function requireMapping(data: unknown, source: SpecSource): asserts data is Record<string, unknown> {
  if (isMapping(data)) return;

  const written = source.writtenValue([]) || formatValue(data);
  const kindEs = Array.isArray(data) ? 'una lista' : 'un solo valor';
  const kindEn = Array.isArray(data) ? 'a list' : 'a single value';
  throw specError(source, {
    path: [],
    es: `el contenido debe ser una sección de claves (id, title, model, training, experiments…), pero es ${kindEs}: \`${written}\`. Empieza el archivo con la clave \`id:\`.`,
    en: `the content must be a mapping of keys (id, title, model, training, experiments…), but it is ${kindEn}: \`${written}\`. Start the file with the key \`id:\`.`,
  });
}

// The kind of file.

/** Top-level keys that a homework spec has and a lab does not. */
const homeworkOnlyKeys = ['ask', 'values', 'quality', 'deadline', 'submission'];

/** Keys of a network spec, under `network` or, in a file written by hand, at the top level. */
const networkOnlyKeys = ['input', 'target', 'layers'];

const labShape: Bilingual<string> = {
  es: 'Un laboratorio empieza con `id:`, describe la red en `model` y el entrenamiento en `training`, y lo que se compara en `experiments`.',
  en: 'A lab starts with `id:`, describes the network in `model` and the training in `training`, and what is compared in `experiments`.',
};

/**
 * Finds a key that only homework or network specs have, such as `ask` or `network.layers`, so
 * that such a file given in place of a lab is named as such instead of as an unknown key.
 */
function otherKindFault(data: Record<string, unknown>): SpecFault | undefined {
  const network = isMapping(data['network']) ? data['network'] : undefined;

  const homeworkKey = homeworkOnlyKeys.find((key) => Object.hasOwn(data, key));
  const homeworkPath = homeworkKey !== undefined ? [homeworkKey] : network !== undefined && Object.hasOwn(network, 'sizes') ? ['network', 'sizes'] : undefined;
  if (homeworkPath !== undefined) {
    const key = formatPath(homeworkPath);
    return {
      path: homeworkPath,
      atKey: true,
      es: `la clave \`${key}\` es de una tarea (las que lee \`cadena homework\`), no de un laboratorio: este archivo parece una tarea. ${labShape.es} Indica el archivo de un laboratorio, como exercises/xor.yaml.`,
      en: `the key \`${key}\` belongs to a homework spec (the kind \`cadena homework\` reads), not to a lab: this file looks like a homework. ${labShape.en} Give the file of a lab, such as exercises/xor.yaml.`,
    };
  }

  const nestedKey = network === undefined ? undefined : networkOnlyKeys.find((key) => Object.hasOwn(network, key));
  const topKey = networkOnlyKeys.find((key) => Object.hasOwn(data, key));
  const networkPath = nestedKey !== undefined ? ['network', nestedKey] : topKey !== undefined ? [topKey] : undefined;
  if (networkPath !== undefined) {
    const key = formatPath(networkPath);
    return {
      path: networkPath,
      atKey: true,
      es: `la clave \`${key}\` es de un archivo de red (los que lee \`cadena derive\`), no de un laboratorio: este archivo parece una red. ${labShape.es} Indica el archivo de un laboratorio, como exercises/xor.yaml.`,
      en: `the key \`${key}\` belongs to a network file (the kind \`cadena derive\` reads), not to a lab: this file looks like a network. ${labShape.en} Give the file of a lab, such as exercises/xor.yaml.`,
    };
  }

  if (!Object.hasOwn(data, 'network')) return undefined;
  return {
    path: ['network'],
    atKey: true,
    es: `la clave \`network\` no es de un laboratorio: un laboratorio describe su red en \`model\`, con las claves ${modelKeys.join(', ')}. Cambia el nombre de la sección a \`model\`.`,
    en: `the key \`network\` does not belong to a lab: a lab describes its network in \`model\`, with the keys ${modelKeys.join(', ')}. Rename the section to \`model\`.`,
  };
}

// Keys written in the wrong section.

/** The section where a key belongs, for keys that are often written one level too high or too low. */
type Home = 'model' | 'training' | 'optimizer' | 'data' | 'top' | 'experiment';

const keyHomes = new Map<string, Home>([
  ...modelKeys.map((key) => [key, 'model'] as const),
  ...trainingKeys.map((key) => [key, 'training'] as const),
  ...['learning_rate', 'momentum', 'nesterov', 'rho', 'epsilon', 'beta_1', 'beta_2', 'clipnorm'].map((key) => [key, 'optimizer'] as const),
  ...['inputs', 'targets'].map((key) => [key, 'data'] as const),
  ...['seeds', 'first_seed', 'threshold', 'data', 'intro'].map((key) => [key, 'top'] as const),
  ...['vary', 'question', 'predictions', 'boundaries'].map((key) => [key, 'experiment'] as const),
]);

/** The keys allowed in each kind of section that misplacedKeyFault looks at. */
const sectionKeys: Record<'top' | 'experiment' | 'model' | 'training' | 'vary', readonly string[]> = {
  top: topLevelKeys,
  experiment: experimentKeys,
  model: modelKeys,
  training: trainingKeys,
  vary: varyKeys,
};

type SectionKind = keyof typeof sectionKeys;

/** Returns the sections to look at: the lab's top level, model and training, and each experiment's. */
function sectionsOf(data: Record<string, unknown>): { path: SpecPath; kind: SectionKind }[] {
  const sections: { path: SpecPath; kind: SectionKind }[] = [
    { path: [], kind: 'top' },
    { path: ['model'], kind: 'model' },
    { path: ['training'], kind: 'training' },
  ];
  const experiments = Array.isArray(data['experiments']) ? (data['experiments'] as unknown[]) : [];
  for (const index of experiments.keys()) {
    const path = ['experiments', index];
    sections.push({ path, kind: 'experiment' });
    for (const kind of ['model', 'training', 'vary'] as const) sections.push({ path: [...path, kind], kind });
  }
  return sections;
}

/**
 * Finds the first key, in file order, that belongs to another section, such as `epochs` at
 * the top level instead of under `training`, and builds the message that names its section.
 */
function misplacedKeyFault(data: Record<string, unknown>, source: SpecSource): SpecFault | undefined {
  const faults: SpecFault[] = [];
  for (const { path, kind } of sectionsOf(data)) {
    const section = valueAt(data, path);
    if (!isMapping(section)) continue;

    for (const key of Object.keys(section)) {
      const home = keyHomes.get(key);
      if (home === undefined || sectionKeys[kind].includes(key)) continue;
      faults.push(kind === 'vary' ? notVariedFault(path, key, home) : movedKeyFault(path, kind, key, home));
    }
  }

  const lineOf = (fault: SpecFault) => source.lineOf(fault.path, true) ?? 0;
  return faults.sort((a, b) => lineOf(a) - lineOf(b))[0];
}

/** Returns where `home` is for a key found in the section at `path`: the lab's or the same experiment's. */
function homePath(path: SpecPath, kind: SectionKind, home: Home): Bilingual<string> | undefined {
  const scope = kind === 'top' || kind === 'experiment' ? path : path.slice(0, -1);
  const at = (...keys: PropertyKey[]) => {
    const text = `\`${formatPath([...scope, ...keys])}\``;
    return { es: text, en: text };
  };
  switch (home) {
    case 'model':
      return at('model');
    case 'training':
      return at('training');
    case 'optimizer':
      return at('training', 'optimizer');
    case 'data':
      return { es: '`data`, en el nivel principal del archivo', en: '`data`, at the top level of the file' };
    case 'top':
      return { es: 'el nivel principal del archivo, porque vale para todo el laboratorio', en: 'the top level of the file, because it applies to the whole lab' };
    case 'experiment':
      return kind === 'top' ? { es: 'cada experimento de `experiments`', en: 'each experiment of `experiments`' } : undefined;
  }
}

function sectionWords(path: SpecPath): Bilingual<string> {
  if (path.length === 0) return { es: 'en el nivel principal del archivo', en: 'at the top level of the file' };
  const field = labFieldName(path);
  return { es: `en ${field.es}`, en: `in ${field.en}` };
}

function movedKeyFault(path: SpecPath, kind: SectionKind, key: string, home: Home): SpecFault {
  const where = sectionWords(path);
  const target = homePath(path, kind, home) ?? { es: 'otra sección', en: 'another section' };
  const inExperiment = path[0] === 'experiments' && typeof path[1] === 'number';
  const varied = inExperiment && (varyKeys as readonly string[]).includes(key);
  const vary = `\`${formatPath(['experiments', path[1] ?? 0, 'vary'])}\``;
  const orVaryEs = varied ? `, o en ${vary} para comparar varios valores` : '';
  const orVaryEn = varied ? `, or in ${vary} to compare several values` : '';
  return {
    path: [...path, key],
    atKey: true,
    es: `la clave \`${key}\` no va ${where.es}: va en ${target.es}${orVaryEs}. Muévela ahí.`,
    en: `the key \`${key}\` does not go ${where.en}: it goes in ${target.en}${orVaryEn}. Move it there.`,
  };
}

/** Explains that `vary` compares only some keys, and how to compare the others. */
function notVariedFault(path: SpecPath, key: string, home: Home): SpecFault {
  const field = labFieldName(path);
  const keys = varyKeys.join(', ');
  const advice: Bilingual<string> =
    home === 'optimizer'
      ? {
          es: `Para comparar valores de ${key}, escribe en \`vary.optimizer\` un optimizador por valor, por ejemplo [{ name: sgd, momentum: 0 }, { name: sgd, momentum: 0.9 }].`,
          en: `To compare values of ${key}, write one optimizer per value in \`vary.optimizer\`, for example [{ name: sgd, momentum: 0 }, { name: sgd, momentum: 0.9 }].`,
        }
      : home === 'model' || home === 'training'
        ? {
            es: `Para comparar valores de ${key}, escribe un experimento por valor, cada uno con \`${home}: { ${key}: … }\`.`,
            en: `To compare values of ${key}, write one experiment per value, each with \`${home}: { ${key}: … }\`.`,
          }
        : {
            es: `\`${key}\` no es algo que se compare dentro de un experimento.`,
            en: `\`${key}\` is not something compared within an experiment.`,
          };
  return {
    path: [...path, key],
    atKey: true,
    es: `${field.es} no compara \`${key}\`: sus claves son ${keys}. ${advice.es}`,
    en: `${field.en} does not compare \`${key}\`: its keys are ${keys}. ${advice.en}`,
  };
}

// Conversion to a LabSpec.

/** Returns a value that the checks guaranteed, or throws: getting undefined here is a bug. */
function checked<T>(value: T | undefined, description: string): T {
  if (value === undefined) throw new Error(`${description} passed the checks without being known`);
  return value;
}

function toModel(model: ModelData): ModelConfig {
  // findLabFault accepted only known activation names.
  const activation = (model.activation ?? defaultModel.activation) as ActivationName;
  const outputActivation = (model.output_activation ?? defaultModel.outputActivation) as ActivationName;
  return {
    hidden: model.hidden === undefined ? [...defaultModel.hidden] : hiddenOf(model.hidden),
    activation,
    outputActivation,
    alpha: model.alpha ?? activations[activation].defaultAlpha ?? 0,
    loss: model.loss === undefined ? defaultModel.loss : checked(lossNameOf(model.loss), `loss ${model.loss}`),
  };
}

function toTraining(training: TrainingData): TrainingConfig {
  const { optimizer, batch_size: batchSize } = training;
  return {
    optimizer: optimizer === undefined ? defaultTraining.optimizer : toOptimizerConfig(optimizer),
    epochs: training.epochs ?? defaultTraining.epochs,
    batchSize: batchSize === undefined ? defaultTraining.batchSize : batchSizeOf(batchSize),
    shuffle: training.shuffle ?? defaultTraining.shuffle,
  };
}

function toLabeledOptimizer(optimizer: OptimizerData): LabeledOptimizer {
  return { label: optimizer.label ?? null, config: toOptimizerConfig(optimizer) };
}

function toSweep(vary: VaryData): Sweep {
  return {
    ...(vary.hidden === undefined ? {} : { hidden: vary.hidden.map(hiddenOf) }),
    ...(vary.optimizer === undefined ? {} : { optimizer: vary.optimizer.map(toLabeledOptimizer) }),
    ...(vary.learning_rate === undefined ? {} : { learningRate: [...vary.learning_rate] }),
    ...(vary.batch_size === undefined ? {} : { batchSize: vary.batch_size.map(batchSizeOf) }),
    ...(vary.epochs === undefined ? {} : { epochs: [...vary.epochs] }),
  };
}

function toFocus(focus: ExperimentData['focus']): Focus | null {
  if (focus === undefined) return null;
  return {
    ...(focus.hidden === undefined ? {} : { hidden: hiddenOf(focus.hidden) }),
    ...(focus.learning_rate === undefined ? {} : { learningRate: focus.learning_rate }),
    ...(focus.batch_size === undefined ? {} : { batchSize: batchSizeOf(focus.batch_size) }),
    ...(focus.epochs === undefined ? {} : { epochs: focus.epochs }),
  };
}

function toExperiment(data: LabData, experiment: ExperimentData): Experiment {
  return {
    id: experiment.id,
    title: experiment.title ?? experiment.id,
    question: experiment.question ?? null,
    text: experiment.text ?? null,
    model: toModel(experimentModel(data, experiment)),
    training: toTraining(experimentTraining(data, experiment)),
    vary: toSweep(experiment.vary),
    focus: toFocus(experiment.focus),
    predictions: experiment.predictions ?? true,
    boundaries: experiment.boundaries ?? false,
  };
}

function toOptimizerSteps(steps: LabData['optimizer_steps']): OptimizerSteps | null {
  if (steps === undefined) return null;

  const defaults = defaultOptimizerSteps;
  return {
    parameter: steps.parameter ?? defaults.parameter,
    initial: steps.initial ?? defaults.initial,
    gradients: [...(steps.gradients ?? defaults.gradients)],
    optimizers: steps.optimizers === undefined ? structuredClone(defaults.optimizers) : steps.optimizers.map(toLabeledOptimizer),
  };
}

function toGradientProblems(problems: LabData['gradient_problems']): GradientProblems | null {
  if (problems === undefined) return null;

  const defaults = defaultGradientProblems;
  const cases = problems.cases?.map((problemCase) => {
    // findLabFault accepted only layer activation names.
    const activation = problemCase.activation as ActivationName;
    return {
      label: problemCase.label ?? null,
      activation,
      alpha: problemCase.alpha ?? activations[activation].defaultAlpha ?? 0,
      weight: problemCase.weight ?? defaultCaseWeight,
      bias: problemCase.bias ?? defaultCaseBias,
    };
  });
  return {
    layers: problems.layers ?? defaults.layers,
    input: problems.input ?? defaults.input,
    target: problems.target ?? defaults.target,
    cases: cases ?? structuredClone(defaults.cases),
  };
}

function toActivationPlots(plots: LabData['activations']): ActivationPlots | null {
  if (plots === undefined) return null;

  const defaults = defaultActivationPlots;
  return {
    // findLabFault accepted only layer activations and gelu.
    names: [...((plots.names as PlotActivationName[] | undefined) ?? defaults.names)],
    from: plots.from ?? defaults.from,
    to: plots.to ?? defaults.to,
  };
}

function toDisplay(display: LabData['display']): Display {
  const defaults = defaultLabDisplay;
  return {
    digits: display?.digits ?? defaults.digits,
    // findLabFault accepted only 'round' and 'truncate'.
    rounding: (display?.rounding as Rounding | undefined) ?? defaults.rounding,
    decimalComma: display?.decimal_comma ?? defaults.decimalComma,
    maxPaths: defaults.maxPaths,
  };
}

function toLabSpec(data: LabData): LabSpec {
  return {
    id: data.id,
    title: data.title ?? data.id,
    intro: data.intro ?? null,
    seeds: data.seeds ?? defaultSeeds,
    firstSeed: data.first_seed ?? defaultFirstSeed,
    threshold: data.threshold ?? defaultThreshold,
    data: structuredClone(datasetOf(data)),
    model: toModel(data.model ?? {}),
    training: toTraining(data.training ?? {}),
    experiments: data.experiments.map((experiment) => toExperiment(data, experiment)),
    optimizerSteps: toOptimizerSteps(data.optimizer_steps),
    gradientProblems: toGradientProblems(data.gradient_problems),
    activations: toActivationPlots(data.activations),
    display: toDisplay(data.display),
  };
}

import { activations, type ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import { parseStructure } from '../network/issues.js';
import { labKeyFault } from '../network/validate.js';
import { formatValue, specError, type SpecFault, type SpecPath, type SpecSource } from '../network/source.js';
import type { Display, Rounding } from '../network/spec.js';
import { activationsOf, findHomeworkFault } from './checks.js';
import {
  defaultArchitecture,
  defaultAsk,
  defaultHomeworkDisplay,
  defaultQuality,
  defaultSubject,
  defaultValueDraws,
} from './defaults.js';
import { homeworkVocabulary } from './fields.js';
import { readQuestions } from './questions.js';
import { homeworkSchema, type DrawData, type HomeworkData } from './schema.js';
import type { Architecture, HomeworkSpec, Submission, ValueDraw, ValueDraws } from './spec.js';

/**
 * Validates parsed homework data and converts it to a HomeworkSpec with the defaults filled
 * in. Throws a UserError that names the file, the line, the field and the value for the
 * first problem found. The checks run in this order: the kind of file, the structure (keys
 * and types, checked by zod), names and ranges, and last the questions under `ask`.
 */
export function validateHomework(data: unknown, source: SpecSource): HomeworkSpec {
  requireMapping(data, source);

  const lab = labKeyFault(data, 'homework');
  if (lab !== undefined) throw specError(source, lab);
  const network = networkKeyFault(data);
  if (network !== undefined) throw specError(source, network);

  const parsed = parseStructure(homeworkSchema, data, source, homeworkVocabulary);
  const fault = findHomeworkFault(parsed, source);
  if (fault !== undefined) throw specError(source, fault);

  const architecture = toArchitecture(parsed);
  const questions = readQuestions(parsed.ask ?? defaultAsk, architecture, source);
  if (!Array.isArray(questions)) throw specError(source, questions);

  return toHomeworkSpec(parsed, architecture, questions);
}

function requireMapping(data: unknown, source: SpecSource): asserts data is object {
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (isMapping) return;

  const written = source.writtenValue([]) || formatValue(data);
  const kindEs = Array.isArray(data) ? 'una lista' : 'un solo valor';
  const kindEn = Array.isArray(data) ? 'a list' : 'a single value';
  throw specError(source, {
    path: [],
    es: `el contenido debe ser una sección de claves (id, title, network, values, ask…), pero es ${kindEs}: \`${written}\`. Empieza el archivo con la clave \`id:\`.`,
    en: `the content must be a mapping of keys (id, title, network, values, ask…), but it is ${kindEn}: \`${written}\`. Start the file with the key \`id:\`.`,
  });
}

/** Keys under `network` that a network spec has and a homework spec does not. */
const networkOnlyKeys = ['input', 'target', 'layers'];

/**
 * Finds a key that only network specs have, such as `learning_rate` or `network.layers`, so
 * that a network file given in place of a homework is named as such instead of as an unknown key.
 */
function networkKeyFault(data: object): SpecFault | undefined {
  const network: unknown = (data as Record<string, unknown>)['network'];
  const isSection = network !== null && typeof network === 'object';
  const networkKey = isSection ? networkOnlyKeys.find((key) => Object.hasOwn(network, key)) : undefined;
  let path: SpecPath | undefined;
  if (networkKey !== undefined) path = ['network', networkKey];
  else if (Object.hasOwn(data, 'learning_rate')) path = ['learning_rate'];
  if (path === undefined) return undefined;

  const key = path.join('.');
  return {
    path,
    atKey: true,
    es: `la clave \`${key}\` es de un archivo de red (los que lee \`cadena derive\`), no de una tarea: este archivo parece una red. Una tarea empieza con \`id:\`, describe la red con \`network.sizes\` y sortea sus números según \`values\`. Indica el archivo de una tarea, como exercises/tarea-clase6.yaml.`,
    en: `the key \`${key}\` belongs to a network file (the kind \`cadena derive\` reads), not to a homework: this file looks like a network. A homework starts with \`id:\`, describes the network with \`network.sizes\` and draws its numbers as \`values\` says. Give the file of a homework, such as exercises/tarea-clase6.yaml.`,
  };
}

function toArchitecture(data: HomeworkData): Architecture {
  const { network } = data;
  // findHomeworkFault accepted only known activation and loss names.
  const layerActivations = activationsOf(data) as ActivationName[];
  return {
    sizes: network?.sizes ?? defaultArchitecture.sizes,
    activations: layerActivations,
    alphas: layerActivations.map((activation, index) => alphaOf(network?.alpha, activation, index)),
    loss: (network?.loss as LossName | undefined) ?? defaultArchitecture.loss,
    bias: network?.bias === 'per_neuron' ? 'per-neuron' : 'shared',
  };
}

/** Returns the alpha of one layer: the file's value where it applies, else the activation's default (0 for none). */
function alphaOf(alpha: number | readonly (number | null)[] | undefined, activation: ActivationName, index: number): number {
  const fallback = activations[activation].defaultAlpha;
  if (fallback === undefined) return 0;
  const written = typeof alpha === 'number' ? alpha : alpha?.[index];
  return written ?? fallback;
}

function toDraw(draw: DrawData, fallback: ValueDraw): ValueDraw {
  if (draw === undefined) return fallback;
  if (draw.values !== undefined) return { kind: 'list', values: draw.values };
  // checkDraw accepted a range only with all three keys.
  return { kind: 'range', min: draw.min ?? 0, max: draw.max ?? 0, decimals: draw.decimals ?? 0 };
}

function toValueDraws(values: HomeworkData['values']): ValueDraws {
  const defaults = defaultValueDraws;
  return {
    weights: toDraw(values?.weights, defaults.weights),
    biases: toDraw(values?.biases, defaults.biases),
    inputs: toDraw(values?.inputs, defaults.inputs),
    targets: toDraw(values?.targets, defaults.targets),
    learningRate: toDraw(values?.learning_rate, defaults.learningRate),
  };
}

function toDisplay(display: HomeworkData['display']): Display {
  const defaults = defaultHomeworkDisplay;
  return {
    digits: display?.digits ?? defaults.digits,
    // findHomeworkFault accepted only 'round' and 'truncate'.
    rounding: (display?.rounding as Rounding | undefined) ?? defaults.rounding,
    decimalComma: display?.decimal_comma ?? defaults.decimalComma,
    maxPaths: display?.max_paths ?? defaults.maxPaths,
  };
}

function toSubmission(submission: HomeworkData['submission']): Submission {
  return {
    to: submission?.to ?? null,
    subject: submission?.subject ?? defaultSubject,
    instructions: submission?.instructions ?? null,
  };
}

function toHomeworkSpec(data: HomeworkData, architecture: Architecture, questions: HomeworkSpec['questions']): HomeworkSpec {
  return {
    id: data.id,
    title: data.title ?? data.id,
    architecture,
    values: toValueDraws(data.values),
    questions,
    display: toDisplay(data.display),
    quality: {
      maxAbsZ: data.quality?.max_abs_z ?? defaultQuality.maxAbsZ,
      maxTries: data.quality?.max_tries ?? defaultQuality.maxTries,
    },
    deadline: data.deadline ?? null,
    submission: toSubmission(data.submission),
  };
}

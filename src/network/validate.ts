import { activations, type ActivationName } from '../activations/index.js';
import type { LossName } from '../losses/index.js';
import { findSemanticFault } from './checks.js';
import { parseStructure } from './issues.js';
import { specSchema, type SpecData } from './schema.js';
import { formatValue, specError, type SpecFault, type SpecPath, type SpecSource } from './source.js';
import { defaultDisplay, type Display, type Layer, type Problem, type Rounding } from './spec.js';

/** A problem as read from a file, where the learning rate may be left to the command line. */
export type ProblemSpec = Omit<Problem, 'learningRate'> & { readonly learningRate: number | undefined };

/**
 * Validates parsed spec data and converts it to a ProblemSpec. Throws a UserError that
 * names the file, the line, the field and the value for the first problem found: first
 * the structure (keys and types, checked by zod), then names, shapes and ranges.
 */
export function validateSpec(data: unknown, source: SpecSource): ProblemSpec {
  requireMapping(data, source);

  const lab = labKeyFault(data, 'network');
  if (lab !== undefined) throw specError(source, lab);
  const homework = homeworkKeyFault(data);
  if (homework !== undefined) throw specError(source, homework);

  const parsed = parseStructure(specSchema, data, source);
  const fault = findSemanticFault(parsed, source);
  if (fault !== undefined) throw specError(source, fault);

  return toProblemSpec(parsed);
}

function requireMapping(data: unknown, source: SpecSource): asserts data is object {
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (isMapping) return;

  const written = source.writtenValue([]) || formatValue(data);
  const kindEs = Array.isArray(data) ? 'una lista' : 'un solo valor';
  const kindEn = Array.isArray(data) ? 'a list' : 'a single value';
  throw specError(source, {
    path: [],
    es: `el contenido debe ser una sección de claves (network, learning_rate, display), pero es ${kindEs}: \`${written}\`. Empieza el archivo con la clave \`network:\`.`,
    en: `the content must be a mapping of keys (network, learning_rate, display), but it is ${kindEn}: \`${written}\`. Start the file with the key \`network:\`.`,
  });
}

/** Top-level keys that only lab specs have. */
const labOnlyKeys = ['experiments', 'model', 'training', 'seeds', 'first_seed', 'threshold', 'optimizer_steps', 'gradient_problems', 'activations'];

/**
 * Finds a key that only lab specs have, such as `experiments`, so that a lab file given to
 * `cadena derive` or `cadena homework` is named as such instead of as an unknown key.
 */
export function labKeyFault(data: object, expected: 'network' | 'homework'): SpecFault | undefined {
  const key = Object.keys(data).find((name) => labOnlyKeys.includes(name));
  if (key === undefined) return undefined;

  const example = expected === 'network' ? 'exercises/clase6.yaml' : 'exercises/tarea-clase6.yaml';
  const es = expected === 'network' ? 'una red' : 'una tarea';
  const en = expected === 'network' ? 'a network' : 'a homework';
  return {
    path: [key],
    atKey: true,
    es: `la clave \`${key}\` es de un archivo de laboratorio, no de ${es}: este archivo parece un laboratorio, el que lee \`cadena lab\`. Indica el archivo de ${es}, como ${example}.`,
    en: `the key \`${key}\` belongs to a lab file, not to ${en}: this file looks like a lab, the kind \`cadena lab\` reads. Give the file of ${en}, such as ${example}.`,
  };
}

/** Top-level keys that a homework spec has and a network spec does not. */
const homeworkOnlyKeys = ['id', 'ask', 'values', 'quality', 'deadline', 'submission'];

/**
 * Finds a key that only homework specs have, such as `ask` or `network.sizes`, so that a
 * homework file given in place of a network is named as such instead of as an unknown key.
 */
function homeworkKeyFault(data: object): SpecFault | undefined {
  const network: unknown = (data as Record<string, unknown>)['network'];
  const topKey = homeworkOnlyKeys.find((key) => Object.hasOwn(data, key));
  const hasSizes = network !== null && typeof network === 'object' && Object.hasOwn(network, 'sizes');
  let path: SpecPath | undefined;
  if (topKey !== undefined) path = [topKey];
  else if (hasSizes) path = ['network', 'sizes'];
  if (path === undefined) return undefined;

  const key = path.join('.');
  return {
    path,
    atKey: true,
    es: `la clave \`${key}\` es de una especificación de tarea, no de una red: este archivo parece una tarea. Una red tiene solo las claves network (con input, target, layers y loss), learning_rate y display. Indica el archivo de una red, como exercises/clase6.yaml.`,
    en: `the key \`${key}\` belongs to a homework spec, not to a network: this file looks like a homework. A network has only the keys network (with input, target, layers and loss), learning_rate and display. Give the file of a network, such as exercises/clase6.yaml.`,
  };
}

function toProblemSpec(data: SpecData): ProblemSpec {
  const { network } = data;
  return {
    network: {
      // Both names were checked against the known lists by findSemanticFault.
      layers: network.layers.map(toLayer),
      loss: network.loss as LossName,
    },
    samples: [{ input: network.input, target: network.target }],
    learningRate: data.learning_rate,
    display: toDisplay(data.display),
  };
}

function toLayer(layer: SpecData['network']['layers'][number]): Layer {
  const activation = layer.activation as ActivationName;
  return {
    weights: layer.weights,
    bias: layer.bias,
    activation,
    alpha: layer.alpha ?? activations[activation].defaultAlpha ?? 0,
  };
}

function toDisplay(display: SpecData['display']): Display {
  return {
    digits: display?.digits ?? defaultDisplay.digits,
    // checkRounding accepted only 'round' and 'truncate'.
    rounding: (display?.rounding as Rounding | undefined) ?? defaultDisplay.rounding,
    decimalComma: display?.decimal_comma ?? defaultDisplay.decimalComma,
    maxPaths: display?.max_paths ?? defaultDisplay.maxPaths,
  };
}

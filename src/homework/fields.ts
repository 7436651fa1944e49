import { activationNames } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import type { LossName } from '../losses/index.js';
import type { SpecVocabulary } from '../network/issues.js';
import { formatPath, type SpecPath } from '../network/source.js';
import { maxPathsLimit } from '../network/spec.js';
import { knownHomeworkKeysAt } from './schema.js';

/** Limits of a homework spec, checked in checks.ts and stated in the help texts below. */
export const homeworkLimits = {
  maxIdLength: 64,
  maxLayerSize: 8,
  /** Layers after the inputs. */
  maxLayers: 5,
  maxDecimals: 4,
  minDigits: 1,
  maxDigits: 10,
  maxTries: 10_000,
} as const;

const limits = homeworkLimits;

/**
 * Losses a homework may use: the student's computation and the mistake models are written
 * for squared errors. NOTE: binary_crossentropy would need logarithms in interval arithmetic.
 */
export const homeworkLossNames: readonly LossName[] = ['mse_half', 'mse'];

/**
 * Returns the pattern of a path that the tables below are keyed by: list indices become
 * `[]` and the kind of value under `values` becomes `*`, so `values.weights.min` and
 * `values.inputs.min` share `values.*.min`, and `ask[2].update[0]` is `ask[].update[]`.
 */
function pathPattern(path: SpecPath): string {
  const generic = path.map((segment, index) => (index === 1 && path[0] === 'values' ? '*' : segment));
  let pattern = '';
  for (const segment of generic) {
    if (typeof segment === 'number') pattern += '[]';
    else pattern += pattern === '' ? String(segment) : `.${String(segment)}`;
  }
  return pattern;
}

const parameterListHelp: Bilingual<string> = {
  es: '`layer N` (todos los pesos y sesgos de la capa N) o una lista de nombres de parámetros, como ["w11^[1]", "b^[1]"]',
  en: '`layer N` (every weight and bias of layer N) or a list of parameter names, such as ["w11^[1]", "b^[1]"]',
};

const parameterHelp: Bilingual<string> = {
  es: 'el nombre de un parámetro, como w11^[1] (peso de la neurona 1 desde la entrada 1, capa 1) o b^[1] (sesgo de la capa 1)',
  en: 'the name of a parameter, such as w11^[1] (weight of neuron 1 from input 1, layer 1) or b^[1] (bias of layer 1)',
};

/** Descriptions of each field, by path pattern, worded to complete "write …" in a message. */
const fieldHelp: Record<string, Bilingual<string>> = {
  id: {
    es: `el identificador de la tarea: de 1 a ${limits.maxIdLength} letras minúsculas sin tilde, dígitos o guiones, empezando con letra o dígito, por ejemplo tarea-clase6 (entre comillas si solo tiene dígitos)`,
    en: `the homework id: 1 to ${limits.maxIdLength} lower-case letters without accents, digits or hyphens, starting with a letter or digit, for example tarea-clase6 (quoted when it has only digits)`,
  },
  title: {
    es: 'el título de la hoja de la tarea, en una línea, por ejemplo "Tarea de la clase 6"',
    en: 'the title of the homework sheet, on one line, for example "Tarea de la clase 6"',
  },
  network: {
    es: 'la sección que describe la red, con las claves sizes, activation, alpha, loss y bias',
    en: 'the section that describes the network, with the keys sizes, activation, alpha, loss and bias',
  },
  'network.sizes': {
    es: `la lista de neuronas por capa, empezando por las entradas, por ejemplo [2, 2, 2]: de 2 a ${limits.maxLayers + 1} enteros de 1 a ${limits.maxLayerSize}`,
    en: `the list of neurons per layer, inputs first, for example [2, 2, 2]: 2 to ${limits.maxLayers + 1} integers from 1 to ${limits.maxLayerSize}`,
  },
  'network.sizes[]': {
    es: `el número de neuronas de una capa, un entero de 1 a ${limits.maxLayerSize}`,
    en: `the number of neurons of a layer, an integer from 1 to ${limits.maxLayerSize}`,
  },
  'network.activation': {
    es: `el nombre de la función de activación de todas las capas, o una lista con una por capa: ${activationNames.join(', ')}`,
    en: `the name of the activation function of every layer, or a list with one per layer: ${activationNames.join(', ')}`,
  },
  'network.activation[]': {
    es: `el nombre de la función de activación de esa capa: ${activationNames.join(', ')}`,
    en: `the name of the activation function of that layer: ${activationNames.join(', ')}`,
  },
  'network.alpha': {
    es: 'el parámetro α de leaky_relu o elu: un número para todas las capas que lo usan, o una lista con uno por capa',
    en: 'the parameter α of leaky_relu or elu: one number for every layer that uses it, or a list with one per layer',
  },
  'network.alpha[]': {
    es: 'el α de esa capa, un número, o null para el valor predeterminado de su activación',
    en: "the α of that layer, a number, or null for its activation's default",
  },
  'network.loss': {
    es: `el nombre de la función de error: ${homeworkLossNames.join(', ')}`,
    en: `the name of the loss function: ${homeworkLossNames.join(', ')}`,
  },
  'network.bias': {
    es: 'shared (un sesgo por capa, como en la clase) o per_neuron (un sesgo por neurona)',
    en: 'shared (one bias per layer, as in the lecture) or per_neuron (one bias per neuron)',
  },
  values: {
    es: 'la sección que dice cómo se sortea cada número, con las claves weights, biases, inputs, targets y learning_rate',
    en: 'the section that says how each number is drawn, with the keys weights, biases, inputs, targets and learning_rate',
  },
  'values.*': {
    es: 'un rango como { min: 0.1, max: 0.9, decimals: 2 } o una lista de la que se elige, como { values: [0.5] }',
    en: 'a range such as { min: 0.1, max: 0.9, decimals: 2 } or a list to pick from, such as { values: [0.5] }',
  },
  'values.*.min': { es: 'el menor valor del rango, un número', en: 'the smallest value of the range, a number' },
  'values.*.max': { es: 'el mayor valor del rango, un número', en: 'the largest value of the range, a number' },
  'values.*.decimals': {
    es: `los decimales de los valores sorteados, un entero de 0 a ${limits.maxDecimals}`,
    en: `the decimal places of the drawn values, an integer from 0 to ${limits.maxDecimals}`,
  },
  'values.*.values': {
    es: 'la lista de valores de la que se elige, por ejemplo [0.05, 0.95]',
    en: 'the list of values to pick from, for example [0.05, 0.95]',
  },
  'values.*.values[]': { es: 'un valor posible, un número', en: 'a possible value, a number' },
  ask: {
    es: 'la lista de preguntas, cada una con una sola clave (update, gradient, contribution o forward), por ejemplo `- update: layer 1`',
    en: 'the list of questions, each with a single key (update, gradient, contribution or forward), for example `- update: layer 1`',
  },
  'ask[]': {
    es: 'una pregunta: una sección con una sola clave, update, gradient, contribution o forward, por ejemplo `update: layer 1`',
    en: 'a question: a mapping with a single key, update, gradient, contribution or forward, for example `update: layer 1`',
  },
  'ask[].update': parameterListHelp,
  'ask[].update[]': parameterHelp,
  'ask[].gradient': parameterListHelp,
  'ask[].gradient[]': parameterHelp,
  'ask[].contribution': parameterHelp,
  'ask[].forward': {
    es: '`all` o una lista con algunas de las cantidades z, a, yhat y E',
    en: '`all` or a list with some of the quantities z, a, yhat and E',
  },
  'ask[].forward[]': {
    es: 'una cantidad de la propagación hacia adelante: z, a, yhat o E',
    en: 'a quantity of the forward pass: z, a, yhat or E',
  },
  display: {
    es: 'la sección de formato, con las claves digits, rounding, decimal_comma y max_paths',
    en: 'the formatting section, with the keys digits, rounding, decimal_comma and max_paths',
  },
  'display.digits': {
    es: `el número de decimales que se muestran, un entero de ${limits.minDigits} a ${limits.maxDigits}`,
    en: `the number of decimal places shown, an integer from ${limits.minDigits} to ${limits.maxDigits}`,
  },
  'display.rounding': { es: 'round (redondear) o truncate (truncar)', en: 'round or truncate' },
  'display.decimal_comma': {
    es: 'true para escribir 0,5 en lugar de 0.5, o false',
    en: 'true to print 0,5 instead of 0.5, or false',
  },
  'display.max_paths': {
    es: `un entero de 1 a ${maxPathsLimit}: con más caminos de la regla de la cadena que este, un parámetro se muestra en forma δ`,
    en: `an integer from 1 to ${maxPathsLimit}: a parameter with more chain-rule paths than this is shown in δ-form`,
  },
  quality: {
    es: 'la sección de calidad de las variantes, con las claves max_abs_z y max_tries',
    en: 'the section on the quality of variants, with the keys max_abs_z and max_tries',
  },
  'quality.max_abs_z': {
    es: 'el mayor |z| permitido en cualquier neurona de una variante, un número mayor que 0, por ejemplo 4',
    en: 'the largest |z| allowed in any neuron of a variant, a number greater than 0, for example 4',
  },
  'quality.max_tries': {
    es: `los sorteos que se intentan por estudiante antes de dar error, un entero de 1 a ${limits.maxTries}`,
    en: `the draws tried per student before giving up with an error, an integer from 1 to ${limits.maxTries}`,
  },
  deadline: {
    es: 'la fecha y hora de entrega en ISO 8601 con su diferencia con UTC, por ejemplo 2026-12-18T23:59:00-03:00',
    en: 'the due date and time in ISO 8601 with its UTC offset, for example 2026-12-18T23:59:00-03:00',
  },
  submission: {
    es: 'la sección de entrega, con las claves to, subject e instructions',
    en: 'the submission section, with the keys to, subject and instructions',
  },
  'submission.to': {
    es: 'la dirección de correo a la que se envían las respuestas, por ejemplo profesora@example.edu',
    en: 'the e-mail address the answers are sent to, for example profesora@example.edu',
  },
  'submission.subject': {
    es: 'el asunto del correo, con {code} (el código de la variante) y si quieres {id} (el estudiante) y {homework} (la tarea), por ejemplo "{homework} [{code}]"',
    en: 'the e-mail subject, with {code} (the variant code) and optionally {id} (the student) and {homework} (the homework), for example "{homework} [{code}]"',
  },
  'submission.instructions': {
    es: 'texto en Markdown para la hoja de la tarea',
    en: 'Markdown text for the homework sheet',
  },
};

/** Describes what the field at `path` contains, for messages about a missing or bad value. */
export function homeworkHelpFor(path: SpecPath): Bilingual<string> {
  return fieldHelp[pathPattern(path)] ?? { es: 'un valor', en: 'a value' };
}

/**
 * Names a field for a message: its path in backticks, followed by the layer or question in
 * the course's 1-based counting, e.g. "`network.activation[1]` (capa 2)".
 */
export function homeworkFieldName(path: SpecPath): Bilingual<string> {
  const written = `\`${formatPath(path)}\``;
  const [first, second, third] = path;

  if (first === 'network' && (second === 'activation' || second === 'alpha') && typeof third === 'number') {
    return { es: `${written} (capa ${third + 1})`, en: `${written} (layer ${third + 1})` };
  }
  if (first === 'network' && second === 'sizes' && third === 0) {
    return { es: `${written} (entradas)`, en: `${written} (inputs)` };
  }
  if (first === 'network' && second === 'sizes' && typeof third === 'number') {
    return { es: `${written} (capa ${third})`, en: `${written} (layer ${third})` };
  }
  if (first === 'ask' && typeof second === 'number') {
    return { es: `${written} (pregunta ${second + 1})`, en: `${written} (question ${second + 1})` };
  }
  return { es: written, en: written };
}

function whereHomeworkKeysGo(parentPath: SpecPath): Bilingual<string> {
  if (parentPath.length === 0) return { es: 'En el nivel principal del archivo', en: 'At the top level of the file' };
  if (parentPath[0] === 'ask') return { es: 'En cada pregunta de `ask`', en: 'In each question of `ask`' };
  const written = `\`${formatPath(parentPath)}\``;
  return { es: `En ${written}`, en: `In ${written}` };
}

/** Keys of expectedWords for the fields that the schema checks as a union, by path pattern. */
const unionKinds: Record<string, string> = {
  'network.activation': 'name_or_list',
  'network.alpha': 'number_or_list',
  'ask[].update': 'parameter_list',
  'ask[].gradient': 'parameter_list',
  'ask[].forward': 'quantity_list',
};

/** The fields of a homework spec, for the messages built from zod issues. */
export const homeworkVocabulary: SpecVocabulary = {
  knownKeysAt: knownHomeworkKeysAt,
  fieldName: homeworkFieldName,
  helpFor: homeworkHelpFor,
  whereKeysGo: whereHomeworkKeysGo,
  unionKind: (path) => unionKinds[pathPattern(path)] ?? 'number_or_list',
  expectedWords: {
    // Homework text fields hold titles, dates and addresses as well as names.
    string: { es: 'texto', en: 'text' },
    name_or_list: { es: 'un nombre o una lista de nombres', en: 'a name or a list of names' },
    parameter_list: { es: '`layer N` o una lista de nombres de parámetros', en: '`layer N` or a list of parameter names' },
    quantity_list: { es: '`all` o una lista de cantidades', en: '`all` or a list of quantities' },
  },
};

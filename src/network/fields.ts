import { activationNames } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import { lossNames } from '../losses/index.js';
import { biasRef, parameterPlain, weightRef } from './notation.js';
import { formatPath, type SpecPath } from './source.js';

/** Descriptions of each spec field, worded to complete "write …" in a message. */
const fieldHelp: Record<string, Bilingual<string>> = {
  network: {
    es: 'la sección que describe la red, con las claves input, target, layers y loss',
    en: 'the section that describes the network, with the keys input, target, layers and loss',
  },
  input: {
    es: 'la lista de entradas x, por ejemplo [0.1, 0.5]',
    en: 'the list of inputs x, for example [0.1, 0.5]',
  },
  target: {
    es: 'la lista de salidas esperadas (una por neurona de la última capa), por ejemplo [0.05, 0.95]',
    en: 'the list of expected outputs y, one per neuron of the last layer, for example [0.05, 0.95]',
  },
  layers: {
    es: 'la lista de capas, cada una con weights, bias y activation',
    en: 'the list of layers, each with weights, bias and activation',
  },
  weights: {
    es: 'la matriz de pesos: una fila por neurona de la capa y una columna por entrada, por ejemplo [[0.1, 0.3], [0.2, 0.4]]',
    en: 'the weight matrix: one row per neuron of the layer and one column per input, for example [[0.1, 0.3], [0.2, 0.4]]',
  },
  bias: {
    es: 'un número (un sesgo compartido por toda la capa) o una lista con un sesgo por neurona',
    en: 'a number (one bias shared by the whole layer) or a list with one bias per neuron',
  },
  activation: {
    es: `el nombre de la función de activación: ${activationNames.join(', ')}`,
    en: `the name of the activation function: ${activationNames.join(', ')}`,
  },
  alpha: {
    es: 'un número: el parámetro α de leaky_relu o elu',
    en: 'a number: the parameter α of leaky_relu or elu',
  },
  loss: {
    es: `el nombre de la función de error: ${lossNames.join(', ')}`,
    en: `the name of the loss function: ${lossNames.join(', ')}`,
  },
  learning_rate: {
    es: 'la tasa de aprendizaje η, un número mayor que 0, por ejemplo 0.5',
    en: 'the learning rate η, a number greater than 0, for example 0.5',
  },
  display: {
    es: 'la sección de formato, con las claves digits, rounding, decimal_comma y max_paths',
    en: 'the formatting section, with the keys digits, rounding, decimal_comma and max_paths',
  },
  digits: {
    es: 'el número de decimales que se muestran, un entero de 0 a 12',
    en: 'the number of decimal places shown, an integer from 0 to 12',
  },
  rounding: {
    es: 'round (redondear) o truncate (truncar)',
    en: 'round or truncate',
  },
  decimal_comma: {
    es: 'true para escribir 0,5 en lugar de 0.5, o false',
    en: 'true to print 0,5 instead of 0.5, or false',
  },
  max_paths: {
    es: 'un entero positivo: con más caminos de la regla de la cadena que este, un parámetro se muestra en forma δ',
    en: 'a positive integer: a parameter with more chain-rule paths than this is shown in δ-form',
  },
};

/** Descriptions of the elements of each list, by the key of the list. */
const elementHelp: Record<string, Bilingual<string>> = {
  input: { es: 'una entrada, un número', en: 'an input, a number' },
  target: { es: 'una salida esperada, un número', en: 'an expected output, a number' },
  layers: {
    es: 'una capa, con weights, bias y activation',
    en: 'a layer, with weights, bias and activation',
  },
  weights: {
    es: 'una fila de pesos: la lista de pesos de una neurona, uno por entrada',
    en: 'a row of weights: the list of weights of one neuron, one per input',
  },
  bias: { es: 'el sesgo de una neurona, un número', en: 'the bias of one neuron, a number' },
};

const weightHelp: Bilingual<string> = { es: 'un peso, un número', en: 'a weight, a number' };

/** Describes what the field at `path` contains, for messages about a missing or bad value. */
export function helpFor(path: SpecPath): Bilingual<string> {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const grandparent = path[path.length - 3];

  if (typeof last === 'string') return fieldHelp[last] ?? { es: last, en: last };
  if (typeof parent === 'string') return elementHelp[parent] ?? { es: 'un valor', en: 'a value' };
  if (grandparent === 'weights') return weightHelp;
  return { es: 'un valor', en: 'a value' };
}

/** Returns the 0-based layer index when `path` is inside `network.layers[i]`. */
export function layerIndexOf(path: SpecPath): number | undefined {
  const [first, second, third] = path;
  if (first === 'network' && second === 'layers' && typeof third === 'number') return third;
  return undefined;
}

/**
 * Names a field for a message: its path in backticks, followed by the layer, neuron or
 * parameter in the course's 1-based notation, e.g. "`network.layers[0].weights[1]` (capa 1, neurona 2)".
 */
export function fieldName(path: SpecPath): Bilingual<string> {
  const written = `\`${formatPath(path)}\``;
  const layerIndex = layerIndexOf(path);
  if (layerIndex === undefined) return { es: written, en: written };

  const layer = layerIndex + 1;
  const [, , , key, row, col] = path;
  if (key === 'weights' && typeof row === 'number' && typeof col === 'number') {
    const name = parameterPlain(weightRef(layer, row + 1, col + 1));
    return { es: `${written} (${name})`, en: `${written} (${name})` };
  }
  if (key === 'weights' && typeof row === 'number') {
    return { es: `${written} (capa ${layer}, neurona ${row + 1})`, en: `${written} (layer ${layer}, neuron ${row + 1})` };
  }
  if (key === 'bias' && typeof row === 'number') {
    const name = parameterPlain(biasRef(layer, row + 1));
    return { es: `${written} (${name})`, en: `${written} (${name})` };
  }
  return { es: `${written} (capa ${layer})`, en: `${written} (layer ${layer})` };
}

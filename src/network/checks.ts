import { activationNames, activations, isActivationName } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import { isLossName, lossNames } from '../losses/index.js';
import { fieldName, helpFor } from './fields.js';
import type { SpecData } from './schema.js';
import type { SpecFault, SpecPath, SpecSource } from './source.js';
import { defaultDisplay, maxPathsLimit } from './spec.js';
import { closestName } from './suggest.js';

// Checks that zod cannot express: names, shapes that chain from layer to layer, and ranges.
// Each check returns the first fault it finds, or undefined.

type LayerData = SpecData['network']['layers'][number];

export const maxDigits = 12;

/** Activations with a parameter alpha: those whose spec has a default for it. */
export const activationsWithAlpha = activationNames.filter((name) => activations[name].defaultAlpha !== undefined);

/** Finds the first fault in a spec that passed the structural check, in file order. */
export function findSemanticFault(data: SpecData, source: SpecSource): SpecFault | undefined {
  const { network } = data;
  const checks: (() => SpecFault | undefined)[] = [
    () => checkNonEmpty(network.input, ['network', 'input'], source),
    () => checkNonEmpty(network.target, ['network', 'target'], source),
    () => checkNonEmpty(network.layers, ['network', 'layers'], source),
    ...network.layers.map((layer, index) => () => checkLayer(data, layer, index, source)),
    () => checkName(network.loss, ['network', 'loss'], lossNames, lossWords, source),
    () => checkTargetLength(data, source),
    () => checkLearningRate(data.learning_rate, source),
    () => checkDigits(data.display?.digits, source),
    () => checkRounding(data.display?.rounding, source),
    () => checkMaxPaths(data.display?.max_paths, source),
  ];

  for (const check of checks) {
    const fault = check();
    if (fault !== undefined) return fault;
  }
  return undefined;
}

/** "1 neurona", "2 neuronas": a count with its noun in both languages. */
export function count(n: number, es: [string, string], en: [string, string]): Bilingual<string> {
  return { es: `${n} ${n === 1 ? es[0] : es[1]}`, en: `${n} ${n === 1 ? en[0] : en[1]}` };
}

function checkNonEmpty(list: readonly unknown[], path: SpecPath, source: SpecSource): SpecFault | undefined {
  if (list.length > 0) return undefined;

  const name = fieldName(path);
  const help = helpFor(path);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${name.es} es una lista vacía: \`${written}\`. Escribe en su lugar ${help.es}.`,
    en: `${name.en} is an empty list: \`${written}\`. Replace it with ${help.en}.`,
  };
}

function checkLayer(data: SpecData, layer: LayerData, index: number, source: SpecSource): SpecFault | undefined {
  const path = ['network', 'layers', index];
  const checks: (() => SpecFault | undefined)[] = [
    () => checkNonEmpty(layer.weights, [...path, 'weights'], source),
    ...layer.weights.map((row, j) => () => checkNonEmpty(row, [...path, 'weights', j], source)),
    () => checkRagged(layer, index, source),
    () => checkColumns(data, layer, index, source),
    () => (Array.isArray(layer.bias) ? checkNonEmpty(layer.bias, [...path, 'bias'], source) : undefined),
    () => checkBiasLength(layer, index, source),
    () => checkName(layer.activation, [...path, 'activation'], activationNames, activationWords, source),
    () => checkAlpha(layer, index, source),
  ];

  for (const check of checks) {
    const fault = check();
    if (fault !== undefined) return fault;
  }
  return undefined;
}

/** Checks that every row of a layer has the length of its first row. */
function checkRagged(layer: LayerData, index: number, source: SpecSource): SpecFault | undefined {
  const columns = layer.weights[0]?.length ?? 0;
  const j = layer.weights.findIndex((row) => row.length !== columns);
  if (j < 0) return undefined;

  const path = ['network', 'layers', index, 'weights', j];
  const name = fieldName(path);
  const has = count(layer.weights[j]?.length ?? 0, ['peso', 'pesos'], ['weight', 'weights']);
  const first = count(columns, ['peso', 'pesos'], ['weight', 'weights']);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${name.es} tiene ${has.es} (\`${written}\`), pero \`weights[0]\` (neurona 1) tiene ${first.es}. Cada fila es una neurona, y todas las filas de una capa deben tener el mismo número de columnas, una por entrada de la capa: corrige esa fila.`,
    en: `${name.en} has ${has.en} (\`${written}\`), but \`weights[0]\` (neuron 1) has ${first.en}. Each row is a neuron, and all rows of a layer must have the same number of columns, one per input of the layer: fix that row.`,
  };
}

/** Checks that layer 1 has one column per input, and layer l one column per neuron of layer l−1. */
function checkColumns(data: SpecData, layer: LayerData, index: number, source: SpecSource): SpecFault | undefined {
  const expected = index === 0 ? data.network.input.length : (data.network.layers[index - 1]?.weights.length ?? 0);
  const columns = layer.weights[0]?.length ?? 0;
  if (columns === expected) return undefined;

  const path = ['network', 'layers', index, 'weights', 0];
  const written = source.writtenValue(path);
  const has = count(columns, ['columna', 'columnas'], ['column', 'columns']);
  const needed = count(expected, ['columna', 'columnas'], ['column', 'columns']);
  const why = index === 0 ? inputReason(expected) : previousLayerReason(index, expected);
  return {
    path,
    es: `las filas de \`network.layers[${index}].weights\` (capa ${index + 1}) tienen ${has.es}, por ejemplo \`weights[0]\` = \`${written}\`, pero ${why.es}. Escribe ${needed.es} en cada fila.`,
    en: `the rows of \`network.layers[${index}].weights\` (layer ${index + 1}) have ${has.en}, for example \`weights[0]\` = \`${written}\`, but ${why.en}. Write ${needed.en} in every row.`,
  };
}

function inputReason(inputs: number): Bilingual<string> {
  const values = count(inputs, ['valor', 'valores'], ['value', 'values']);
  return {
    es: `\`network.input\` tiene ${values.es} y en la capa 1 cada neurona lleva un peso por entrada`,
    en: `\`network.input\` has ${values.en} and in layer 1 each neuron has one weight per input`,
  };
}

function previousLayerReason(index: number, neurons: number): Bilingual<string> {
  const previous = count(neurons, ['neurona', 'neuronas'], ['neuron', 'neurons']);
  const rows = count(neurons, ['fila', 'filas'], ['row', 'rows']);
  return {
    es: `la capa ${index} tiene ${previous.es} (\`network.layers[${index - 1}].weights\` tiene ${rows.es}) y cada neurona de la capa ${index + 1} lleva un peso por neurona de la capa ${index}`,
    en: `layer ${index} has ${previous.en} (\`network.layers[${index - 1}].weights\` has ${rows.en}) and each neuron of layer ${index + 1} has one weight per neuron of layer ${index}`,
  };
}

function checkBiasLength(layer: LayerData, index: number, source: SpecSource): SpecFault | undefined {
  const { bias } = layer;
  if (typeof bias === 'number' || bias.length === layer.weights.length) return undefined;

  const path = ['network', 'layers', index, 'bias'];
  const name = fieldName(path);
  const written = source.writtenValue(path);
  const has = count(bias.length, ['sesgo', 'sesgos'], ['bias', 'biases']);
  const neurons = count(layer.weights.length, ['neurona', 'neuronas'], ['neuron', 'neurons']);
  return {
    path,
    es: `${name.es} tiene ${has.es} (\`${written}\`), pero la capa ${index + 1} tiene ${neurons.es}, una por fila de weights. Escribe un sesgo por neurona, o un solo número para compartirlo en toda la capa.`,
    en: `${name.en} has ${has.en} (\`${written}\`), but layer ${index + 1} has ${neurons.en}, one per row of weights. Write one bias per neuron, or a single number shared by the whole layer.`,
  };
}

const activationWords: Bilingual<string> = { es: 'función de activación', en: 'activation function' };
const lossWords: Bilingual<string> = { es: 'función de error', en: 'loss function' };

/** Checks that an activation or loss name is one that cadena implements, and suggests the closest one. */
function checkName(
  name: string,
  path: SpecPath,
  known: readonly string[],
  words: Bilingual<string>,
  source: SpecSource,
): SpecFault | undefined {
  if (known.includes(name)) return undefined;

  const field = fieldName(path);
  const written = source.writtenValue(path);
  const suggestion = closestName(name, known);
  const guessEs = suggestion === undefined ? '' : ` ¿Quisiste decir \`${suggestion}\`?`;
  const guessEn = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  return {
    path,
    es: `${field.es} vale \`${written}\`, que no es una ${words.es} conocida.${guessEs} Los nombres válidos son: ${known.join(', ')}.`,
    en: `${field.en} is \`${written}\`, which is not a known ${words.en}.${guessEn} The valid names are: ${known.join(', ')}.`,
  };
}

/** Checks that alpha is given only for activations that take it (leaky_relu, elu). */
function checkAlpha(layer: LayerData, index: number, source: SpecSource): SpecFault | undefined {
  const { activation } = layer;
  if (layer.alpha === undefined || !isActivationName(activation)) return undefined;
  if (activations[activation].defaultAlpha !== undefined) return undefined;

  const path = ['network', 'layers', index, 'alpha'];
  const name = fieldName(path);
  const written = source.writtenValue(path);
  const takers = activationsWithAlpha.join(', ');
  return {
    path,
    es: `${name.es} vale \`${written}\`, pero la activación ${activation} no usa alpha. Solo estas activaciones tienen el parámetro alpha: ${takers}. Borra alpha de esta capa o cambia la activación.`,
    en: `${name.en} is \`${written}\`, but the activation ${activation} takes no alpha. Only these activations have the parameter alpha: ${takers}. Delete alpha from this layer or change the activation.`,
  };
}

/** Checks that the target has one value per neuron of the last layer. */
function checkTargetLength(data: SpecData, source: SpecSource): SpecFault | undefined {
  const { layers, target } = data.network;
  const outputs = layers[layers.length - 1]?.weights.length ?? 0;
  if (target.length === outputs) return undefined;

  const path = ['network', 'target'];
  const written = source.writtenValue(path);
  const has = count(target.length, ['valor', 'valores'], ['value', 'values']);
  const neurons = count(outputs, ['neurona', 'neuronas'], ['neuron', 'neurons']);
  const needed = count(outputs, ['valor', 'valores'], ['value', 'values']);
  return {
    path,
    es: `\`network.target\` tiene ${has.es} (\`${written}\`), pero la última capa (capa ${layers.length}) tiene ${neurons.es}. Escribe una salida esperada por neurona de salida: ${needed.es}.`,
    en: `\`network.target\` has ${has.en} (\`${written}\`), but the last layer (layer ${layers.length}) has ${neurons.en}. Write one expected output per output neuron: ${needed.en}.`,
  };
}

function checkLearningRate(rate: number | undefined, source: SpecSource): SpecFault | undefined {
  if (rate === undefined || rate > 0) return undefined;

  const path = ['learning_rate'];
  const written = source.writtenValue(path);
  return {
    path,
    es: `\`learning_rate\` vale \`${written}\`, pero la tasa de aprendizaje debe ser mayor que 0. Escribe un número positivo, por ejemplo \`learning_rate: 0.5\`.`,
    en: `\`learning_rate\` is \`${written}\`, but the learning rate must be greater than 0. Write a positive number, for example \`learning_rate: 0.5\`.`,
  };
}

function checkDigits(digits: number | undefined, source: SpecSource): SpecFault | undefined {
  if (digits === undefined || (Number.isInteger(digits) && digits >= 0 && digits <= maxDigits)) return undefined;

  const path = ['display', 'digits'];
  const written = source.writtenValue(path);
  return {
    path,
    es: `\`display.digits\` vale \`${written}\`, pero debe ser un número entero de 0 a ${maxDigits}: los decimales que se muestran. Por ejemplo \`digits: ${defaultDisplay.digits}\`.`,
    en: `\`display.digits\` is \`${written}\`, but it must be an integer from 0 to ${maxDigits}: the decimal places shown. For example \`digits: ${defaultDisplay.digits}\`.`,
  };
}

const roundingModes = ['round', 'truncate'];

function checkRounding(rounding: string | undefined, source: SpecSource): SpecFault | undefined {
  if (rounding === undefined || roundingModes.includes(rounding)) return undefined;

  const path = ['display', 'rounding'];
  const written = source.writtenValue(path);
  const suggestion = closestName(rounding, roundingModes);
  const guessEs = suggestion === undefined ? '' : ` ¿Quisiste decir \`${suggestion}\`?`;
  const guessEn = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  return {
    path,
    es: `\`display.rounding\` vale \`${written}\`, que no es un modo de redondeo válido.${guessEs} Escribe \`round\` (redondear, el predeterminado) o \`truncate\` (truncar).`,
    en: `\`display.rounding\` is \`${written}\`, which is not a valid rounding mode.${guessEn} Write \`round\` (the default) or \`truncate\`.`,
  };
}

function checkMaxPaths(maxPaths: number | undefined, source: SpecSource): SpecFault | undefined {
  if (maxPaths === undefined || (Number.isInteger(maxPaths) && maxPaths >= 1 && maxPaths <= maxPathsLimit)) return undefined;

  const path = ['display', 'max_paths'];
  const written = source.writtenValue(path);
  return {
    path,
    es: `\`display.max_paths\` vale \`${written}\`, pero debe ser un número entero de 1 a ${maxPathsLimit}. Si no lo escribes, vale ${defaultDisplay.maxPaths}.`,
    en: `\`display.max_paths\` is \`${written}\`, but it must be an integer from 1 to ${maxPathsLimit}. When absent, it is ${defaultDisplay.maxPaths}.`,
  };
}

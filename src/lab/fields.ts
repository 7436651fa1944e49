import { activationNames } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import type { SpecVocabulary } from '../network/issues.js';
import { formatPath, valueAt, type SpecPath } from '../network/source.js';
import { isOptimizerPath, knownLabKeysAt, optimizerNameOf, pathPattern } from './schema.js';

/** Limits of a lab spec, checked in checks.ts and stated in the help texts below. */
export const labLimits = {
  maxIdLength: 64,
  maxSeeds: 1000,
  /** Seeds are 32-bit unsigned integers, as TrainingRandom reads them. */
  maxSeed: 2 ** 32 - 1,
  maxEpochs: 100_000,
  maxHiddenLayers: 5,
  maxLayerSize: 64,
  /** Values per input row and per target row. */
  maxRowLength: 10,
  /** Settings × seeds × epochs × examples of one experiment: each unit is one example through one step. */
  maxWork: 1e8,
  maxGradients: 10,
  maxExamples: 256,
  maxExperiments: 50,
  /** Settings of one experiment: 9 rows of 4 panels still fit one page. */
  maxSettings: 36,
  maxAlpha: 10,
  /** Weights, biases, input and target of the deep networks: 100 over 30 layers stays far below 10^308. */
  maxDeepValue: 100,
  maxPlotZ: 100,
  minPlotWidth: 0.1,
  minDeepLayers: 2,
  maxDeepLayers: 30,
  minDigits: 1,
  maxDigits: 10,
} as const;

const limits = labLimits;

/** Layer activations, and gelu, which is only plotted. */
export const plotActivationNames = [...activationNames, 'gelu'];

/** Loss names with their Keras aliases, for messages. */
export const lossChoices: Bilingual<string> = {
  es: 'mse (también mean_squared_error) o binary_crossentropy',
  en: 'mse (also mean_squared_error) or binary_crossentropy',
};

/**
 * Returns the pattern of a path for the help texts: an experiment's `model` and `training`
 * read like the top-level ones, and every optimizer mapping is `optimizer`.
 */
function helpPattern(path: SpecPath): string {
  for (let length = path.length; length > 0; length--) {
    if (!isOptimizerPath(path.slice(0, length))) continue;
    const rest = path.slice(length).map(String);
    return ['optimizer', ...rest].join('.');
  }
  return pathPattern(path).replace(/^experiments\[\]\.(model|training)\./, '$1.');
}

const hiddenHelp: Bilingual<string> = {
  es: `las neuronas de cada capa oculta: una lista como [4, 2] (de 0 a ${limits.maxHiddenLayers} capas de 1 a ${limits.maxLayerSize} neuronas), o un número para una sola capa; [] es una red sin capa oculta`,
  en: `the neurons of each hidden layer: a list such as [4, 2] (0 to ${limits.maxHiddenLayers} layers of 1 to ${limits.maxLayerSize} neurons), or a number for a single layer; [] is a network without a hidden layer`,
};

const layerSizeHelp: Bilingual<string> = {
  es: `las neuronas de una capa oculta, un entero de 1 a ${limits.maxLayerSize}`,
  en: `the neurons of a hidden layer, an integer from 1 to ${limits.maxLayerSize}`,
};

const optimizerHelp: Bilingual<string> = {
  es: 'un optimizador: su nombre (sgd, rmsprop o adam) o una sección como { name: sgd, learning_rate: 0.1, momentum: 0.9 }',
  en: 'an optimizer: its name (sgd, rmsprop or adam) or a mapping such as { name: sgd, learning_rate: 0.1, momentum: 0.9 }',
};

const batchSizeHelp: Bilingual<string> = {
  es: '`all` (todos los ejemplos en cada paso) o un número entero de ejemplos por paso, de 1 al número de ejemplos',
  en: '`all` (every example in each step) or an integer number of examples per step, from 1 to the number of examples',
};

const epochsHelp: Bilingual<string> = {
  es: `el número de épocas (pasadas por todos los ejemplos), un entero de 1 a ${limits.maxEpochs}`,
  en: `the number of epochs (passes through every example), an integer from 1 to ${limits.maxEpochs}`,
};

const learningRateHelp: Bilingual<string> = {
  es: 'la tasa de aprendizaje η, un número mayor que 0, por ejemplo 0.1',
  en: 'the learning rate η, a number greater than 0, for example 0.1',
};

const activationHelp: Bilingual<string> = {
  es: `el nombre de una función de activación: ${activationNames.join(', ')}`,
  en: `the name of an activation function: ${activationNames.join(', ')}`,
};

const rowHelp: Bilingual<string> = {
  es: `una fila: una lista de 1 a ${limits.maxRowLength} números, o un solo número para una fila de un valor`,
  en: `a row: a list of 1 to ${limits.maxRowLength} numbers, or a single number for a row of one value`,
};

const labelHelp: Bilingual<string> = {
  es: 'el nombre que se muestra en tablas y leyendas, en una línea, por ejemplo "SGD con momento"',
  en: 'the name shown in tables and legends, on one line, for example "SGD con momento"',
};

/** Descriptions of each field, by help pattern, worded to complete "write …" in a message. */
const fieldHelp: Record<string, Bilingual<string>> = {
  id: {
    es: `el identificador del laboratorio: de 1 a ${limits.maxIdLength} letras minúsculas sin tilde, dígitos o guiones, empezando con letra o dígito, por ejemplo xor (entre comillas si solo tiene dígitos)`,
    en: `the lab id: 1 to ${limits.maxIdLength} lower-case letters without accents, digits or hyphens, starting with a letter or digit, for example xor (quoted when it has only digits)`,
  },
  title: {
    es: 'el título del laboratorio, en una línea, por ejemplo "Laboratorio: XOR"',
    en: 'the title of the lab, on one line, for example "Laboratorio: XOR"',
  },
  intro: { es: 'un párrafo que se imprime bajo el título', en: 'a paragraph printed under the title' },
  seeds: {
    es: `las semillas (entrenamientos con pesos iniciales distintos) de cada configuración, un entero de 1 a ${limits.maxSeeds}`,
    en: `the seeds (training runs from different initial weights) of each setting, an integer from 1 to ${limits.maxSeeds}`,
  },
  first_seed: {
    es: `la primera semilla, un entero de 0 a ${limits.maxSeed}`,
    en: `the first seed, an integer from 0 to ${limits.maxSeed}`,
  },
  threshold: {
    es: 'el umbral a partir del cual una salida cuenta como 1, un número dentro del rango de la activación de salida, por ejemplo 0.5',
    en: 'the threshold from which an output counts as 1, a number inside the range of the output activation, for example 0.5',
  },
  data: {
    es: 'la sección de datos, con las claves inputs y targets',
    en: 'the data section, with the keys inputs and targets',
  },
  'data.inputs': {
    es: 'la lista de entradas, una fila por ejemplo, por ejemplo [[0, 0], [0, 1], [1, 0], [1, 1]]',
    en: 'the list of inputs, one row per example, for example [[0, 0], [0, 1], [1, 0], [1, 1]]',
  },
  'data.inputs[]': rowHelp,
  'data.inputs[][]': { es: 'una entrada, un número', en: 'an input, a number' },
  'data.targets': {
    es: 'la lista de salidas esperadas, una fila por ejemplo, por ejemplo [[0], [1], [1], [0]]',
    en: 'the list of expected outputs, one row per example, for example [[0], [1], [1], [0]]',
  },
  'data.targets[]': rowHelp,
  'data.targets[][]': { es: 'una salida esperada, un número', en: 'an expected output, a number' },
  model: {
    es: 'la sección del modelo, con las claves hidden, activation, output_activation, alpha y loss',
    en: 'the model section, with the keys hidden, activation, output_activation, alpha and loss',
  },
  'model.hidden': hiddenHelp,
  'model.hidden[]': layerSizeHelp,
  'model.activation': activationHelp,
  'model.output_activation': activationHelp,
  'model.alpha': {
    es: 'el parámetro α de leaky_relu o elu en las capas ocultas, un número',
    en: 'the parameter α of leaky_relu or elu in the hidden layers, a number',
  },
  'model.loss': { es: `el nombre de la función de error: ${lossChoices.es}`, en: `the name of the loss function: ${lossChoices.en}` },
  training: {
    es: 'la sección del entrenamiento, con las claves optimizer, epochs, batch_size y shuffle',
    en: 'the training section, with the keys optimizer, epochs, batch_size and shuffle',
  },
  'training.epochs': epochsHelp,
  'training.batch_size': batchSizeHelp,
  'training.shuffle': {
    es: 'true para barajar los ejemplos antes de cada época, como fit de Keras, o false',
    en: "true to shuffle the examples before each epoch, as Keras's fit does, or false",
  },
  optimizer: optimizerHelp,
  'optimizer.name': { es: 'sgd, rmsprop o adam', en: 'sgd, rmsprop or adam' },
  'optimizer.label': labelHelp,
  'optimizer.learning_rate': learningRateHelp,
  'optimizer.momentum': { es: 'el momento, un número de 0 a 1, por ejemplo 0.9', en: 'the momentum, a number from 0 to 1, for example 0.9' },
  'optimizer.nesterov': { es: 'true para el momento de Nesterov, o false', en: 'true for Nesterov momentum, or false' },
  'optimizer.rho': {
    es: 'el factor de olvido de RMSprop, un número desde 0 y menor que 1, por ejemplo 0.9',
    en: 'the discounting factor of RMSprop, a number from 0 and less than 1, for example 0.9',
  },
  'optimizer.epsilon': {
    es: 'la constante ε que evita dividir por cero, un número mayor que 0, por ejemplo 1e-7',
    en: 'the constant ε that avoids dividing by zero, a number greater than 0, for example 1e-7',
  },
  'optimizer.beta_1': {
    es: 'el factor β₁ de la media de los gradientes de Adam, un número desde 0 y menor que 1, por ejemplo 0.9',
    en: "the factor β₁ of Adam's mean of the gradients, a number from 0 and less than 1, for example 0.9",
  },
  'optimizer.beta_2': {
    es: 'el factor β₂ de la media de los cuadrados de los gradientes de Adam, un número desde 0 y menor que 1, por ejemplo 0.999',
    en: "the factor β₂ of Adam's mean of the squared gradients, a number from 0 and less than 1, for example 0.999",
  },
  'optimizer.clipnorm': {
    es: 'la norma máxima del gradiente de cada variable, un número mayor que 0, o null para no recortarlo',
    en: "the maximum norm of each variable's gradient, a number greater than 0, or null for no clipping",
  },
  experiments: {
    es: 'la lista de experimentos, cada uno con id, title, question y vary',
    en: 'the list of experiments, each with id, title, question and vary',
  },
  'experiments[]': {
    es: 'un experimento: una sección con id, title, question y vary',
    en: 'an experiment: a mapping with id, title, question and vary',
  },
  'experiments[].id': {
    es: `el identificador del experimento, que nombra sus figuras: de 1 a ${limits.maxIdLength} letras minúsculas sin tilde, dígitos o guiones, por ejemplo neuronas`,
    en: `the experiment id, which names its figures: 1 to ${limits.maxIdLength} lower-case letters without accents, digits or hyphens, for example neuronas`,
  },
  'experiments[].title': {
    es: 'el título del experimento, en una línea',
    en: 'the title of the experiment, on one line',
  },
  'experiments[].question': {
    es: 'la pregunta de la clase que responde el experimento',
    en: 'the question of the lecture that the experiment answers',
  },
  'experiments[].text': { es: 'un párrafo que se imprime bajo el título', en: 'a paragraph printed under the title' },
  'experiments[].model': {
    es: 'las claves de `model` que cambian en este experimento, por ejemplo { activation: relu }',
    en: 'the keys of `model` that change in this experiment, for example { activation: relu }',
  },
  'experiments[].training': {
    es: 'las claves de `training` que cambian en este experimento, por ejemplo { epochs: 400 }',
    en: 'the keys of `training` that change in this experiment, for example { epochs: 400 }',
  },
  'experiments[].vary': {
    es: 'lo que se compara: una sección con al menos una de las claves hidden, optimizer, learning_rate, batch_size y epochs, cada una con una lista de valores',
    en: 'what is compared: a mapping with at least one of the keys hidden, optimizer, learning_rate, batch_size and epochs, each with a list of values',
  },
  'experiments[].vary.hidden': {
    es: 'la lista de redes que se comparan, cada una un número (una capa oculta) o una lista de neuronas por capa, por ejemplo [2, 3, [4, 2]]',
    en: 'the list of networks to compare, each a number (one hidden layer) or a list of neurons per layer, for example [2, 3, [4, 2]]',
  },
  'experiments[].vary.hidden[]': hiddenHelp,
  'experiments[].vary.hidden[][]': layerSizeHelp,
  'experiments[].vary.optimizer': {
    es: 'la lista de optimizadores que se comparan, cada uno un nombre o una sección como { name: adam, learning_rate: 0.01 }',
    en: 'the list of optimizers to compare, each a name or a mapping such as { name: adam, learning_rate: 0.01 }',
  },
  'experiments[].vary.learning_rate': {
    es: 'la lista de tasas de aprendizaje que se comparan, por ejemplo [0.1, 1, 4.5]',
    en: 'the list of learning rates to compare, for example [0.1, 1, 4.5]',
  },
  'experiments[].vary.learning_rate[]': learningRateHelp,
  'experiments[].vary.batch_size': {
    es: 'la lista de tamaños de lote que se comparan, por ejemplo [all, 1, 2]',
    en: 'the list of batch sizes to compare, for example [all, 1, 2]',
  },
  'experiments[].vary.batch_size[]': batchSizeHelp,
  'experiments[].vary.epochs': {
    es: 'la lista de números de épocas que se comparan, por ejemplo [200, 400]',
    en: 'the list of numbers of epochs to compare, for example [200, 400]',
  },
  'experiments[].vary.epochs[]': epochsHelp,
  'experiments[].focus': {
    es: 'la configuración por la que pregunta `question`: un valor de cada clave de vary que quieras fijar, por ejemplo { hidden: 2, epochs: 400 }',
    en: 'the setting that `question` asks about: one value of each key of vary you want to fix, for example { hidden: 2, epochs: 400 }',
  },
  'experiments[].focus.hidden': {
    es: 'una de las redes de vary.hidden: un número (una capa oculta) o una lista de neuronas por capa',
    en: 'one of the networks of vary.hidden: a number (one hidden layer) or a list of neurons per layer',
  },
  'experiments[].focus.learning_rate': {
    es: 'una de las tasas de aprendizaje de vary.learning_rate',
    en: 'one of the learning rates of vary.learning_rate',
  },
  'experiments[].focus.batch_size': {
    es: 'uno de los tamaños de lote de vary.batch_size: `all` o un número',
    en: 'one of the batch sizes of vary.batch_size: `all` or a number',
  },
  'experiments[].focus.epochs': {
    es: 'uno de los números de épocas de vary.epochs',
    en: 'one of the numbers of epochs of vary.epochs',
  },
  'experiments[].predictions': {
    es: 'true para imprimir la tabla de predicciones de la primera semilla de cada configuración, o false',
    en: 'true to print the table of predictions of the first seed of each setting, or false',
  },
  'experiments[].boundaries': {
    es: 'true para dibujar la frontera de decisión de la primera semilla de cada configuración (solo con 2 entradas), o false',
    en: 'true to draw the decision boundary of the first seed of each setting (two inputs only), or false',
  },
  optimizer_steps: {
    es: 'la sección de pasos de los optimizadores, con las claves parameter, initial, gradients y optimizers',
    en: 'the section of optimizer steps, with the keys parameter, initial, gradients and optimizers',
  },
  'optimizer_steps.parameter': {
    es: 'el símbolo del parámetro en TeX, en una línea, por ejemplo w o "w_{1,1}^{[1]}"',
    en: 'the symbol of the parameter in TeX, on one line, for example w or "w_{1,1}^{[1]}"',
  },
  'optimizer_steps.initial': { es: 'el valor inicial del parámetro, un número', en: 'the initial value of the parameter, a number' },
  'optimizer_steps.gradients': {
    es: `la lista de gradientes, uno por paso: de 1 a ${limits.maxGradients} números, por ejemplo [0.2, -0.1, 0.15]`,
    en: `the list of gradients, one per step: 1 to ${limits.maxGradients} numbers, for example [0.2, -0.1, 0.15]`,
  },
  'optimizer_steps.gradients[]': { es: 'el gradiente de un paso, un número', en: 'the gradient of one step, a number' },
  'optimizer_steps.optimizers': {
    es: 'la lista de optimizadores que se desarrollan paso a paso, cada uno un nombre o una sección como { name: sgd, learning_rate: 0.1 }',
    en: 'the list of optimizers worked out step by step, each a name or a mapping such as { name: sgd, learning_rate: 0.1 }',
  },
  gradient_problems: {
    es: 'la sección de redes profundas, con las claves layers, input, target y cases',
    en: 'the section of deep networks, with the keys layers, input, target and cases',
  },
  'gradient_problems.layers': {
    es: `el número de capas de una neurona, un entero de ${limits.minDeepLayers} a ${limits.maxDeepLayers}`,
    en: `the number of one-neuron layers, an integer from ${limits.minDeepLayers} to ${limits.maxDeepLayers}`,
  },
  'gradient_problems.input': { es: 'la entrada x, un número', en: 'the input x, a number' },
  'gradient_problems.target': { es: 'la salida esperada y, un número', en: 'the expected output y, a number' },
  'gradient_problems.cases': {
    es: 'la lista de casos, cada uno con activation, weight y bias, por ejemplo { activation: relu, weight: 2, bias: -1 }',
    en: 'the list of cases, each with activation, weight and bias, for example { activation: relu, weight: 2, bias: -1 }',
  },
  'gradient_problems.cases[]': {
    es: 'un caso: una sección con activation, weight y bias, por ejemplo { activation: relu, weight: 2, bias: -1 }',
    en: 'a case: a mapping with activation, weight and bias, for example { activation: relu, weight: 2, bias: -1 }',
  },
  'gradient_problems.cases[].label': labelHelp,
  'gradient_problems.cases[].activation': activationHelp,
  'gradient_problems.cases[].alpha': {
    es: 'el parámetro α de leaky_relu o elu, un número',
    en: 'the parameter α of leaky_relu or elu, a number',
  },
  'gradient_problems.cases[].weight': { es: 'el peso de cada capa, un número', en: 'the weight of every layer, a number' },
  'gradient_problems.cases[].bias': { es: 'el sesgo de cada capa, un número', en: 'the bias of every layer, a number' },
  activations: {
    es: 'la sección de gráficas de activaciones, con las claves names, from y to',
    en: 'the section of activation plots, with the keys names, from and to',
  },
  'activations.names': {
    es: `la lista de activaciones que se dibujan, con algunas de: ${plotActivationNames.join(', ')}`,
    en: `the list of activations to plot, with some of: ${plotActivationNames.join(', ')}`,
  },
  'activations.names[]': {
    es: `el nombre de una activación: ${plotActivationNames.join(', ')}`,
    en: `the name of an activation: ${plotActivationNames.join(', ')}`,
  },
  'activations.from': { es: 'el menor z de las gráficas, un número', en: 'the smallest z of the plots, a number' },
  'activations.to': { es: 'el mayor z de las gráficas, un número', en: 'the largest z of the plots, a number' },
  display: {
    es: 'la sección de formato, con las claves digits, rounding y decimal_comma',
    en: 'the formatting section, with the keys digits, rounding and decimal_comma',
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
};

/** Describes what the field at `path` contains, for messages about a missing or bad value. */
export function labHelpFor(path: SpecPath): Bilingual<string> {
  return fieldHelp[helpPattern(path)] ?? { es: 'un valor', en: 'a value' };
}

/**
 * Names a field for a message: its path in backticks, followed by the experiment, example
 * or case in 1-based counting, e.g. "`experiments[1].vary.hidden` (experimento 2)".
 */
export function labFieldName(path: SpecPath): Bilingual<string> {
  const written = `\`${formatPath(path)}\``;
  const [first, second, third] = path;

  if (first === 'experiments' && typeof second === 'number') {
    return { es: `${written} (experimento ${second + 1})`, en: `${written} (experiment ${second + 1})` };
  }
  if (first === 'data' && typeof third === 'number') {
    return { es: `${written} (ejemplo ${third + 1})`, en: `${written} (example ${third + 1})` };
  }
  if (first === 'gradient_problems' && second === 'cases' && typeof third === 'number') {
    return { es: `${written} (caso ${third + 1})`, en: `${written} (case ${third + 1})` };
  }
  return { es: written, en: written };
}

/** Builds the start of "… the accepted keys are" for the mapping at `parentPath` of the raw data. */
function whereLabKeysGo(data: unknown, parentPath: SpecPath): Bilingual<string> {
  if (parentPath.length === 0) return { es: 'En el nivel principal del archivo', en: 'At the top level of the file' };

  const name = labFieldName(parentPath);
  const optimizer = isOptimizerPath(parentPath) ? optimizerNameOf(valueAt(data, [...parentPath, 'name'])) : undefined;
  if (optimizer !== undefined) {
    return { es: `En ${name.es}, un optimizador ${optimizer},`, en: `In ${name.en}, an ${optimizer} optimizer,` };
  }
  return { es: `En ${name.es}`, en: `In ${name.en}` };
}

/** Keys of expectedWords for the fields that the schema checks as a union, by path pattern. */
const unionKinds: Record<string, string> = {
  'training.batch_size': 'batch_size',
  'experiments[].training.batch_size': 'batch_size',
  'experiments[].vary.batch_size[]': 'batch_size',
  'experiments[].focus.batch_size': 'batch_size',
};

/** Builds the words of the messages from zod issues for the raw data of one lab file. */
export function labVocabulary(data: unknown): SpecVocabulary {
  return {
    knownKeysAt: (path) => knownLabKeysAt(data, path),
    fieldName: labFieldName,
    helpFor: labHelpFor,
    whereKeysGo: (parentPath) => whereLabKeysGo(data, parentPath),
    unionKind: (path) => unionKinds[pathPattern(path)] ?? 'number_or_list',
    expectedWords: {
      // Lab text fields contain titles and questions as well as names.
      string: { es: 'texto', en: 'text' },
      batch_size: { es: '`all` o un número entero', en: '`all` or an integer' },
    },
  };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultActivationPlots,
  defaultDataset,
  defaultGradientProblems,
  defaultLabDisplay,
  defaultModel,
  defaultOptimizerSteps,
  defaultTraining,
} from '../../src/lab/defaults.js';
import { loadLab, parseLab } from '../../src/lab/load.js';
import type { Experiment, LabSpec } from '../../src/lab/spec.js';
import { optimizerDefaults } from '../../src/numeric/optimizer-config.js';
import { messagesOf, type Messages } from '../helpers.js';

// Line numbers of this lab, which the tests below expect in messages.
// 1 id, 2 title, 3 intro, 4 seeds, 5 first_seed, 6 threshold, 7 data: 8 inputs, 9 targets.
// 10 model: 11 hidden, 12 activation, 13 output_activation, 14 loss.
// 15 training: 16 optimizer, 17 epochs, 18 batch_size, 19 shuffle.
// 20 experiments: 21 id, 22 title, 23 question, 24 vary: 25 hidden, 26 epochs, 27 boundaries;
// 28 id, 29 title, 30 training, 31 vary: 32 optimizer: 33 sgd, 34 adam; 35 batch_size.
// 36 optimizer_steps: 37 parameter, 38 initial, 39 gradients, 40 optimizers.
// 41 gradient_problems: 42 layers, 43 input, 44 target, 45 cases: 46 sigmoid, 47 leaky_relu.
// 48 activations: 49 names, 50 from, 51 to. 52 display.
const full = `id: xor
title: "Laboratorio: XOR"
intro: "XOR con una capa oculta."
seeds: 20
first_seed: 1
threshold: 0.5
data:
  inputs: [[0, 0], [0, 1], [1, 0], [1, 1]]
  targets: [[0], [1], [1], [0]]
model:
  hidden: [2]
  activation: sigmoid
  output_activation: sigmoid
  loss: mse
training:
  optimizer: { name: sgd, learning_rate: 4.5, momentum: 0.0, nesterov: false }
  epochs: 200
  batch_size: all
  shuffle: true
experiments:
  - id: neuronas
    title: "¿Cuántas neuronas ocultas necesita XOR?"
    question: "¿Funcionará con 2 neuronas y 400 épocas?"
    vary:
      hidden: [4, 3, 2]
      epochs: [200, 400]
    boundaries: true
  - id: optimizadores
    title: "Optimizadores"
    training: { epochs: 300 }
    vary:
      optimizer:
        - { name: sgd, learning_rate: 4.5, label: "SGD" }
        - { name: adam, learning_rate: 0.1 }
      batch_size: [all, 1]
optimizer_steps:
  parameter: "w"
  initial: 0.5
  gradients: [0.2, -0.1, 0.15]
  optimizers: [{ name: sgd, learning_rate: 0.1 }, { name: rmsprop, learning_rate: 0.01 }]
gradient_problems:
  layers: 10
  input: 1.0
  target: 0.0
  cases:
    - { label: "Sigmoide", activation: sigmoid, weight: 1.0, bias: 0.0 }
    - { activation: leaky_relu, alpha: 0.2, weight: 2.0, bias: -1.0 }
activations:
  names: [sigmoid, relu, gelu]
  from: -4
  to: 4
display: { digits: 4, rounding: truncate, decimal_comma: true }
`;

const sgd = optimizerDefaults.sgd;
const adam = optimizerDefaults.adam;
const rmsprop = optimizerDefaults.rmsprop;

const fullExpected: LabSpec = {
  id: 'xor',
  title: 'Laboratorio: XOR',
  intro: 'XOR con una capa oculta.',
  seeds: 20,
  firstSeed: 1,
  threshold: 0.5,
  data: defaultDataset,
  model: defaultModel,
  training: defaultTraining,
  experiments: [
    {
      id: 'neuronas',
      title: '¿Cuántas neuronas ocultas necesita XOR?',
      question: '¿Funcionará con 2 neuronas y 400 épocas?',
      text: null,
      model: defaultModel,
      training: defaultTraining,
      vary: { hidden: [[4], [3], [2]], epochs: [200, 400] },
      focus: null,
      predictions: true,
      boundaries: true,
    },
    {
      id: 'optimizadores',
      title: 'Optimizadores',
      question: null,
      text: null,
      model: defaultModel,
      training: { ...defaultTraining, epochs: 300 },
      vary: {
        optimizer: [
          { label: 'SGD', config: { ...sgd, learningRate: 4.5 } },
          { label: null, config: { ...adam, learningRate: 0.1 } },
        ],
        batchSize: [null, 1],
      },
      focus: null,
      predictions: true,
      boundaries: false,
    },
  ],
  optimizerSteps: {
    parameter: 'w',
    initial: 0.5,
    gradients: [0.2, -0.1, 0.15],
    optimizers: [
      { label: null, config: { ...sgd, learningRate: 0.1 } },
      { label: null, config: { ...rmsprop, learningRate: 0.01 } },
    ],
  },
  gradientProblems: {
    layers: 10,
    input: 1,
    target: 0,
    cases: [
      { label: 'Sigmoide', activation: 'sigmoid', alpha: 0, weight: 1, bias: 0 },
      { label: null, activation: 'leaky_relu', alpha: 0.2, weight: 2, bias: -1 },
    ],
  },
  activations: { names: ['sigmoid', 'relu', 'gelu'], from: -4, to: 4 },
  display: { digits: 4, rounding: 'truncate', decimalComma: true, maxPaths: defaultLabDisplay.maxPaths },
};

/** The smallest lab: an id and one experiment. */
const minimal = 'id: lab\nexperiments:\n  - id: capas\n    vary: { hidden: [2, 3] }\n';

/** Returns the lab that `minimal` loads to: every default. */
function minimalExpected(): LabSpec {
  const experiment: Experiment = {
    id: 'capas',
    title: 'capas',
    question: null,
    text: null,
    model: defaultModel,
    training: defaultTraining,
    vary: { hidden: [[2], [3]] },
    focus: null,
    predictions: true,
    boundaries: false,
  };
  return {
    id: 'lab',
    title: 'lab',
    intro: null,
    seeds: 20,
    firstSeed: 1,
    threshold: 0.5,
    data: defaultDataset,
    model: defaultModel,
    training: defaultTraining,
    experiments: [experiment],
    optimizerSteps: null,
    gradientProblems: null,
    activations: null,
    display: defaultLabDisplay,
  };
}

/** Returns the full lab with one piece of text replaced, and throws when the piece is not there. */
function edited(from: string, to: string, text = full): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the lab`);
  return text.replace(from, to);
}

/** Returns the minimal lab with `lines` added at the top level (from line 5 on). */
function withMinimal(lines: string): string {
  return `${minimal}${lines}`;
}

/** Returns a lab whose only experiment (from line 2 on) is `experiment`, indented as a list item. */
function withExperiment(experiment: string): string {
  return `id: lab\nexperiments:\n${experiment}`;
}

function labMessages(text: string, fileName = 'lab.yaml'): Messages {
  return messagesOf(() => parseLab(text, fileName));
}

/** Checks the file and line that start every located message, and that no zod text leaks. */
function expectLocated(messages: Messages, line: number, fileName = 'lab.yaml'): void {
  expect(messages.es).toContain(`El archivo ${fileName}, línea ${line}:`);
  expect(messages.en).toContain(`File ${fileName}, line ${line}:`);
  expect(messages.en).not.toMatch(/Invalid input|expected .*, received|\n\s+at /);
}

const tempRoot = mkdtempSync(join(tmpdir(), 'cadena-lab-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

describe('parseLab accepted forms', () => {
  it('loads full lab', () => {
    expect(parseLab(full, 'lab.yaml')).toEqual(fullExpected);
  });

  it('fills defaults from minimal lab', () => {
    expect(parseLab(minimal, 'lab.yaml')).toEqual(minimalExpected());
  });

  it('loads same lab from JSON', () => {
    const json = JSON.stringify({ id: 'lab', experiments: [{ id: 'capas', vary: { hidden: [2, [3]] } }] });
    expect(parseLab(json, 'LAB.JSON')).toEqual(minimalExpected());
  });

  it('returns copies of defaults', () => {
    const first = parseLab(minimal, 'lab.yaml');
    first.data.inputs[0]?.push(7);
    first.model.hidden.push(7);
    expect(parseLab(minimal, 'lab.yaml').data).toEqual({ inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] });
    expect(parseLab(minimal, 'lab.yaml').model.hidden).toEqual([2]);
  });

  it('reads number rows and hidden', () => {
    const spec = parseLab(withMinimal('data:\n  inputs: [0, 1, 2]\n  targets: [0, 1, 0]\nmodel:\n  hidden: 3\n'), 'lab.yaml');
    expect(spec.data).toEqual({ inputs: [[0], [1], [2]], targets: [[0], [1], [0]] });
    expect(spec.model.hidden).toEqual([3]);
  });

  it('accepts network without hidden layer', () => {
    expect(parseLab(withMinimal('model:\n  hidden: []\n'), 'lab.yaml').model.hidden).toEqual([]);
  });

  it.each([
    ['mean_squared_error', 'mse'],
    ['MeanSquaredError', 'mse'],
    ['MSE', 'mse'],
    ['binary_crossentropy', 'binary_crossentropy'],
    ['BinaryCrossentropy', 'binary_crossentropy'],
  ])('reads loss %s', (written, loss) => {
    expect(parseLab(withMinimal(`model:\n  loss: ${written}\n`), 'lab.yaml').model.loss).toBe(loss);
  });

  it.each([
    ['SGD', 'sgd'],
    ['RMSprop', 'rmsprop'],
    ['Adam', 'adam'],
  ])('reads optimizer name %s', (written, name) => {
    const spec = parseLab(withMinimal(`training:\n  optimizer: { name: ${written} }\n`), 'lab.yaml');
    expect(spec.training.optimizer).toEqual(optimizerDefaults[name as 'sgd' | 'rmsprop' | 'adam']);
  });

  it('reads bare optimizer name', () => {
    const spec = parseLab(withMinimal('training:\n  optimizer: adam\n'), 'lab.yaml');
    expect(spec.training.optimizer).toEqual(adam);
  });

  it('reads every optimizer key', () => {
    const text = withMinimal(
      'optimizer_steps:\n  optimizers:\n' +
        '    - { name: sgd, learning_rate: 0.2, momentum: 1, nesterov: true, clipnorm: 1.5 }\n' +
        '    - { name: rmsprop, learning_rate: 0.2, rho: 0, momentum: 0.5, epsilon: 1e-6, clipnorm: null }\n' +
        '    - { name: adam, learning_rate: 0.2, beta_1: 0.8, beta_2: 0.99, epsilon: 1e-8, label: "Adam" }\n',
    );
    expect(parseLab(text, 'lab.yaml').optimizerSteps?.optimizers).toEqual([
      { label: null, config: { name: 'sgd', learningRate: 0.2, momentum: 1, nesterov: true, clipnorm: 1.5 } },
      { label: null, config: { name: 'rmsprop', learningRate: 0.2, rho: 0, momentum: 0.5, epsilon: 1e-6, clipnorm: null } },
      { label: 'Adam', config: { name: 'adam', learningRate: 0.2, beta1: 0.8, beta2: 0.99, epsilon: 1e-8, clipnorm: null } },
    ]);
  });

  it('fills empty sections with defaults', () => {
    const spec = parseLab(withMinimal('optimizer_steps: {}\ngradient_problems: {}\nactivations: {}\n'), 'lab.yaml');
    expect(spec.optimizerSteps).toEqual(defaultOptimizerSteps);
    expect(spec.gradientProblems).toEqual(defaultGradientProblems);
    expect(spec.activations).toEqual(defaultActivationPlots);
  });

  it('fills case weight, bias and alpha', () => {
    const spec = parseLab(withMinimal('gradient_problems:\n  cases:\n    - { activation: elu }\n'), 'lab.yaml');
    // elu's default alpha is 1; a case without weight and bias has w = 1 and b = 0.
    expect(spec.gradientProblems?.cases).toEqual([{ label: null, activation: 'elu', alpha: 1, weight: 1, bias: 0 }]);
  });
});

describe('parseLab experiment settings', () => {
  it('applies experiment keys over lab', () => {
    const text = withMinimal('model:\n  hidden: [4]\ntraining:\n  epochs: 50\n  shuffle: false\n').replace(
      '    vary:',
      '    model: { activation: tanh }\n    training: { batch_size: 2 }\n    vary:',
    );
    const [experiment] = parseLab(text, 'lab.yaml').experiments;
    expect(experiment?.model).toEqual({ ...defaultModel, hidden: [4], activation: 'tanh' });
    expect(experiment?.training).toEqual({ ...defaultTraining, epochs: 50, batchSize: 2, shuffle: false });
  });

  it('replaces whole optimizer', () => {
    const text = withMinimal('training:\n  optimizer: { name: sgd, learning_rate: 4.5, momentum: 0.9 }\n').replace(
      '    vary:',
      '    training: { optimizer: { name: sgd, nesterov: true } }\n    vary:',
    );
    // The experiment's optimizer keeps nothing of the lab's: Keras's learning rate 0.01 and no momentum.
    expect(parseLab(text, 'lab.yaml').experiments[0]?.training.optimizer).toEqual({ ...sgd, nesterov: true });
  });

  it('fills varied optimizers from Keras', () => {
    const text = withExperiment('  - id: e\n    vary:\n      optimizer: [{ name: sgd, momentum: 0.9 }, rmsprop]\n');
    const optimizers = parseLab(text, 'lab.yaml').experiments[0]?.vary.optimizer;
    expect(optimizers).toEqual([
      { label: null, config: { ...sgd, momentum: 0.9 } },
      { label: null, config: rmsprop },
    ]);
  });

  it('keeps alpha with same activation', () => {
    const text = withMinimal('model:\n  activation: leaky_relu\n  alpha: 0.2\n').replace('    vary:', '    model: { activation: leaky_relu }\n    vary:');
    expect(parseLab(text, 'lab.yaml').experiments[0]?.model.alpha).toBe(0.2);
  });

  it('drops alpha with other activation', () => {
    const text = withMinimal('model:\n  activation: leaky_relu\n  alpha: 0.2\n').replace('    vary:', '    model: { activation: elu }\n    vary:');
    const spec = parseLab(text, 'lab.yaml');
    expect(spec.model.alpha).toBe(0.2);
    // elu's own default, not the 0.2 written for leaky_relu.
    expect(spec.experiments[0]?.model.alpha).toBe(1);
  });

  it('keeps vary values as written', () => {
    const text = withExperiment(
      '  - id: e\n    vary:\n      hidden: [2, [4, 2], []]\n      learning_rate: [0.1, 4.5]\n      batch_size: [1, all]\n      epochs: [400, 200]\n',
    );
    expect(parseLab(text, 'lab.yaml').experiments[0]?.vary).toEqual({
      hidden: [[2], [4, 2], []],
      learningRate: [0.1, 4.5],
      batchSize: [1, null],
      epochs: [400, 200],
    });
  });

  it('accepts work at limit', () => {
    // 1 setting × 1000 seeds × 25000 epochs × 4 examples = 10^8, the maximum.
    const text = withMinimal('seeds: 1000\ntraining:\n  epochs: 25000\n').replace('hidden: [2, 3]', 'hidden: [1]');
    expect(parseLab(text, 'lab.yaml').seeds).toBe(1000);
  });
});

describe('parseLab total work', () => {
  it('rejects big networks at the step limit', () => {
    // 5 hidden layers of 64: 16 961 parameters. 1 setting × 100 seeds × 375 epochs × 4 examples
    // = 1.5·10^5 steps, cost 1.5·10^5 × 17 011 ≈ 2.6·10^9: accepted. With 1000 seeds, 2.6·10^10: rejected.
    const big = withMinimal('seeds: 100\ntraining:\n  epochs: 375\n').replace('hidden: [2, 3]', 'hidden: [[64, 64, 64, 64, 64]]');
    expect(parseLab(big, 'lab.yaml').seeds).toBe(100);
    const messages = labMessages(big.replace('seeds: 100', 'seeds: 1000'));
    expect(messages.es).toMatch(/entrenar todos los experimentos con 1000 semillas tomaría unos \d+ minutos/);
    expect(messages.en).toContain('Lower `seeds`, the epochs, the network sizes or the values of `vary`');
  });
});

describe('parseLab example file', () => {
  const path = fileURLToPath(new URL('../../exercises/xor.yaml', import.meta.url));
  const spec = loadLab(path);
  const experiment = (id: string) => spec.experiments.find((candidate) => candidate.id === id);

  it('reads top level', () => {
    expect(spec.id).toBe('xor');
    expect(spec.title).toBe('Laboratorio: XOR con un perceptrón multicapa');
    expect(spec.intro).toContain('XOR no es linealmente separable');
    expect(spec.seeds).toBe(50);
    expect(spec.firstSeed).toBe(1);
    expect(spec.threshold).toBe(0.5);
  });

  it('writes every default', () => {
    expect(spec.data).toEqual(defaultDataset);
    expect(spec.model).toEqual(defaultModel);
    expect(spec.training).toEqual(defaultTraining);
    expect(spec.optimizerSteps).toEqual(defaultOptimizerSteps);
    expect(spec.activations).toEqual(defaultActivationPlots);
    expect(spec.display).toEqual(defaultLabDisplay);
  });

  it('labels first gradient case', () => {
    const [first, ...rest] = spec.gradientProblems?.cases ?? [];
    expect(first).toEqual({ ...defaultGradientProblems.cases[0], label: 'Sigmoide' });
    expect(rest).toEqual(defaultGradientProblems.cases.slice(1));
  });

  it('lists lecture experiments', () => {
    expect(spec.experiments.map((candidate) => candidate.id)).toEqual(['neuronas', 'tasa', 'lote', 'optimizadores', 'relu', 'entropia']);
    expect(experiment('neuronas')?.question).toBe('¿Funcionará para una red con 1 capa oculta y 2 neuronas y 400 épocas?');
  });

  it('reads hidden and epochs sweep', () => {
    const neuronas = experiment('neuronas');
    expect(neuronas?.vary).toEqual({ hidden: [[7], [6], [5], [4], [3], [2]], epochs: [200, 400] });
    expect(neuronas?.boundaries).toBe(true);
    expect(neuronas?.predictions).toBe(true);
  });

  it('reads learning rate and batch sweeps', () => {
    expect(experiment('tasa')?.vary).toEqual({ learningRate: [0.1, 4.5, 9, 18, 25] });
    expect(experiment('tasa')?.training.epochs).toBe(400);
    expect(experiment('lote')?.vary).toEqual({ batchSize: [null, 1, 2] });
  });

  it('reads optimizer sweep', () => {
    expect(experiment('optimizadores')?.vary.optimizer).toEqual([
      { label: 'SGD', config: { ...sgd, learningRate: 4.5 } },
      { label: 'SGD + momento', config: { ...sgd, learningRate: 4.5, momentum: 0.9 } },
      { label: 'SGD + Nesterov', config: { ...sgd, learningRate: 4.5, momentum: 0.9, nesterov: true } },
      { label: 'RMSprop', config: { ...rmsprop, learningRate: 0.1 } },
      { label: 'Adam', config: { ...adam, learningRate: 0.1 } },
    ]);
  });

  it('reads experiment overrides', () => {
    const relu = experiment('relu');
    expect(relu?.model).toEqual({ ...defaultModel, activation: 'relu' });
    expect(relu?.training.optimizer).toEqual({ ...sgd, learningRate: 0.5 });
    expect(relu?.predictions).toBe(false);
    expect(experiment('entropia')?.model.loss).toBe('binary_crossentropy');
  });
});

describe('parseLab file errors', () => {
  it('rejects empty file', () => {
    const messages = labMessages('# pendiente\n');
    expect(messages.es).toBe(
      'El archivo lab.yaml está vacío o solo tiene comentarios. Escribe el laboratorio empezando por la clave `id:` y con al menos un experimento en `experiments:`; exercises/xor.yaml es un ejemplo con cada clave explicada.',
    );
    expect(messages.en).toBe(
      'File lab.yaml is empty or contains only comments. Write the lab starting with the key `id:` and with at least one experiment under `experiments:`; exercises/xor.yaml is an example with every key explained.',
    );
  });

  it('rejects top-level list', () => {
    const messages = labMessages('- id: xor\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('pero es una lista: `- id: xor`. Empieza el archivo con la clave `id:`.');
    expect(messages.en).toContain('but it is a list: `- id: xor`. Start the file with the key `id:`.');
  });

  it('keeps syntax errors', () => {
    const messages = labMessages(edited('hidden: [2]', 'hidden: [2'));
    expect(messages.es).toContain('El archivo lab.yaml, línea 12, columna 3: no es YAML válido.');
    expect(messages.en).toContain('File lab.yaml, line 12, column 3: not valid YAML.');
  });

  it('names network file', () => {
    const network = 'network:\n  input: [0.1, 0.5]\n  target: [0.05, 0.95]\nlearning_rate: 0.5\n';
    const messages = labMessages(network, 'clase6.yaml');
    expectLocated(messages, 2, 'clase6.yaml');
    expect(messages.es).toContain('la clave `network.input` es de un archivo de red (los que lee `cadena derive`), no de un laboratorio: este archivo parece una red.');
    expect(messages.es).toContain('Indica el archivo de un laboratorio, como exercises/xor.yaml.');
    expect(messages.en).toContain('the key `network.input` belongs to a network file (the kind `cadena derive` reads), not to a lab: this file looks like a network.');
  });

  it('names top-level network keys', () => {
    const messages = labMessages('layers: []\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('la clave `layers` es de un archivo de red');
    expect(messages.en).toContain('the key `layers` belongs to a network file');
  });

  it('names homework file', () => {
    const path = fileURLToPath(new URL('../../exercises/tarea-clase6.yaml', import.meta.url));
    const messages = messagesOf(() => loadLab(path, 'tarea-clase6.yaml'));
    expect(messages.es).toContain('la clave `ask` es de una tarea (las que lee `cadena homework`), no de un laboratorio: este archivo parece una tarea.');
    expect(messages.en).toContain('the key `ask` belongs to a homework spec (the kind `cadena homework` reads), not to a lab: this file looks like a homework.');
  });

  it('names homework network sizes', () => {
    const messages = labMessages('id: t\nnetwork:\n  sizes: [2, 2, 2]\n');
    expectLocated(messages, 3);
    expect(messages.es).toContain('la clave `network.sizes` es de una tarea');
    expect(messages.en).toContain('the key `network.sizes` belongs to a homework spec');
  });

  it('renames network to model', () => {
    const messages = labMessages(withMinimal('network:\n  activation: relu\n'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('la clave `network` no es de un laboratorio: un laboratorio describe su red en `model`');
    expect(messages.en).toContain('Rename the section to `model`.');
  });

  it('names lab for folder path', () => {
    const path = join(tempRoot, 'carpeta.yaml');
    mkdirSync(path);
    const messages = messagesOf(() => loadLab(path));
    expect(messages.es).toBe(`${path} es una carpeta, no un archivo. Indica el archivo .yaml o .json de la especificación del laboratorio.`);
    expect(messages.en).toBe(`${path} is a folder, not a file. Give the .yaml or .json file of the lab spec.`);
  });

  it('uses display name', () => {
    const path = join(tempRoot, 'mostrada.yaml');
    writeFileSync(path, edited('loss: mse', 'loss: mae'));
    const messages = messagesOf(() => loadLab(path, 'mostrada.yaml'));
    expectLocated(messages, 14, 'mostrada.yaml');
  });

  it('reports deep JSON nesting', () => {
    const depth = 20_000;
    const json = `{"id": "xor", "data": {"inputs": ${'['.repeat(depth)}${']'.repeat(depth)}, "targets": [0]}, "experiments": []}`;
    const messages = labMessages(json, 'lab.json');
    expect(messages.es).toBe(
      'El archivo lab.json tiene listas anidadas a demasiada profundidad para ser un laboratorio. Las listas más anidadas de un laboratorio tienen dos niveles, como `inputs: [[0, 0], [0, 1]]`.',
    );
  });
});

describe('parseLab keys', () => {
  it('rejects missing id', () => {
    const messages = labMessages(edited('id: xor\n', ''));
    expectLocated(messages, 1);
    expect(messages.es).toContain('falta el campo `id` en el nivel principal del archivo. Agrégalo con el identificador del laboratorio');
    expect(messages.en).toContain('the field `id` is missing at the top level of the file. Add it with the lab id');
  });

  it('rejects missing experiments', () => {
    const messages = labMessages('id: xor\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('falta el campo `experiments` en el nivel principal del archivo. Agrégalo con la lista de experimentos');
    expect(messages.en).toContain('the field `experiments` is missing at the top level of the file. Add it with the list of experiments');
  });

  it('suggests experiments for typo', () => {
    const messages = labMessages(edited('experiments:', 'experimets:'));
    expectLocated(messages, 20);
    expect(messages.es).toContain('la clave `experimets` no es válida. ¿Quisiste decir `experiments`?');
    expect(messages.en).toContain('the key `experimets` is not valid. Did you mean `experiments`?');
  });

  it('rejects max_paths in display', () => {
    const messages = labMessages(edited('decimal_comma: true }', 'decimal_comma: true, max_paths: 3 }'));
    expectLocated(messages, 52);
    expect(messages.es).toContain('la clave `max_paths` de `display` no es válida. En `display` se aceptan: digits, rounding, decimal_comma.');
    expect(messages.en).toContain('the key `max_paths` in `display` is not valid. In `display` the accepted keys are: digits, rounding, decimal_comma.');
  });

  it('moves top-level epochs to training', () => {
    const messages = labMessages(withMinimal('epochs: 300\n'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('la clave `epochs` no va en el nivel principal del archivo: va en `training`. Muévela ahí.');
    expect(messages.en).toContain('the key `epochs` does not go at the top level of the file: it goes in `training`. Move it there.');
  });

  it('moves learning_rate to optimizer', () => {
    const messages = labMessages(edited('  epochs: 200\n', '  epochs: 200\n  learning_rate: 0.1\n'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('la clave `learning_rate` no va en `training`: va en `training.optimizer`. Muévela ahí.');
    expect(messages.en).toContain('the key `learning_rate` does not go in `training`: it goes in `training.optimizer`. Move it there.');
  });

  it('moves experiment epochs', () => {
    const messages = labMessages(edited('    boundaries: true', '    epochs: 300'));
    expectLocated(messages, 27);
    expect(messages.es).toContain('la clave `epochs` no va en `experiments[0]` (experimento 1): va en `experiments[0].training`, o en `experiments[0].vary` para comparar varios valores. Muévela ahí.');
    expect(messages.en).toContain('it goes in `experiments[0].training`, or in `experiments[0].vary` to compare several values.');
  });

  it('moves experiment seeds to top', () => {
    const messages = labMessages(edited('    boundaries: true', '    seeds: 5'));
    expectLocated(messages, 27);
    expect(messages.es).toContain('va en el nivel principal del archivo, porque vale para todo el laboratorio.');
    expect(messages.en).toContain('it goes in the top level of the file, because it applies to the whole lab.');
  });

  it('explains activation in vary', () => {
    const messages = labMessages(edited('      epochs: [200, 400]', '      activation: [sigmoid, relu]'));
    expectLocated(messages, 26);
    expect(messages.es).toContain('`experiments[0].vary` (experimento 1) no compara `activation`: sus claves son hidden, optimizer, learning_rate, batch_size, epochs.');
    expect(messages.es).toContain('escribe un experimento por valor, cada uno con `model: { activation: … }`.');
    expect(messages.en).toContain('To compare values of activation, write one experiment per value');
  });

  it('explains momentum in vary', () => {
    const messages = labMessages(edited('      epochs: [200, 400]', '      momentum: [0, 0.9]'));
    expectLocated(messages, 26);
    expect(messages.es).toContain('Para comparar valores de momentum, escribe en `vary.optimizer` un optimizador por valor');
    expect(messages.en).toContain('write one optimizer per value in `vary.optimizer`');
  });

  it('rejects number as title', () => {
    const messages = labMessages(edited('title: "Optimizadores"', 'title: 5'));
    expectLocated(messages, 29);
    expect(messages.es).toContain('`experiments[1].title` (experimento 2) debe ser texto, pero es un número: `5`.');
    expect(messages.en).toContain('`experiments[1].title` (experiment 2) must be text, but it is a number: `5`.');
  });
});

describe('parseLab top level', () => {
  it('suggests valid id', () => {
    const messages = labMessages(edited('id: xor', 'id: Lab XOR'));
    expectLocated(messages, 1);
    expect(messages.es).toContain('`id` vale `Lab XOR`, pero debe tener de 1 a 64 caracteres');
    expect(messages.es).toContain('Escribe por ejemplo `id: lab-xor`.');
    expect(messages.en).toContain('`id` is `Lab XOR`, but it must have 1 to 64 characters');
  });

  it('rejects title on two lines', () => {
    const messages = labMessages(edited('title: "Laboratorio: XOR"', 'title: "Laboratorio\\nXOR"'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('que ocupa más de una línea, pero se imprime en una sola.');
    expect(messages.en).toContain('which spans more than one line, but it is printed on one.');
  });

  it.each(['0', '1001', '2.5'])('rejects seeds %s', (seeds) => {
    const messages = labMessages(edited('seeds: 20', `seeds: ${seeds}`));
    expectLocated(messages, 4);
    expect(messages.es).toContain(`\`seeds\` vale \`${seeds}\`, pero debe ser un número entero de 1 a 1000`);
    expect(messages.en).toContain(`\`seeds\` is \`${seeds}\`, but it must be an integer from 1 to 1000`);
  });

  it('rejects negative first seed', () => {
    const messages = labMessages(edited('first_seed: 1', 'first_seed: -1'));
    expectLocated(messages, 5);
    // With 20 seeds the last one, first_seed + 19, must fit 32 bits: 4294967295 − 19.
    expect(messages.es).toContain('`first_seed` vale `-1`, pero debe ser un número entero de 0 a 4294967276');
    expect(messages.en).toContain('`first_seed` is `-1`, but it must be an integer from 0 to 4294967276');
  });

  it.each(['0', '1'])('rejects sigmoid threshold %s', (threshold) => {
    const messages = labMessages(edited('threshold: 0.5', `threshold: ${threshold}`));
    expectLocated(messages, 6);
    expect(messages.es).toContain(
      `\`threshold\` vale \`${threshold}\`, pero la activación de salida sigmoid (en \`model.output_activation\`) da salidas entre 0 y 1, así que el umbral debe estar estrictamente entre 0 y 1`,
    );
    expect(messages.en).toContain('so the threshold must lie strictly between 0 and 1');
  });

  it('checks threshold against experiment output', () => {
    const linear = edited('output_activation: sigmoid', 'output_activation: linear');
    const text = edited('    title: "Optimizadores"', '    title: "Optimizadores"\n    model: { output_activation: relu }', linear);
    const messages = labMessages(edited('threshold: 0.5', 'threshold: -0.5', text));
    expectLocated(messages, 6);
    expect(messages.es).toContain('la activación de salida relu (en `experiments[1].model.output_activation`) da salidas desde 0, así que el umbral debe ser mayor que 0');
    expect(messages.en).toContain('the output activation relu (in `experiments[1].model.output_activation`) gives outputs from 0 up');
  });

  it('accepts tanh threshold 0', () => {
    const text = edited('output_activation: sigmoid', 'output_activation: tanh');
    expect(parseLab(edited('threshold: 0.5', 'threshold: 0', text), 'lab.yaml').threshold).toBe(0);
  });
});

describe('parseLab data', () => {
  it('rejects empty inputs', () => {
    const messages = labMessages(edited('[[0, 0], [0, 1], [1, 0], [1, 1]]', '[]'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('`data.inputs` es una lista vacía: `[]`. Escribe al menos un ejemplo');
    expect(messages.en).toContain('`data.inputs` is an empty list: `[]`. Write at least one example');
  });

  it('rejects ragged inputs', () => {
    const messages = labMessages(edited('[1, 0], [1, 1]]', '[1], [1, 1]]'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('`data.inputs[2]` (ejemplo 3) vale `[1]`, con 1 entrada, pero la fila del ejemplo 1 tiene 2 entradas.');
    expect(messages.en).toContain('`data.inputs[2]` (example 3) is `[1]`, with 1 input, but the row of example 1 has 2 inputs.');
  });

  it('rejects eleven inputs', () => {
    const eleven = `[${new Array(11).fill(0).join(', ')}]`;
    const messages = labMessages(edited('[[0, 0], [0, 1],', `[${eleven}, [0, 1],`));
    expectLocated(messages, 8);
    expect(messages.es).toContain('con 11 entradas, pero cada fila debe tener de 1 a 10 valores.');
    expect(messages.en).toContain('with 11 inputs, but each row must have 1 to 10 values.');
  });

  it('rejects count mismatch', () => {
    const messages = labMessages(edited('targets: [[0], [1], [1], [0]]', 'targets: [[0], [1], [1]]'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('`data.targets` tiene 3 filas, pero `data.inputs` tiene 4 ejemplos.');
    expect(messages.en).toContain('`data.targets` has 3 rows, but `data.inputs` has 4 examples.');
  });

  it('rejects infinite input', () => {
    const messages = labMessages(edited('[1, 1]]', '[1, .inf]]'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('`data.inputs[3][1]` (ejemplo 4) vale `.inf`, que no es un número finito.');
    expect(messages.en).toContain('`data.inputs[3][1]` (example 4) is `.inf`, which is not a finite number.');
  });

  it('rejects cross-entropy target above 1', () => {
    const text = edited('loss: mse', 'loss: binary_crossentropy');
    const messages = labMessages(edited('targets: [[0], [1], [1], [0]]', 'targets: [[0], [2], [1], [0]]', text));
    expectLocated(messages, 9);
    expect(messages.es).toContain('`data.targets[1][0]` (ejemplo 2) vale `2`, pero con la función de error binary_crossentropy (en `model.loss`) cada salida esperada es una probabilidad, de 0 a 1.');
    expect(messages.en).toContain('`data.targets[1][0]` (example 2) is `2`, but with the loss binary_crossentropy (in `model.loss`) each expected output is a probability, from 0 to 1.');
  });
});

describe('parseLab model', () => {
  it.each([
    ['0', 'model.hidden', ' Para una red sin capa oculta escribe `[]`.'],
    ['[2, 65]', 'model.hidden[1]', ''],
    ['[1.5]', 'model.hidden[0]', ''],
  ])('rejects hidden %s', (hidden, field, hint) => {
    const messages = labMessages(edited('hidden: [2]', `hidden: ${hidden}`));
    expectLocated(messages, 11);
    expect(messages.es).toContain(`\`${field}\` vale`);
    expect(messages.es).toContain(`pero el número de neuronas de una capa oculta debe ser un entero de 1 a 64.${hint}`);
    expect(messages.en).toContain('but the number of neurons of a hidden layer must be an integer from 1 to 64.');
  });

  it('rejects six hidden layers', () => {
    const messages = labMessages(edited('hidden: [2]', 'hidden: [2, 2, 2, 2, 2, 2]'));
    expectLocated(messages, 11);
    expect(messages.es).toContain('`model.hidden` vale `[2, 2, 2, 2, 2, 2]`, con 6 capas ocultas, pero se admiten a lo sumo 5. Quita capas.');
    expect(messages.en).toContain('`model.hidden` is `[2, 2, 2, 2, 2, 2]`, with 6 hidden layers, but at most 5 are allowed. Remove layers.');
  });

  it('rejects quoted hidden', () => {
    const messages = labMessages(edited('hidden: [2]', 'hidden: "2"'));
    expectLocated(messages, 11);
    expect(messages.es).toContain('`model.hidden` vale `"2"`, que es texto porque está entre comillas. Quita las comillas');
    expect(messages.en).toContain('`model.hidden` is `"2"`, which is text because it is quoted.');
  });

  it('suggests sigmoid for sigmod', () => {
    const messages = labMessages(edited('activation: sigmoid', 'activation: sigmod'));
    expectLocated(messages, 12);
    expect(messages.es).toContain('`model.activation` vale `sigmod`, que no es una función de activación conocida. ¿Quisiste decir `sigmoid`?');
    expect(messages.es).toContain('Los nombres válidos son: sigmoid, tanh, relu, leaky_relu, elu, linear.');
    expect(messages.en).toContain('`model.activation` is `sigmod`, which is not a known activation function. Did you mean `sigmoid`?');
  });

  it('rejects gelu as layer activation', () => {
    const messages = labMessages(edited('output_activation: sigmoid', 'output_activation: gelu'));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`model.output_activation` vale `gelu`, pero gelu solo se dibuja, en `activations.names`: cadena no la usa en las capas.');
    expect(messages.en).toContain('`model.output_activation` is `gelu`, but gelu is only plotted, in `activations.names`: cadena does not use it in layers.');
  });

  it('rejects alpha for sigmoid', () => {
    const messages = labMessages(edited('  activation: sigmoid\n', '  activation: sigmoid\n  alpha: 0.2\n'));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`model.alpha` vale `0.2`, pero la activación de las capas ocultas, sigmoid, no usa alpha.');
    expect(messages.en).toContain('`model.alpha` is `0.2`, but the activation of the hidden layers, sigmoid, takes no alpha.');
  });

  it('suggests mse for mae', () => {
    const messages = labMessages(edited('loss: mse', 'loss: mae'));
    expectLocated(messages, 14);
    expect(messages.es).toContain('`model.loss` vale `mae`, que no es una función de error del entrenamiento. ¿Quisiste decir `mse`? Escribe mse (también mean_squared_error) o binary_crossentropy.');
    expect(messages.en).toContain('`model.loss` is `mae`, which is not a training loss. Did you mean `mse`? Write mse (also mean_squared_error) or binary_crossentropy.');
  });

  it('requires sigmoid for cross-entropy', () => {
    const text = edited('output_activation: sigmoid', 'output_activation: tanh');
    const messages = labMessages(edited('loss: mse', 'loss: binary_crossentropy', text));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`model.output_activation` vale `tanh`, pero la función de error binary_crossentropy (en `model.loss`) necesita la activación de salida sigmoid');
    expect(messages.es).toContain('binary_crossentropy calcula log(ŷ) y log(1 − ŷ), que solo existen con salidas estrictamente entre 0 y 1, y solo sigmoid las da.');
    expect(messages.en).toContain('binary_crossentropy computes log(ŷ) and log(1 − ŷ), which exist only for outputs strictly between 0 and 1, and only sigmoid gives them.');
  });

  it('reports experiment cross-entropy output', () => {
    const text = edited('loss: mse', 'loss: binary_crossentropy');
    const messages = labMessages(edited('    title: "Optimizadores"', '    title: "Optimizadores"\n    model: { output_activation: linear }', text));
    expectLocated(messages, 30);
    expect(messages.es).toContain('`experiments[1].model.output_activation` (experimento 2) vale `linear`, pero la función de error binary_crossentropy (en `model.loss`)');
    expect(messages.en).toContain('`experiments[1].model.output_activation` (experiment 2) is `linear`, but the loss binary_crossentropy (in `model.loss`)');
  });
});

describe('parseLab optimizers', () => {
  const optimizerLine = '{ name: sgd, learning_rate: 4.5, momentum: 0.0, nesterov: false }';

  it('suggests sgd for sdg', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: sdg }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`training.optimizer.name` vale `sdg`, que no es un optimizador conocido. ¿Quisiste decir `sgd`?');
    expect(messages.en).toContain('`training.optimizer.name` is `sdg`, which is not a known optimizer. Did you mean `sgd`?');
  });

  it('suggests name for bare name', () => {
    const messages = labMessages(edited(optimizerLine, 'adan'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`training.optimizer` vale `adan`, que no es un optimizador conocido. ¿Quisiste decir `adam`?');
    expect(messages.en).toContain('Write sgd, rmsprop or adam (also SGD, RMSprop or Adam, as in Keras).');
  });

  it('rejects missing name', () => {
    const messages = labMessages(edited(optimizerLine, '{ learning_rate: 4.5 }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('falta el campo `name` en `training.optimizer`. Agrégalo con sgd, rmsprop o adam.');
    expect(messages.en).toContain('the field `name` is missing in `training.optimizer`. Add it with sgd, rmsprop or adam.');
  });

  it('names owner of foreign key', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: sgd, beta_1: 0.9 }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('la clave `beta_1` de `training.optimizer` es de adam, no de sgd. sgd acepta: learning_rate, momentum, nesterov, clipnorm y label. Borra la clave, o cambia `name` a adam.');
    expect(messages.en).toContain('the key `beta_1` of `training.optimizer` belongs to adam, not to sgd.');
  });

  it('names two owners of momentum', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: Adam, momentum: 0.9 }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('la clave `momentum` de `training.optimizer` es de sgd y rmsprop, no de adam.');
    expect(messages.en).toContain('belongs to sgd and rmsprop, not to adam. adam accepts: learning_rate, beta_1, beta_2, epsilon, clipnorm and label. Delete the key, or change `name` to sgd or rmsprop.');
  });

  it('lists own keys for typo', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: sgd, momentun: 0.9 }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('la clave `momentun` de `training.optimizer` no es válida. ¿Quisiste decir `momentum`? En `training.optimizer`, un optimizador sgd, se aceptan: name, label, learning_rate, momentum, nesterov, clipnorm.');
    expect(messages.en).toContain('In `training.optimizer`, an sgd optimizer, the accepted keys are: name, label, learning_rate, momentum, nesterov, clipnorm.');
  });

  it('rejects label of single optimizer', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: sgd, label: "SGD" }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`training.optimizer.label` vale `"SGD"`, pero `label` solo nombra una fila de las tablas que comparan optimizadores');
    expect(messages.en).toContain('Here there is a single optimizer: delete the key.');
  });

  it('rejects number as optimizer', () => {
    const messages = labMessages(edited(optimizerLine, '3'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`training.optimizer` debe ser una sección de claves (un mapeo), pero es un número: `3`. Escribe en su lugar un optimizador: su nombre (sgd, rmsprop o adam)');
    expect(messages.en).toContain('`training.optimizer` must be a mapping of keys, but it is a number: `3`.');
  });

  it.each([
    ['learning_rate: 0', 'learning_rate', 'la tasa de aprendizaje debe ser mayor que 0', 'the learning rate must be greater than 0'],
    ['momentum: 1.5', 'momentum', 'momentum debe ser un número de 0 a 1', 'momentum must be a number from 0 to 1'],
    ['momentum: -0.1', 'momentum', 'momentum debe ser un número de 0 a 1', 'momentum must be a number from 0 to 1'],
    ['clipnorm: 0', 'clipnorm', 'clipnorm debe ser mayor que 0', 'clipnorm must be greater than 0'],
  ])('rejects sgd %s', (written, key, es, en) => {
    const messages = labMessages(edited(optimizerLine, `{ name: sgd, ${written} }`));
    expectLocated(messages, 16);
    const value = written.split(': ')[1];
    expect(messages.es).toContain(`\`training.optimizer.${key}\` vale \`${value}\`, pero ${es}`);
    expect(messages.en).toContain(`\`training.optimizer.${key}\` is \`${value}\`, but ${en}`);
  });

  it.each([
    ['rmsprop', 'rho: 1'],
    ['adam', 'beta_1: 1'],
    ['adam', 'beta_2: -0.5'],
  ])('rejects %s %s', (name, written) => {
    const messages = labMessages(edited(optimizerLine, `{ name: ${name}, ${written} }`));
    expectLocated(messages, 16);
    const [key, value] = written.split(': ');
    expect(messages.es).toContain(`vale \`${value}\`, pero ${key} debe ser un número desde 0 y menor que 1`);
    expect(messages.en).toContain(`is \`${value}\`, but ${key} must be a number from 0 and less than 1`);
  });

  it('rejects zero epsilon', () => {
    const messages = labMessages(edited(optimizerLine, '{ name: adam, epsilon: 0 }'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`training.optimizer.epsilon` vale `0`, pero epsilon debe ser mayor que 0, porque evita dividir por cero.');
    expect(messages.en).toContain('`training.optimizer.epsilon` is `0`, but epsilon must be greater than 0, because it avoids dividing by zero.');
  });
});

describe('parseLab training', () => {
  it.each(['0', '100001', '2.5'])('rejects epochs %s', (epochs) => {
    const messages = labMessages(edited('epochs: 200', `epochs: ${epochs}`));
    expectLocated(messages, 17);
    expect(messages.es).toContain(`\`training.epochs\` vale \`${epochs}\`, pero debe ser un número entero de 1 a 100000`);
    expect(messages.en).toContain(`\`training.epochs\` is \`${epochs}\`, but it must be an integer from 1 to 100000`);
  });

  it('rejects batch above examples', () => {
    const messages = labMessages(edited('batch_size: all', 'batch_size: 5'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`training.batch_size` vale `5`, pero el tamaño de lote debe ser un número entero de 1 a 4, porque los datos tienen 4 ejemplos.');
    expect(messages.en).toContain('`training.batch_size` is `5`, but the batch size must be an integer from 1 to 4, because the data has 4 examples.');
  });

  it('rejects batch text', () => {
    const messages = labMessages(edited('batch_size: all', 'batch_size: full'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`training.batch_size` vale `full`, que no es un tamaño de lote. Escribe `all` para usar todos los ejemplos en cada paso');
    expect(messages.en).toContain('`training.batch_size` is `full`, which is not a batch size. Write `all` to use every example in each step');
  });

  it('rejects batch boolean', () => {
    const messages = labMessages(edited('batch_size: all', 'batch_size: true'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`training.batch_size` debe ser `all` o un número entero, pero es un booleano: `true`.');
    expect(messages.en).toContain('`training.batch_size` must be `all` or an integer, but it is a boolean: `true`.');
  });

  it('rejects shuffle text', () => {
    const messages = labMessages(edited('shuffle: true', 'shuffle: "yes"'));
    expectLocated(messages, 19);
    expect(messages.es).toContain('`training.shuffle` debe ser `true` o `false`, pero es texto: `"yes"`.');
    expect(messages.en).toContain('`training.shuffle` must be `true` or `false`, but it is text: `"yes"`.');
  });
});

describe('parseLab experiments', () => {
  it('rejects empty list', () => {
    const messages = labMessages('id: lab\nexperiments: []\n');
    expectLocated(messages, 2);
    expect(messages.es).toContain('`experiments` es una lista vacía: `[]`. Escribe al menos un experimento con id, title, question y vary');
    expect(messages.en).toContain('`experiments` is an empty list: `[]`. Write at least one experiment with id, title, question and vary');
  });

  it('rejects missing vary', () => {
    const messages = labMessages(withExperiment('  - id: e\n    title: "E"\n'));
    expectLocated(messages, 3);
    expect(messages.es).toContain('falta el campo `vary` en `experiments[0]` (experimento 1).');
    expect(messages.en).toContain('the field `vary` is missing in `experiments[0]` (experiment 1).');
  });

  it('suggests experiment id', () => {
    const messages = labMessages(edited('id: neuronas', 'id: Neuronas Ocultas'));
    expectLocated(messages, 21);
    expect(messages.es).toContain('`experiments[0].id` (experimento 1) vale `Neuronas Ocultas`, pero debe tener de 1 a 64 caracteres');
    expect(messages.es).toContain('Escribe por ejemplo `id: neuronas-ocultas`.');
    expect(messages.en).toContain('because it names files. Write for example `id: neuronas-ocultas`.');
  });

  it('rejects repeated id', () => {
    const messages = labMessages(edited('id: optimizadores', 'id: neuronas'));
    expectLocated(messages, 28);
    expect(messages.es).toContain('`experiments[1].id` (experimento 2) vale `neuronas`, el mismo id que `experiments[0].id` (experimento 1), pero cada experimento nombra sus propias figuras.');
    expect(messages.en).toContain('`experiments[1].id` (experiment 2) is `neuronas`, the same id as `experiments[0].id` (experiment 1)');
  });

  it('rejects blank question', () => {
    const messages = labMessages(edited('question: "¿Funcionará con 2 neuronas y 400 épocas?"', 'question: " "'));
    expectLocated(messages, 23);
    expect(messages.es).toContain('`experiments[0].question` (experimento 1) vale `" "`, que está vacío. Escribe el texto, o borra la clave.');
    expect(messages.en).toContain('`experiments[0].question` (experiment 1) is `" "`, which is empty. Write the text, or delete the key.');
  });

  it('rejects empty vary', () => {
    const messages = labMessages(withExperiment('  - id: e\n    vary: {}\n'));
    expectLocated(messages, 4);
    expect(messages.es).toContain('`experiments[0].vary` (experimento 1) no tiene ninguna clave, pero dice lo que el experimento compara. Escribe una o más de hidden, optimizer, learning_rate, batch_size, epochs');
    expect(messages.en).toContain('`experiments[0].vary` (experiment 1) has no key, but it states what the experiment compares.');
  });

  it('rejects empty vary list', () => {
    const messages = labMessages(edited('epochs: [200, 400]', 'epochs: []'));
    expectLocated(messages, 26);
    expect(messages.es).toContain('`experiments[0].vary.epochs` (experimento 1) es una lista vacía: `[]`. Escribe los valores que se comparan, o borra la clave.');
    expect(messages.en).toContain('`experiments[0].vary.epochs` (experiment 1) is an empty list: `[]`. Write the values to compare, or delete the key.');
  });

  it('rejects same network twice', () => {
    const messages = labMessages(edited('hidden: [4, 3, 2]', 'hidden: [4, 2, [2]]'));
    expectLocated(messages, 25);
    expect(messages.es).toContain('`experiments[0].vary.hidden[2]` (experimento 1) vale `[2]`, el mismo valor que `experiments[0].vary.hidden[1]` (un número es una sola capa: 2 y [2] son la misma red). Deja cada valor una sola vez.');
    expect(messages.en).toContain('is `[2]`, the same value as `experiments[0].vary.hidden[1]` (a number is a single layer: 2 and [2] are the same network). Keep each value only once.');
  });

  it('rejects full batch twice', () => {
    const messages = labMessages(edited('batch_size: [all, 1]', 'batch_size: [all, 4]'));
    expectLocated(messages, 35);
    expect(messages.es).toContain('`experiments[1].vary.batch_size[1]` (experimento 2) vale `4`, el mismo valor que `experiments[1].vary.batch_size[0]` (`all` y el número de ejemplos son el mismo lote).');
    expect(messages.en).toContain('(`all` and the number of examples are the same batch)');
  });

  it('rejects same optimizer twice', () => {
    const messages = labMessages(edited('{ name: adam, learning_rate: 0.1 }', '{ name: SGD, learning_rate: 4.5, momentum: 0 }'));
    expectLocated(messages, 34);
    expect(messages.es).toContain('`experiments[1].vary.optimizer[1]` (experimento 2) vale `{ name: SGD, learning_rate: 4.5, momentum: 0 }`, el mismo valor que `experiments[1].vary.optimizer[0]` (con los valores de Keras para las claves que faltan; label no cuenta).');
    expect(messages.en).toContain("(with Keras's values for the missing keys; label does not count). Keep each value only once.");
  });

  it.each([
    ['hidden: [4, 0]', 25, 'experiments[0].vary.hidden[1]', 'el número de neuronas de una capa oculta debe ser un entero de 1 a 64'],
    ['epochs: [200, 0]', 26, 'experiments[0].vary.epochs[1]', 'debe ser un número entero de 1 a 100000'],
    ['batch_size: [all, 9]', 35, 'experiments[1].vary.batch_size[1]', 'el tamaño de lote debe ser un número entero de 1 a 4'],
  ])('rejects vary value in %s', (written, line, field, es) => {
    const key = written.split(':')[0] ?? '';
    const original = { hidden: 'hidden: [4, 3, 2]', epochs: 'epochs: [200, 400]', batch_size: 'batch_size: [all, 1]' }[key] ?? '';
    const messages = labMessages(edited(original, written));
    expectLocated(messages, line);
    expect(messages.es).toContain(`\`${field}\``);
    expect(messages.es).toContain(es);
  });

  it('rejects zero varied rate', () => {
    const messages = labMessages(withExperiment('  - id: e\n    vary: { learning_rate: [0.5, -1] }\n'));
    expectLocated(messages, 4);
    expect(messages.es).toContain('`experiments[0].vary.learning_rate[1]` (experimento 1) vale `-1`, pero la tasa de aprendizaje debe ser mayor que 0.');
    expect(messages.en).toContain('`experiments[0].vary.learning_rate[1]` (experiment 1) is `-1`, but the learning rate must be greater than 0.');
  });

  it('rejects key replaced by vary', () => {
    const messages = labMessages(edited('training: { epochs: 300 }', 'training: { batch_size: 2 }'));
    expectLocated(messages, 30);
    expect(messages.es).toContain('`experiments[1].training.batch_size` (experimento 2) no tiene efecto, porque cada valor de `experiments[1].vary.batch_size` lo reemplaza. Borra una de las dos claves.');
    expect(messages.en).toContain('`experiments[1].training.batch_size` (experiment 2) has no effect, because each value of `experiments[1].vary.batch_size` replaces it.');
  });

  it('rejects rate replaced by vary', () => {
    const text = withExperiment('  - id: e\n    vary:\n      learning_rate: [0.1, 1]\n      optimizer: [{ name: adam, learning_rate: 0.01 }, sgd]\n');
    const messages = labMessages(text);
    expectLocated(messages, 6);
    expect(messages.es).toContain('`experiments[0].vary.optimizer[0].learning_rate` (experimento 1) vale `0.01`, pero no tiene efecto, porque cada valor de `vary.learning_rate` del experimento reemplaza la tasa de cada optimizador.');
    expect(messages.en).toContain("but it has no effect, because each value of the experiment's `vary.learning_rate` replaces the rate of every optimizer.");
  });

  it('rejects boundaries without two inputs', () => {
    const text = edited('targets: [[0], [1], [1], [0]]', 'targets: [0, 1, 1, 0]');
    const messages = labMessages(edited('[[0, 0], [0, 1], [1, 0], [1, 1]]', '[[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]', text));
    expectLocated(messages, 27);
    expect(messages.es).toContain('`experiments[0].boundaries` (experimento 1) vale `true`, pero la frontera de decisión se dibuja en el plano de dos entradas, y los datos tienen 3 entradas por ejemplo.');
    expect(messages.en).toContain('`experiments[0].boundaries` (experiment 1) is `true`, but the decision boundary is drawn in the plane of two inputs, and the data has 3 inputs per example.');
  });

  it('rejects boundaries with two outputs', () => {
    const messages = labMessages(edited('targets: [[0], [1], [1], [0]]', 'targets: [[0, 0], [1, 0], [1, 0], [0, 1]]'));
    expectLocated(messages, 27);
    expect(messages.es).toContain('pero cada imagen de la frontera colorea una sola salida, y los datos tienen 2 salidas por ejemplo.');
    expect(messages.en).toContain('Write `boundaries: false`, or keep a single column in `data.targets`.');
  });

  it('rejects work above limit', () => {
    // 3 networks × (50000 + 100000 epochs) × 1000 seeds × 4 examples = 1.8·10^9 single-example steps.
    const text = edited('seeds: 20', 'seeds: 1000');
    const messages = labMessages(edited('epochs: [200, 400]', 'epochs: [50000, 100000]', text));
    expectLocated(messages, 24);
    expect(messages.es).toContain('`experiments[0]` (experimento 1) entrena 6 configuraciones × 1000 semillas, con hasta 100000 épocas sobre 4 ejemplos: 1800000000 pasos de un ejemplo por la red, más que el máximo de 100000000.');
    expect(messages.es).toContain('Reduce `seeds`, las épocas o los valores de `vary`, o divide el experimento en dos.');
    expect(messages.en).toContain('`experiments[0]` (experiment 1) trains 6 settings × 1000 seeds, with up to 100000 epochs over 4 examples: 1800000000 single-example steps through the network, more than the maximum of 100000000.');
  });
});

describe('parseLab sections', () => {
  it('rejects eleven gradients', () => {
    const messages = labMessages(edited('gradients: [0.2, -0.1, 0.15]', `gradients: [${new Array(11).fill(0.1).join(', ')}]`));
    expectLocated(messages, 39);
    expect(messages.es).toContain('con 11 gradientes, pero se desarrollan de 1 a 10 pasos, uno por gradiente.');
    expect(messages.en).toContain('with 11 gradients, but 1 to 10 steps are worked out, one per gradient.');
  });

  it('rejects same steps optimizer twice', () => {
    const messages = labMessages(edited('{ name: rmsprop, learning_rate: 0.01 }', '{ name: SGD, learning_rate: 0.1, nesterov: false }'));
    expectLocated(messages, 40);
    expect(messages.es).toContain('`optimizer_steps.optimizers[1]` vale `{ name: SGD, learning_rate: 0.1, nesterov: false }`, el mismo valor que `optimizer_steps.optimizers[0]`');
    expect(messages.en).toContain('`optimizer_steps.optimizers[1]` is `{ name: SGD, learning_rate: 0.1, nesterov: false }`, the same value as `optimizer_steps.optimizers[0]`');
  });

  it('tells bare name from mapping', () => {
    // A bare `SGD` is Keras's SGD with learning rate 0.01, not the 0.1 of the first entry.
    const spec = parseLab(edited('{ name: rmsprop, learning_rate: 0.01 }', 'SGD'), 'lab.yaml');
    expect(spec.optimizerSteps?.optimizers[1]).toEqual({ label: null, config: sgd });
  });

  it.each(['1', '31'])('rejects deep layers %s', (layers) => {
    const messages = labMessages(edited('layers: 10', `layers: ${layers}`));
    expectLocated(messages, 42);
    expect(messages.es).toContain(`\`gradient_problems.layers\` vale \`${layers}\`, pero debe ser un número entero de 2 a 30`);
    expect(messages.en).toContain(`\`gradient_problems.layers\` is \`${layers}\`, but it must be an integer from 2 to 30`);
  });

  it('rejects case alpha for sigmoid', () => {
    const messages = labMessages(edited('activation: sigmoid, weight: 1.0', 'activation: sigmoid, alpha: 0.1, weight: 1.0'));
    expectLocated(messages, 46);
    expect(messages.es).toContain('`gradient_problems.cases[0].alpha` (caso 1) vale `0.1`, pero la activación del caso, sigmoid, no usa alpha.');
    expect(messages.en).toContain('`gradient_problems.cases[0].alpha` (case 1) is `0.1`, but the activation of the case, sigmoid, takes no alpha.');
  });

  it('rejects gelu case', () => {
    const messages = labMessages(edited('activation: leaky_relu, alpha: 0.2', 'activation: gelu'));
    expectLocated(messages, 47);
    expect(messages.es).toContain('`gradient_problems.cases[1].activation` (caso 2) vale `gelu`, pero gelu solo se dibuja');
    expect(messages.en).toContain('`gradient_problems.cases[1].activation` (case 2) is `gelu`, but gelu is only plotted');
  });

  it('suggests tanh for plot name', () => {
    const messages = labMessages(edited('names: [sigmoid, relu, gelu]', 'names: [sigmoid, tahn]'));
    expectLocated(messages, 49);
    expect(messages.es).toContain('`activations.names[1]` vale `tahn`, que no es una activación que se pueda dibujar. ¿Quisiste decir `tanh`? Los nombres válidos son: sigmoid, tanh, relu, leaky_relu, elu, linear, gelu.');
    expect(messages.en).toContain('`activations.names[1]` is `tahn`, which is not an activation that can be plotted. Did you mean `tanh`?');
  });

  it('rejects repeated plot name', () => {
    const messages = labMessages(edited('names: [sigmoid, relu, gelu]', 'names: [gelu, relu, gelu]'));
    expectLocated(messages, 49);
    expect(messages.es).toContain('`activations.names[2]` vale `gelu`, el mismo valor que `activations.names[0]`. Deja cada valor una sola vez.');
    expect(messages.en).toContain('`activations.names[2]` is `gelu`, the same value as `activations.names[0]`. Keep each value only once.');
  });

  it('rejects reversed plot range', () => {
    const messages = labMessages(edited('to: 4', 'to: -5'));
    expectLocated(messages, 51);
    expect(messages.es).toContain('`activations.to` vale `-5`, pero las gráficas van de from = -4 a to = -5, y from debe ser menor que to.');
    expect(messages.en).toContain('`activations.to` is `-5`, but the plots go from from = -4 to to = -5, and from must be less than to.');
  });

  it.each(['0', '11'])('rejects digits %s', (digits) => {
    const messages = labMessages(edited('digits: 4', `digits: ${digits}`));
    expectLocated(messages, 52);
    expect(messages.es).toContain(`\`display.digits\` vale \`${digits}\`, pero debe ser un número entero de 1 a 10`);
    expect(messages.en).toContain(`\`display.digits\` is \`${digits}\`, but it must be an integer from 1 to 10`);
  });

  it('suggests round for rond', () => {
    const messages = labMessages(edited('rounding: truncate', 'rounding: rond'));
    expectLocated(messages, 52);
    expect(messages.es).toContain('`display.rounding` vale `rond`, que no es un modo de redondeo válido. ¿Quisiste decir `round`?');
    expect(messages.en).toContain('`display.rounding` is `rond`, which is not a valid rounding mode. Did you mean `round`?');
  });
});

describe('parseLab focus', () => {
  // 1 id, 2 experiments:, 3 - id, 4 vary, 5 focus
  const withFocus = (focus: string) =>
    `id: lab\nexperiments:\n  - id: capas\n    vary: { hidden: [2, 3], epochs: [200, 400], batch_size: [all, 1] }\n    focus: ${focus}\n`;

  it('reads the focused setting', () => {
    const spec = parseLab(withFocus('{ hidden: 2, epochs: 400, batch_size: 4 }'), 'lab.yaml');
    expect(spec.experiments[0]!.focus).toEqual({ hidden: [2], epochs: 400, batchSize: 4 });
  });

  it('rejects a value not in vary', () => {
    const messages = labMessages(withFocus('{ hidden: 5 }'));
    expect(messages.es).toContain('lab.yaml, línea 5');
    expect(messages.es).toContain('no es uno de los valores de `vary.hidden` (`[2, 3]`)');
    expect(messages.en).toContain('it is not one of the values of `vary.hidden` (`[2, 3]`). Write one of them.');
  });

  it('rejects a key vary lacks', () => {
    const messages = labMessages(withFocus('{ learning_rate: 0.5 }'));
    expect(messages.es).toContain('`vary` no compara `learning_rate`');
    expect(messages.en).toContain('Delete the key from focus or add `learning_rate` to vary.');
  });

  it('rejects an unknown key', () => {
    const messages = labMessages(withFocus('{ optimizer: adam }'));
    expect(messages.en).toContain('optimizer');
    expect(messages.en).toContain('hidden, learning_rate, batch_size, epochs');
  });
});

describe('parseLab size limits', () => {
  it('rejects a large data set', () => {
    const rows = Array.from({ length: 257 }, (_v, i) => `[${i}]`).join(', ');
    const messages = labMessages(withMinimal(`data:\n  inputs: [${rows}]\n  targets: [${rows}]\n`));
    expect(messages.es).toContain('pero tiene 257 ejemplos, y un laboratorio admite hasta 256');
  });

  it('rejects too many settings', () => {
    const messages = labMessages('id: lab\nexperiments:\n  - id: e\n    vary: { hidden: [1, 2, 3, 4, 5, 6, 7], epochs: [1, 2, 3, 4, 5, 6] }\n');
    expect(messages.en).toContain('but it combines 42 settings, and an experiment compares up to 36');
  });

  it('rejects a negative alpha', () => {
    const messages = labMessages(withMinimal('model: { activation: elu, alpha: -5 }\n'));
    expect(messages.en).toContain('but alpha must be from 0 to 10');
  });

  it('rejects a huge deep weight', () => {
    const messages = labMessages(withMinimal('gradient_problems:\n  cases: [{ activation: relu, weight: 1000000 }]\n'));
    expect(messages.en).toContain('but the deep networks take values from −100 to 100');
  });

  it('rejects a narrow plot range', () => {
    const messages = labMessages(withMinimal('activations: { from: 0, to: 0.001 }\n'));
    expect(messages.en).toContain('a span of less than 0.1');
    const wide = labMessages(withMinimal('activations: { from: -1e308, to: 1e308 }\n'));
    expect(wide.en).toContain('but the plots go from −100 to 100 at most');
  });
});

describe('parseLab second review', () => {
  it('rejects an empty focus', () => {
    const messages = labMessages('id: lab\nexperiments:\n  - id: e\n    vary: { hidden: [2, 3] }\n    focus: {}\n');
    expect(messages.en).toContain('but it names no setting');
  });

  it('accepts a plot span of 0.1', () => {
    expect(parseLab(withMinimal('activations: { from: 5, to: 5.1 }\n'), 'lab.yaml').activations).toMatchObject({ from: 5, to: 5.1 });
  });
});

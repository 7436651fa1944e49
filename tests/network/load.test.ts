import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProblem, parseProblem, requireLearningRate, type ProblemSpec } from '../../src/network/load.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { closestName, editDistance } from '../../src/network/suggest.js';
import { messagesOf, type Messages } from '../helpers.js';

// Line numbers of the clase 6 spec, which the tests below expect in messages.
// Network: input 2, target 3, layers 4, loss 11. Layer 1: weights 5, bias 6, activation 7.
// Layer 2: weights 8, bias 9, activation 10. Top level: learning_rate 12, display 13.
// Display: digits 14, rounding 15.
const clase6 = `network:
  input: [0.1, 0.5]
  target: [0.05, 0.95]
  layers:
    - weights: [[0.1, 0.3], [0.2, 0.4]]   # row j = neuron j of this layer, column k = input k
      bias: 0.25                          # a number: one bias shared by the layer; a list: one per neuron
      activation: sigmoid
    - weights: [[0.5, 0.6], [0.7, 0.8]]
      bias: 0.35
      activation: sigmoid
  loss: mse_half                          # E = Σ_i ½ (y_i − ŷ_i)²
learning_rate: 0.5
display:
  digits: 5
  rounding: truncate                      # or round (the default)
`;

const clase6Expected: ProblemSpec = {
  network: {
    layers: [
      { weights: [[0.1, 0.3], [0.2, 0.4]], bias: 0.25, activation: 'sigmoid', alpha: 0 },
      { weights: [[0.5, 0.6], [0.7, 0.8]], bias: 0.35, activation: 'sigmoid', alpha: 0 },
    ],
    loss: 'mse_half',
  },
  samples: [{ input: [0.1, 0.5], target: [0.05, 0.95] }],
  learningRate: 0.5,
  display: { digits: 5, rounding: 'truncate', decimalComma: false, maxPaths: defaultDisplay.maxPaths },
};

const clase6Json = JSON.stringify({
  network: {
    input: [0.1, 0.5],
    target: [0.05, 0.95],
    layers: [
      { weights: [[0.1, 0.3], [0.2, 0.4]], bias: 0.25, activation: 'sigmoid' },
      { weights: [[0.5, 0.6], [0.7, 0.8]], bias: 0.35, activation: 'sigmoid' },
    ],
    loss: 'mse_half',
  },
  learning_rate: 0.5,
  display: { digits: 5, rounding: 'truncate' },
}, null, 2);

/** Returns the clase 6 spec with one piece of text replaced, and throws when the piece is not there. */
function edited(from: string, to: string, text = clase6): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the spec`);
  return text.replace(from, to);
}

function specMessages(text: string, fileName = 'clase6.yaml'): Messages {
  return messagesOf(() => parseProblem(text, fileName));
}

/** Checks the parts every spec message has: file, line, and no stack trace or zod text. */
function expectLocated(messages: Messages, line: number, fileName = 'clase6.yaml'): void {
  expect(messages.es).toContain(`El archivo ${fileName}, línea ${line}:`);
  expect(messages.en).toContain(`File ${fileName}, line ${line}:`);
  expect(messages.en).not.toMatch(/Invalid input|expected .*, received|\n\s+at /);
  expect(messages.es).not.toContain('\n');
}

const tempRoot = mkdtempSync(join(tmpdir(), 'cadena-load-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempRoot, name);
  writeFileSync(path, content);
  return path;
}

describe('parseProblem valid specs', () => {
  it('loads clase 6 spec', () => {
    expect(parseProblem(clase6, 'clase6.yaml')).toEqual(clase6Expected);
  });

  it('loads exercises/clase6.yaml file', () => {
    const path = fileURLToPath(new URL('../../exercises/clase6.yaml', import.meta.url));
    expect(loadProblem(path)).toEqual(clase6Expected);
  });

  it('loads same spec from JSON', () => {
    expect(parseProblem(clase6Json, 'clase6.json')).toEqual(clase6Expected);
  });

  it('uses defaults without display section', () => {
    const spec = parseProblem(clase6.split('display:')[0]!, 'clase6.yaml');
    expect(spec.display).toEqual(defaultDisplay);
  });

  it('leaves missing learning rate undefined', () => {
    const spec = parseProblem(edited('learning_rate: 0.5\n', ''), 'clase6.yaml');
    expect(spec.learningRate).toBeUndefined();
  });

  it('reads every display option', () => {
    const display = 'display:\n  digits: 0\n  rounding: round\n  decimal_comma: true\n  max_paths: 3\n';
    const spec = parseProblem(`${clase6.split('display:')[0]!}${display}`, 'clase6.yaml');
    expect(spec.display).toEqual({ digits: 0, rounding: 'round', decimalComma: true, maxPaths: 3 });
  });

  it('accepts one bias per neuron', () => {
    const spec = parseProblem(edited('bias: 0.35', 'bias: [0.35, -0.1]'), 'clase6.yaml');
    expect(spec.network.layers[1]?.bias).toEqual([0.35, -0.1]);
  });

  it('stores default alpha per activation', () => {
    const text = edited('activation: sigmoid\n    - w', 'activation: leaky_relu\n    - w');
    const spec = parseProblem(edited('activation: sigmoid\n  loss', 'activation: elu\n  loss', text), 'clase6.yaml');
    expect(spec.network.layers[0]?.alpha).toBe(0.01);
    expect(spec.network.layers[1]?.alpha).toBe(1);
  });

  it('keeps alpha given for elu', () => {
    const text = edited('activation: sigmoid\n  loss', 'activation: elu\n      alpha: 0.5\n  loss');
    expect(parseProblem(text, 'clase6.yaml').network.layers[1]?.alpha).toBe(0.5);
  });

  it('accepts deeper network 3-4-2-1', () => {
    const text = `network:
  input: [1, 2, 3]
  target: [0.5]
  layers:
    - weights: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]
      bias: [0, 0, 0, 0]
      activation: relu
    - weights: [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]]
      bias: 0
      activation: tanh
    - weights: [[1, -1]]
      bias: [0.1]
      activation: linear
  loss: mse
`;
    const spec = parseProblem(text, 'profunda.yaml');
    expect(spec.network.layers.map((layer) => layer.weights.length)).toEqual([4, 2, 1]);
    expect(spec.samples).toEqual([{ input: [1, 2, 3], target: [0.5] }]);
  });

  it('strips byte order mark', () => {
    expect(parseProblem(`\uFEFF${clase6}`, 'clase6.yaml')).toEqual(clase6Expected);
  });

  it('reads JSON extension in any case', () => {
    expect(parseProblem(clase6Json, 'CLASE6.JSON')).toEqual(clase6Expected);
  });
});

describe('parseProblem syntax errors', () => {
  it('rejects unclosed bracket', () => {
    const messages = specMessages(edited('input: [0.1, 0.5]', 'input: [0.1, 0.5'));
    expect(messages.es).toContain('El archivo clase6.yaml, línea 3, columna 3: no es YAML válido.');
    expect(messages.es).toContain('Falta cerrar una lista con `]`');
    expect(messages.es).toContain('(Mensaje del analizador: Flow sequence in block collection');
    expect(messages.en).toContain('File clase6.yaml, line 3, column 3: not valid YAML.');
    expect(messages.en).toContain('A list is missing its closing `]`');
  });

  it('rejects missing closing quote', () => {
    const messages = specMessages(edited('activation: sigmoid\n  loss', "activation: 'sigmoid\n  loss"));
    expect(messages.es).toMatch(/^El archivo clase6\.yaml, línea \d+, columna \d+: no es YAML válido\./);
    expect(messages.en).toMatch(/^File clase6\.yaml, line \d+, column \d+: not valid YAML\./);
  });

  it('rejects tab indentation', () => {
    const messages = specMessages(edited('  input:', '\tinput:'));
    expect(messages.es).toContain('línea 2, columna 1');
    expect(messages.es).toContain('tabulador');
    expect(messages.en).toContain('tab in the indentation');
  });

  it('rejects bad indentation', () => {
    const messages = specMessages(edited('  layers:', ' layers:'));
    expect(messages.es).toContain('línea 4, columna 1');
    expect(messages.es).toContain('La sangría no es correcta');
    expect(messages.en).toContain('The indentation is wrong');
  });

  it('rejects duplicate key', () => {
    const messages = specMessages(edited('learning_rate: 0.5', 'learning_rate: 0.5\nlearning_rate: 0.1'));
    expect(messages.es).toContain('línea 13');
    expect(messages.es).toContain('Una clave aparece dos veces');
    expect(messages.en).toContain('A key appears twice');
  });

  it('rejects several YAML documents', () => {
    const messages = specMessages(`${clase6}---\nnetwork: {}\n`);
    expect(messages.es).toContain('línea 16, columna 1');
    expect(messages.es).toContain('más de un documento YAML');
    expect(messages.en).toContain('more than one YAML document');
  });

  it('rejects alias without anchor', () => {
    const messages = specMessages(edited('bias: 0.35', 'bias: *sesgo'));
    expect(messages.es).toContain('El archivo clase6.yaml');
    expect(messages.es).toContain('alias');
    expect(messages.en).toContain('cannot be resolved');
  });

  it('rejects empty file', () => {
    const messages = specMessages('');
    expect(messages.es).toBe(
      'El archivo clase6.yaml está vacío o solo tiene comentarios. Escribe la red con la clave `network:` y sus campos input, target, layers y loss.',
    );
    expect(messages.en).toContain('File clase6.yaml is empty');
  });

  it('rejects file with only comments', () => {
    const messages = specMessages('# red de la clase 6\n\n# pendiente\n');
    expect(messages.es).toContain('está vacío o solo tiene comentarios');
    expect(messages.en).toContain('contains only comments');
  });

  it('rejects top-level list', () => {
    const messages = specMessages('- 0.1\n- 0.5\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('pero es una lista');
    expect(messages.es).toContain('`- 0.1 - 0.5`');
    expect(messages.en).toContain('must be a mapping of keys');
  });

  it('rejects top-level scalar', () => {
    const messages = specMessages('red 2-2-2\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('pero es un solo valor: `red 2-2-2`');
    expect(messages.en).toContain('but it is a single value: `red 2-2-2`');
  });
});

describe('parseProblem JSON files', () => {
  it('rejects YAML syntax in JSON', () => {
    const messages = specMessages('{\n  network: {}\n}\n', 'red.json');
    expect(messages.es).toContain('El archivo red.json, línea 2, columna 3: no es JSON válido.');
    expect(messages.es).toContain('cambia la extensión a .yaml');
    expect(messages.en).toContain('File red.json, line 2, column 3: not valid JSON.');
  });

  it('rejects comment in JSON', () => {
    const messages = specMessages(`# clase 6\n${clase6Json}`, 'red.json');
    expect(messages.es).toContain('El archivo red.json: no es JSON válido.');
    expect(messages.es).toContain("(Mensaje del analizador JSON: Unexpected token '#'.)");
    expect(messages.en).toContain('A .json file must be strict JSON');
  });

  it('rejects trailing comma in JSON', () => {
    const messages = specMessages('{\n  "learning_rate": 0.5,\n}\n', 'red.json');
    expect(messages.es).toContain('El archivo red.json, línea 3, columna 1: no es JSON válido.');
    expect(messages.en).toContain('not valid JSON');
  });

  it('rejects duplicate key in JSON', () => {
    const messages = specMessages('{\n  "learning_rate": 0.5,\n  "learning_rate": 0.1\n}\n', 'red.json');
    expect(messages.es).toContain('El archivo red.json, línea 3, columna 3: no es JSON válido.');
    expect(messages.es).toContain('Una clave aparece dos veces');
    expect(messages.en).toContain('A key appears twice');
  });

  it('names line of bad JSON field', () => {
    const messages = specMessages(edited('"activation": "sigmoid"', '"activation": "sigmod"', clase6Json), 'red.json');
    expectLocated(messages, 24, 'red.json');
    expect(messages.es).toContain('`network.layers[0].activation` (capa 1) vale `"sigmod"`');
    expect(messages.en).toContain('`network.layers[0].activation` (layer 1) is `"sigmod"`');
  });
});

describe('parseProblem missing fields', () => {
  it('rejects missing network', () => {
    const messages = specMessages('learning_rate: 0.5\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('falta el campo `network` en el nivel principal del archivo');
    expect(messages.en).toContain('the field `network` is missing at the top level of the file');
  });

  it.each([
    ['input', '  input: [0.1, 0.5]\n'],
    ['target', '  target: [0.05, 0.95]\n'],
    ['loss', '  loss: mse_half                          # E = Σ_i ½ (y_i − ŷ_i)²\n'],
  ])('rejects missing network.%s', (field, line) => {
    const messages = specMessages(edited(line, ''));
    expectLocated(messages, 1);
    expect(messages.es).toContain(`falta el campo \`${field}\` en \`network\`. Agrégalo con`);
    expect(messages.en).toContain(`the field \`${field}\` is missing in \`network\`. Add it with`);
  });

  it('rejects missing network.layers', () => {
    const text = clase6.replace(/ {2}layers:[\s\S]*?(?= {2}loss)/, '');
    const messages = specMessages(text);
    expectLocated(messages, 1);
    expect(messages.es).toContain('falta el campo `layers` en `network`');
    expect(messages.es).toContain('la lista de capas');
    expect(messages.en).toContain('the field `layers` is missing in `network`');
  });

  it('rejects missing layer weights', () => {
    const messages = specMessages(edited('    - weights: [[0.5, 0.6], [0.7, 0.8]]\n      bias', '    - bias'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('falta el campo `weights` en `network.layers[1]` (capa 2)');
    expect(messages.en).toContain('the field `weights` is missing in `network.layers[1]` (layer 2)');
    expect(messages.es).toContain('una fila por neurona');
  });

  it('rejects missing layer bias', () => {
    const messages = specMessages(edited('      bias: 0.35\n', ''));
    expectLocated(messages, 8);
    expect(messages.es).toContain('falta el campo `bias` en `network.layers[1]` (capa 2)');
    expect(messages.en).toContain('the field `bias` is missing in `network.layers[1]` (layer 2)');
  });

  it('rejects missing layer activation', () => {
    const messages = specMessages(edited('      activation: sigmoid\n  loss', '  loss'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('falta el campo `activation` en `network.layers[1]` (capa 2)');
    expect(messages.es).toContain('sigmoid, tanh, relu, leaky_relu, elu, linear');
    expect(messages.en).toContain('the field `activation` is missing in `network.layers[1]` (layer 2)');
  });

  it('rejects field without value', () => {
    const messages = specMessages(edited('bias: 0.25', 'bias:'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.layers[0].bias` (capa 1) no tiene valor.');
    expect(messages.en).toContain('`network.layers[0].bias` (layer 1) has no value.');
  });
});

describe('parseProblem wrong types', () => {
  it('rejects quoted number', () => {
    const messages = specMessages(edited('input: [0.1, 0.5]', 'input: ["0.1", 0.5]'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('`network.input[0]` vale `"0.1"`, que es texto porque está entre comillas.');
    expect(messages.es).toContain('Quita las comillas para que sea un número: `0.1`.');
    expect(messages.en).toContain('`network.input[0]` is `"0.1"`, which is text because it is quoted.');
  });

  it('rejects quoted learning rate', () => {
    const messages = specMessages(edited("learning_rate: 0.5", "learning_rate: '0.5'"));
    expectLocated(messages, 12);
    expect(messages.es).toContain("`learning_rate` vale `'0.5'`, que es texto");
    expect(messages.en).toContain("`learning_rate` is `'0.5'`, which is text");
  });

  it('rejects text where bias goes', () => {
    const messages = specMessages(edited('bias: 0.25', 'bias: alto'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.layers[0].bias` (capa 1) debe ser un número o una lista de números, pero es texto: `alto`.');
    expect(messages.en).toContain('must be a number or a list of numbers, but it is text: `alto`.');
  });

  it('rejects text inside bias list', () => {
    const messages = specMessages(edited('bias: 0.35', 'bias: [0.35, x]'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('`network.layers[1].bias[1]` (b2^[2]) debe ser un número, pero es texto: `x`.');
    expect(messages.en).toContain('`network.layers[1].bias[1]` (b2^[2]) must be a number, but it is text: `x`.');
  });

  it('rejects weights as flat list', () => {
    const messages = specMessages(edited('[[0.1, 0.3], [0.2, 0.4]]', '[0.1, 0.3]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.layers[0].weights[0]` (capa 1, neurona 1) debe ser una lista, pero es un número: `0.1`.');
    expect(messages.es).toContain('weights es una matriz: escribe [[0.1, 0.3]]');
    expect(messages.en).toContain('weights is a matrix');
  });

  it('rejects weights as text', () => {
    const messages = specMessages(edited('[[0.1, 0.3], [0.2, 0.4]]', 'identidad'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.layers[0].weights` (capa 1) debe ser una lista, pero es texto: `identidad`.');
    expect(messages.en).toContain('`network.layers[0].weights` (layer 1) must be a list, but it is text: `identidad`.');
  });

  it('rejects text weight inside matrix', () => {
    const messages = specMessages(edited('[0.7, 0.8]', '[0.7, "0,8"]'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('`network.layers[1].weights[1][1]` (w22^[2]) debe ser un número, pero es texto: `"0,8"`.');
    expect(messages.en).toContain('`network.layers[1].weights[1][1]` (w22^[2]) must be a number, but it is text: `"0,8"`.');
  });

  it('rejects ragged weight rows', () => {
    const messages = specMessages(edited('[[0.1, 0.3], [0.2, 0.4]]', '[[0.1, 0.3], [0.2]]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.layers[0].weights[1]` (capa 1, neurona 2) tiene 1 peso (`[0.2]`), pero `weights[0]` (neurona 1) tiene 2 pesos.');
    expect(messages.en).toContain('`network.layers[0].weights[1]` (layer 1, neuron 2) has 1 weight (`[0.2]`), but `weights[0]` (neuron 1) has 2 weights.');
  });

  it('rejects layer as number', () => {
    const text = clase6.replace(/ {2}layers:[\s\S]*?(?= {2}loss)/, '  layers: [3]\n');
    const messages = specMessages(text);
    expectLocated(messages, 4);
    expect(messages.es).toContain('`network.layers[0]` (capa 1) debe ser una sección de claves (un mapeo), pero es un número: `3`.');
    expect(messages.es).toContain('Escribe en su lugar una capa, con weights, bias y activation.');
    expect(messages.en).toContain('`network.layers[0]` (layer 1) must be a mapping of keys, but it is a number: `3`.');
  });

  it('rejects network as list', () => {
    const messages = specMessages('network: [1, 2]\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('`network` debe ser una sección de claves (un mapeo), pero es una lista: `[1, 2]`.');
    expect(messages.en).toContain('`network` must be a mapping of keys, but it is a list: `[1, 2]`.');
  });

  it('rejects activation as number', () => {
    const messages = specMessages(edited('activation: sigmoid\n    - w', 'activation: 1\n    - w'));
    expectLocated(messages, 7);
    expect(messages.es).toContain('`network.layers[0].activation` (capa 1) debe ser un nombre (texto), pero es un número: `1`.');
    expect(messages.en).toContain('`network.layers[0].activation` (layer 1) must be a name (text), but it is a number: `1`.');
  });

  it('rejects decimal_comma not boolean', () => {
    const messages = specMessages(edited('digits: 5', 'digits: 5\n  decimal_comma: "sí"'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('`display.decimal_comma` debe ser `true` o `false`, pero es texto: `"sí"`.');
    expect(messages.en).toContain('`display.decimal_comma` must be `true` or `false`, but it is text: `"sí"`.');
  });
});

describe('parseProblem non-finite numbers', () => {
  it.each([
    ['.nan', 'network.input[1]', 2, 'input: [0.1, 0.5]', 'input: [0.1, .nan]'],
    ['.inf', 'network.target[0]', 3, 'target: [0.05, 0.95]', 'target: [.inf, 0.95]'],
    ['-.inf', 'network.layers[0].bias', 6, 'bias: 0.25', 'bias: -.inf'],
    ['1e400', 'network.layers[1].weights[0][1]', 8, '[0.5, 0.6]', '[0.5, 1e400]'],
    ['-1e999', 'learning_rate', 12, 'learning_rate: 0.5', 'learning_rate: -1e999'],
  ])('rejects %s value', (written, field, line, from, to) => {
    const messages = specMessages(edited(from, to));
    expectLocated(messages, line);
    expect(messages.es).toContain(`\`${field}\``);
    expect(messages.es).toContain(`vale \`${written}\`, que no es un número finito.`);
    expect(messages.en).toContain(`is \`${written}\`, which is not a finite number.`);
  });

  it('rejects 1e400 in JSON', () => {
    const messages = specMessages(edited('"learning_rate": 0.5', '"learning_rate": 1e400', clase6Json), 'red.json');
    expect(messages.es).toContain('`learning_rate` vale `1e400`, que no es un número finito.');
    expect(messages.en).toContain('`learning_rate` is `1e400`, which is not a finite number.');
  });

  it('rejects .nan alpha', () => {
    const text = edited('activation: sigmoid\n  loss', 'activation: elu\n      alpha: .NaN\n  loss');
    const messages = specMessages(text);
    expectLocated(messages, 11);
    expect(messages.es).toContain('`network.layers[1].alpha` (capa 2) vale `.NaN`');
    expect(messages.en).toContain('`network.layers[1].alpha` (layer 2) is `.NaN`');
  });
});

describe('parseProblem unknown names', () => {
  it('suggests sigmoid for sigmod', () => {
    const messages = specMessages(edited('activation: sigmoid\n    - w', 'activation: sigmod\n    - w'));
    expectLocated(messages, 7);
    expect(messages.es).toContain('`network.layers[0].activation` (capa 1) vale `sigmod`, que no es una función de activación conocida.');
    expect(messages.es).toContain('¿Quisiste decir `sigmoid`?');
    expect(messages.es).toContain('Los nombres válidos son: sigmoid, tanh, relu, leaky_relu, elu, linear.');
    expect(messages.en).toContain('Did you mean `sigmoid`?');
  });

  it('suggests leaky_relu for Leaky-ReLU', () => {
    const messages = specMessages(edited('activation: sigmoid\n  loss', 'activation: Leaky-ReLU\n  loss'));
    expectLocated(messages, 10);
    expect(messages.es).toContain('¿Quisiste decir `leaky_relu`?');
    expect(messages.en).toContain('Did you mean `leaky_relu`?');
  });

  it('lists activations without close match', () => {
    const messages = specMessages(edited('activation: sigmoid\n  loss', 'activation: softmax\n  loss'));
    expect(messages.es).toContain('vale `softmax`, que no es una función de activación conocida.');
    expect(messages.es).not.toContain('Quisiste');
    expect(messages.en).toContain('The valid names are: sigmoid, tanh, relu, leaky_relu, elu, linear.');
  });

  it('suggests mse_half for unknown loss', () => {
    const messages = specMessages(edited('loss: mse_half', 'loss: mse_hal'));
    expectLocated(messages, 11);
    expect(messages.es).toContain('`network.loss` vale `mse_hal`, que no es una función de error conocida. ¿Quisiste decir `mse_half`? Los nombres válidos son: mse_half, mse, binary_crossentropy.');
    expect(messages.en).toContain('`network.loss` is `mse_hal`, which is not a known loss function. Did you mean `mse_half`?');
  });
});

describe('parseProblem unknown keys', () => {
  it('suggests learning_rate for learning_rat', () => {
    const messages = specMessages(edited('learning_rate:', 'learning_rat:'));
    expectLocated(messages, 12);
    expect(messages.es).toContain('la clave `learning_rat` no es válida. ¿Quisiste decir `learning_rate`?');
    expect(messages.es).toContain('En el nivel principal del archivo se aceptan: network, learning_rate, display.');
    expect(messages.en).toContain('the key `learning_rat` is not valid. Did you mean `learning_rate`?');
  });

  it('suggests weights for weigths', () => {
    const messages = specMessages(edited('- weights: [[0.5', '- weigths: [[0.5'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('la clave `weigths` de `network.layers[1]` (capa 2) no es válida. ¿Quisiste decir `weights`?');
    expect(messages.es).toContain('En cada capa de `network.layers` se aceptan: weights, bias, activation, alpha.');
    expect(messages.en).toContain('the key `weigths` in `network.layers[1]` (layer 2) is not valid. Did you mean `weights`?');
  });

  it('suggests loss for los', () => {
    const messages = specMessages(edited('  loss:', '  los:'));
    expectLocated(messages, 11);
    expect(messages.es).toContain('la clave `los` de `network` no es válida. ¿Quisiste decir `loss`?');
    expect(messages.en).toContain('the key `los` in `network` is not valid. Did you mean `loss`?');
  });

  it('suggests digits for digit', () => {
    const messages = specMessages(edited('digits:', 'digit:'));
    expectLocated(messages, 14);
    expect(messages.es).toContain('la clave `digit` de `display` no es válida. ¿Quisiste decir `digits`?');
    expect(messages.es).toContain('En `display` se aceptan: digits, rounding, decimal_comma, max_paths.');
    expect(messages.en).toContain('In `display` the accepted keys are: digits, rounding, decimal_comma, max_paths.');
  });

  it('rejects unknown key without suggestion', () => {
    const messages = specMessages(`${clase6}autor: Ana\n`);
    expectLocated(messages, 16);
    expect(messages.es).toContain('la clave `autor` no es válida. En el nivel principal');
    expect(messages.es).not.toContain('Quisiste');
    expect(messages.en).toContain('the key `autor` is not valid. At the top level');
  });
});

describe('parseProblem shapes', () => {
  it('rejects layer 1 columns mismatch', () => {
    const messages = specMessages(edited('input: [0.1, 0.5]', 'input: [0.1, 0.5, 0.9]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('las filas de `network.layers[0].weights` (capa 1) tienen 2 columnas, por ejemplo `weights[0]` = `[0.1, 0.3]`');
    expect(messages.es).toContain('`network.input` tiene 3 valores');
    expect(messages.es).toContain('Escribe 3 columnas en cada fila.');
    expect(messages.en).toContain('Write 3 columns in every row.');
  });

  it('rejects layer 2 columns mismatch', () => {
    const messages = specMessages(edited('[[0.5, 0.6], [0.7, 0.8]]', '[[0.5, 0.6, 1], [0.7, 0.8, 1]]'));
    expectLocated(messages, 8);
    expect(messages.es).toContain('las filas de `network.layers[1].weights` (capa 2) tienen 3 columnas, por ejemplo `weights[0]` = `[0.5, 0.6, 1]`');
    expect(messages.es).toContain('la capa 1 tiene 2 neuronas (`network.layers[0].weights` tiene 2 filas)');
    expect(messages.en).toContain('layer 1 has 2 neurons (`network.layers[0].weights` has 2 rows)');
  });

  it('rejects target length mismatch', () => {
    const messages = specMessages(edited('target: [0.05, 0.95]', 'target: [0.05]'));
    expectLocated(messages, 3);
    expect(messages.es).toContain('`network.target` tiene 1 valor (`[0.05]`), pero la última capa (capa 2) tiene 2 neuronas.');
    expect(messages.es).toContain('Escribe una salida esperada por neurona de salida: 2 valores.');
    expect(messages.en).toContain('`network.target` has 1 value (`[0.05]`), but the last layer (layer 2) has 2 neurons.');
  });

  it('rejects bias list length mismatch', () => {
    const messages = specMessages(edited('bias: 0.35', 'bias: [0.35, 0.35, 0.35]'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('`network.layers[1].bias` (capa 2) tiene 3 sesgos (`[0.35, 0.35, 0.35]`), pero la capa 2 tiene 2 neuronas');
    expect(messages.es).toContain('o un solo número para compartirlo en toda la capa');
    expect(messages.en).toContain('has 3 biases (`[0.35, 0.35, 0.35]`), but layer 2 has 2 neurons');
  });

  it.each([
    ['network.input', 2, 'input: [0.1, 0.5]', 'input: []'],
    ['network.target', 3, 'target: [0.05, 0.95]', 'target: []'],
    ['network.layers[0].weights', 5, '[[0.1, 0.3], [0.2, 0.4]]', '[]'],
    ['network.layers[0].weights[1]', 5, '[[0.1, 0.3], [0.2, 0.4]]', '[[0.1, 0.3], []]'],
    ['network.layers[1].bias', 9, 'bias: 0.35', 'bias: []'],
  ])('rejects empty %s', (field, line, from, to) => {
    const messages = specMessages(edited(from, to));
    expectLocated(messages, line);
    expect(messages.es).toContain(`\`${field}\``);
    expect(messages.es).toContain('es una lista vacía: `[]`.');
    expect(messages.en).toContain('is an empty list: `[]`.');
  });

  it('rejects empty layers list', () => {
    const text = clase6.replace(/ {2}layers:[\s\S]*?(?= {2}loss)/, '  layers: []\n');
    const messages = specMessages(text);
    expectLocated(messages, 4);
    expect(messages.es).toContain('`network.layers` es una lista vacía: `[]`.');
    expect(messages.en).toContain('`network.layers` is an empty list: `[]`.');
  });
});

describe('parseProblem parameter ranges', () => {
  it('rejects alpha for sigmoid', () => {
    const messages = specMessages(edited('bias: 0.35', 'bias: 0.35\n      alpha: 0.1'));
    expectLocated(messages, 10);
    expect(messages.es).toContain('`network.layers[1].alpha` (capa 2) vale `0.1`, pero la activación sigmoid no usa alpha.');
    expect(messages.es).toContain('Solo estas activaciones tienen el parámetro alpha: leaky_relu, elu.');
    expect(messages.en).toContain('but the activation sigmoid takes no alpha');
  });

  it('rejects unknown rounding', () => {
    const messages = specMessages(edited('rounding: truncate', 'rounding: truncar'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('`display.rounding` vale `truncar`, que no es un modo de redondeo válido. ¿Quisiste decir `truncate`?');
    expect(messages.es).toContain('Escribe `round` (redondear, el predeterminado) o `truncate` (truncar).');
    expect(messages.en).toContain('Write `round` (the default) or `truncate`.');
  });

  it.each([
    ['13', 'digits: 13'],
    ['-1', 'digits: -1'],
    ['2.5', 'digits: 2.5'],
  ])('rejects digits %s', (written, line) => {
    const messages = specMessages(edited('digits: 5', line));
    expectLocated(messages, 14);
    expect(messages.es).toContain(`\`display.digits\` vale \`${written}\`, pero debe ser un número entero de 0 a 12`);
    expect(messages.en).toContain(`\`display.digits\` is \`${written}\`, but it must be an integer from 0 to 12`);
  });

  it.each([
    ['0', 'max_paths: 0'],
    ['1.5', 'max_paths: 1.5'],
    ['257', 'max_paths: 257'],
  ])('rejects max_paths %s', (written, line) => {
    const messages = specMessages(edited('digits: 5', `digits: 5\n  ${line}`));
    expectLocated(messages, 15);
    expect(messages.es).toContain(`\`display.max_paths\` vale \`${written}\`, pero debe ser un número entero de 1 a 256`);
    expect(messages.en).toContain(`\`display.max_paths\` is \`${written}\`, but it must be an integer from 1 to 256`);
  });

  it.each([
    ['0', 'learning_rate: 0'],
    ['-0.5', 'learning_rate: -0.5'],
  ])('rejects learning_rate %s', (written, line) => {
    const messages = specMessages(edited('learning_rate: 0.5', line));
    expectLocated(messages, 12);
    expect(messages.es).toContain(`\`learning_rate\` vale \`${written}\`, pero la tasa de aprendizaje debe ser mayor que 0.`);
    expect(messages.en).toContain(`\`learning_rate\` is \`${written}\`, but the learning rate must be greater than 0.`);
  });
});

describe('requireLearningRate', () => {
  const withoutRate = parseProblem(edited('learning_rate: 0.5\n', ''), 'clase6.yaml');

  it('uses file learning rate', () => {
    expect(requireLearningRate(parseProblem(clase6, 'clase6.yaml')).learningRate).toBe(0.5);
  });

  it('prefers override to file', () => {
    expect(requireLearningRate(parseProblem(clase6, 'clase6.yaml'), 0.1).learningRate).toBe(0.1);
  });

  it('uses override without file rate', () => {
    expect(requireLearningRate(withoutRate, 0.25, 'clase6.yaml').learningRate).toBe(0.25);
  });

  it('rejects missing learning rate', () => {
    const messages = messagesOf(() => requireLearningRate(withoutRate, undefined, 'clase6.yaml'));
    expect(messages.es).toBe(
      'El archivo clase6.yaml no define la tasa de aprendizaje. Agrega `learning_rate: 0.5` al nivel principal del archivo o pasa la opción `--lr 0.5`.',
    );
    expect(messages.en).toContain('File clase6.yaml does not set the learning rate.');
  });

  it('suggests JSON syntax for JSON file', () => {
    const messages = messagesOf(() => requireLearningRate(withoutRate, undefined, 'red.json'));
    expect(messages.es).toContain('Agrega `"learning_rate": 0.5`');
    expect(messages.en).toContain('Add `"learning_rate": 0.5`');
  });

  it.each([0, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects override %s', (rate) => {
    const messages = messagesOf(() => requireLearningRate(withoutRate, rate, 'clase6.yaml'));
    expect(messages.es).toContain(`La opción --lr vale ${rate}, pero la tasa de aprendizaje debe ser un número finito mayor que 0.`);
    expect(messages.en).toContain(`The option --lr is ${rate}, but the learning rate must be a finite number greater than 0.`);
  });
});

describe('loadProblem files', () => {
  it('loads file with byte order mark', () => {
    const path = tempFile('bom.yaml', `\uFEFF${clase6}`);
    expect(loadProblem(path)).toEqual(clase6Expected);
  });

  it('names path in field errors', () => {
    const path = tempFile('sigmod.yaml', edited('activation: sigmoid\n    - w', 'activation: sigmod\n    - w'));
    const messages = messagesOf(() => loadProblem(path));
    expect(messages.es).toContain(`El archivo ${path}, línea 7:`);
    expect(messages.en).toContain(`File ${path}, line 7:`);
  });

  it('uses display name in messages', () => {
    const path = tempFile('mostrado.yaml', edited('loss: mse_half', 'loss: mae'));
    const messages = messagesOf(() => loadProblem(path, 'mostrado.yaml'));
    expect(messages.es).toContain('El archivo mostrado.yaml, línea 11:');
    expect(messages.en).toContain('File mostrado.yaml, line 11:');
  });

  it('rejects missing file', () => {
    const path = join(tempRoot, 'no-existe.yaml');
    const messages = messagesOf(() => loadProblem(path));
    expect(messages.es).toBe(`No se encontró el archivo ${path}. Revisa el nombre y la carpeta desde la que ejecutas el comando.`);
    expect(messages.en).toBe(`File ${path} not found. Check the name and the folder you run the command from.`);
  });

  it('rejects folder path', () => {
    const path = join(tempRoot, 'carpeta.yaml');
    mkdirSync(path);
    const messages = messagesOf(() => loadProblem(path));
    expect(messages.es).toContain(`${path} es una carpeta, no un archivo.`);
    expect(messages.en).toContain(`${path} is a folder, not a file.`);
  });

  it('rejects invalid UTF-8', () => {
    const path = tempFile('latin1.yaml', new Uint8Array([0x23, 0x20, 0x72, 0x65, 0x64, 0xe9, 0x0a]));
    const messages = messagesOf(() => loadProblem(path));
    expect(messages.es).toBe(`El archivo ${path} no está en UTF-8. Guárdalo con codificación UTF-8 desde tu editor.`);
    expect(messages.en).toContain('is not UTF-8');
  });
});

describe('closestName', () => {
  it('counts swap as one edit', () => {
    expect(editDistance('weigths', 'weights')).toBe(1);
  });

  it('finds close candidate', () => {
    expect(closestName('sigmod', ['sigmoid', 'tanh'])).toBe('sigmoid');
  });

  it('ignores case and dashes', () => {
    expect(closestName('Leaky-ReLU', ['relu', 'leaky_relu'])).toBe('leaky_relu');
  });

  it('returns undefined when nothing close', () => {
    expect(closestName('softmax', ['sigmoid', 'tanh', 'relu'])).toBeUndefined();
  });
});

describe('parseProblem lab file', () => {
  it('names a lab file', () => {
    const messages = messagesOf(() => parseProblem('id: xor\nseeds: 20\nexperiments: []\n', 'xor.yaml'));
    expect(messages.es).toContain('xor.yaml, línea 2: la clave `seeds` es de un archivo de laboratorio, no de una red');
    expect(messages.en).toContain('the key `seeds` belongs to a lab file, not to a network');
  });
});

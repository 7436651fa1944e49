import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHomework, parseHomework } from '../../src/homework/load.js';
import type { HomeworkSpec } from '../../src/homework/spec.js';
import {
  defaultArchitecture,
  defaultHomeworkDisplay,
  defaultQuality,
  defaultSubject,
  defaultValueDraws,
} from '../../src/homework/defaults.js';
import { parseProblem } from '../../src/network/load.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import { messagesOf, type Messages } from '../helpers.js';

// Line numbers of this homework, which the tests below expect in messages.
// 1 id, 2 title, 3 network: 4 sizes, 5 activation, 6 loss, 7 bias.
// 8 values: 9 weights, 10 biases, 11 inputs, 12 targets, 13 learning_rate.
// 14 ask: 15 update, 16 gradient, 17 contribution, 18 forward.
// 19 display, 20 quality, 21 deadline, 22 submission: 23 to, 24 subject, 25 instructions.
const full = `id: tarea-clase6
title: "Tarea de la clase 6: retropropagación"
network:
  sizes: [2, 2, 2]
  activation: sigmoid
  loss: mse_half
  bias: shared
values:
  weights: { min: 0.1, max: 0.9, decimals: 2 }
  biases: { min: 0.1, max: 0.6, decimals: 2 }
  inputs: { min: 0.05, max: 0.95, decimals: 2 }
  targets: { values: [0.01, 0.05, 0.1, 0.9, 0.95, 0.99] }
  learning_rate: { values: [0.5] }
ask:
  - update: layer 1
  - gradient: ["w11^[2]", "b^[2]"]
  - contribution: w11^[1]
  - forward: all
display: { digits: 5, rounding: truncate, decimal_comma: false }
quality: { max_abs_z: 4, max_tries: 1000 }
deadline: 2026-12-18T23:59:00-03:00
submission:
  to: profesora@example.edu
  subject: "{homework} [{code}]"
  instructions: |
    Envía los pesos con 5 decimales.
`;

const layer1Parameters = [weightRef(1, 1, 1), weightRef(1, 1, 2), weightRef(1, 2, 1), weightRef(1, 2, 2), biasRef(1, null)];

const fullExpected: HomeworkSpec = {
  id: 'tarea-clase6',
  title: 'Tarea de la clase 6: retropropagación',
  architecture: defaultArchitecture,
  values: defaultValueDraws,
  questions: [
    { kind: 'update', parameters: layer1Parameters },
    { kind: 'gradient', parameters: [weightRef(2, 1, 1), biasRef(2, null)] },
    { kind: 'contribution', parameter: weightRef(1, 1, 1) },
    { kind: 'forward', quantities: ['z', 'a', 'yhat', 'E'] },
  ],
  display: { digits: 5, rounding: 'truncate', decimalComma: false, maxPaths: 8 },
  quality: { maxAbsZ: 4, maxTries: 1000 },
  deadline: '2026-12-18T23:59:00-03:00',
  submission: {
    to: 'profesora@example.edu',
    subject: '{homework} [{code}]',
    instructions: 'Envía los pesos con 5 decimales.\n',
  },
};

/** Returns the homework that a file with only `id` loads to: the lecture's. */
function defaultsFor(id: string, title = id): HomeworkSpec {
  return {
    id,
    title,
    architecture: defaultArchitecture,
    values: defaultValueDraws,
    questions: [{ kind: 'update', parameters: layer1Parameters }],
    display: defaultHomeworkDisplay,
    quality: defaultQuality,
    deadline: null,
    submission: { to: null, subject: defaultSubject, instructions: null },
  };
}

/** Returns the full homework with one piece of text replaced, and throws when the piece is not there. */
function edited(from: string, to: string, text = full): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the homework`);
  return text.replace(from, to);
}

/** Returns a homework with only an id and `lines`, for the tests of one section. */
function withId(lines: string): string {
  return `id: tarea-clase6\n${lines}`;
}

function homeworkMessages(text: string, fileName = 'tarea.yaml'): Messages {
  return messagesOf(() => parseHomework(text, fileName));
}

/** Checks the file and line that start every located message, and that no zod text leaks. */
function expectLocated(messages: Messages, line: number, fileName = 'tarea.yaml'): void {
  expect(messages.es).toContain(`El archivo ${fileName}, línea ${line}:`);
  expect(messages.en).toContain(`File ${fileName}, line ${line}:`);
  expect(messages.en).not.toMatch(/Invalid input|expected .*, received|\n\s+at /);
}

const tempRoot = mkdtempSync(join(tmpdir(), 'cadena-homework-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

describe('parseHomework accepted forms', () => {
  it('loads full homework', () => {
    expect(parseHomework(full, 'tarea.yaml')).toEqual(fullExpected);
  });

  it('loads exercises/tarea-clase6.yaml file', () => {
    const path = fileURLToPath(new URL('../../exercises/tarea-clase6.yaml', import.meta.url));
    expect(loadHomework(path)).toEqual(defaultsFor('tarea-clase6', 'Tarea de la clase 6: retropropagación'));
  });

  it('fills defaults from id alone', () => {
    expect(parseHomework('id: tarea-1\n', 'tarea.yaml')).toEqual(defaultsFor('tarea-1'));
  });

  it('loads same homework from JSON', () => {
    const json = JSON.stringify({
      id: 'tarea-clase6',
      title: 'Tarea de la clase 6: retropropagación',
      ask: [{ update: 'layer 1' }, { gradient: ['w11^[2]', 'b^[2]'] }, { contribution: 'w11^[1]' }, { forward: 'all' }],
      deadline: '2026-12-18T23:59:00-03:00',
      submission: { to: 'profesora@example.edu', instructions: 'Envía los pesos con 5 decimales.\n' },
    });
    expect(parseHomework(json, 'TAREA.JSON')).toEqual(fullExpected);
  });

  it('strips byte order mark', () => {
    expect(parseHomework(`\uFEFF${full}`, 'tarea.yaml')).toEqual(fullExpected);
  });

  it('reads activation list and alpha list', () => {
    const spec = parseHomework(withId('network:\n  sizes: [3, 4, 2, 1]\n  activation: [leaky_relu, elu, sigmoid]\n  alpha: [0.2, null, null]\n'), 'tarea.yaml');
    expect(spec.architecture.sizes).toEqual([3, 4, 2, 1]);
    expect(spec.architecture.activations).toEqual(['leaky_relu', 'elu', 'sigmoid']);
    // null takes the activation's default: 1 for elu, and 0 stands for none in sigmoid.
    expect(spec.architecture.alphas).toEqual([0.2, 1, 0]);
  });

  it('applies single alpha to layers using it', () => {
    const spec = parseHomework(withId('network:\n  activation: [leaky_relu, sigmoid]\n  alpha: 0.3\n'), 'tarea.yaml');
    expect(spec.architecture.alphas).toEqual([0.3, 0]);
  });

  it('uses default alpha per activation', () => {
    const spec = parseHomework(withId('network:\n  activation: [leaky_relu, elu]\n'), 'tarea.yaml');
    expect(spec.architecture.alphas).toEqual([0.01, 1]);
  });

  it('expands layer with per-neuron biases', () => {
    const spec = parseHomework(withId('network:\n  sizes: [2, 3, 1]\n  bias: per_neuron\nask:\n  - gradient: layer 2\n'), 'tarea.yaml');
    expect(spec.architecture.bias).toBe('per-neuron');
    // Layer 2 has 1 neuron with 3 inputs: its weights row by row, then its one bias.
    expect(spec.questions).toEqual([
      { kind: 'gradient', parameters: [weightRef(2, 1, 1), weightRef(2, 1, 2), weightRef(2, 1, 3), biasRef(2, 1)] },
    ]);
  });

  it('reads every parameter spelling', () => {
    const text = withId('ask:\n  - update:\n      - w_{1,2}^{[1]}\n      - w2,1^[1]\n      - w^[2]_22\n      - b^[2]\n');
    const spec = parseHomework(text, 'tarea.yaml');
    expect(spec.questions).toEqual([
      { kind: 'update', parameters: [weightRef(1, 1, 2), weightRef(1, 2, 1), weightRef(2, 2, 2), biasRef(2, null)] },
    ]);
  });

  it('reads single name as list of one', () => {
    const spec = parseHomework(withId('ask:\n  - update: w21^[2]\n'), 'tarea.yaml');
    expect(spec.questions).toEqual([{ kind: 'update', parameters: [weightRef(2, 2, 1)] }]);
  });

  it('keeps forward quantities in written order', () => {
    const spec = parseHomework(withId('ask:\n  - forward: [yhat, E]\n  - forward: z\n'), 'tarea.yaml');
    expect(spec.questions).toEqual([
      { kind: 'forward', quantities: ['yhat', 'E'] },
      { kind: 'forward', quantities: ['z'] },
    ]);
  });

  it('reads ranges and lists for every draw', () => {
    const text = withId(
      'values:\n  weights: { values: [-0.5, 0.5] }\n  targets: { min: 0, max: 1, decimals: 0 }\n  learning_rate: { min: 0.1, max: 1, decimals: 1 }\n',
    );
    const { values } = parseHomework(text, 'tarea.yaml');
    expect(values.weights).toEqual({ kind: 'list', values: [-0.5, 0.5] });
    expect(values.targets).toEqual({ kind: 'range', min: 0, max: 1, decimals: 0 });
    expect(values.learningRate).toEqual({ kind: 'range', min: 0.1, max: 1, decimals: 1 });
    expect(values.biases).toEqual(defaultValueDraws.biases);
  });

  it('reads every display option', () => {
    const spec = parseHomework(withId('display: { digits: 3, rounding: round, decimal_comma: true, max_paths: 2 }\n'), 'tarea.yaml');
    expect(spec.display).toEqual({ digits: 3, rounding: 'round', decimalComma: true, maxPaths: 2 });
  });

  it('fills missing display options', () => {
    const spec = parseHomework(withId('display: { digits: 4 }\n'), 'tarea.yaml');
    expect(spec.display).toEqual({ ...defaultHomeworkDisplay, digits: 4 });
  });

  it('reads quality options', () => {
    const spec = parseHomework(withId('quality: { max_abs_z: 2.5, max_tries: 10000 }\n'), 'tarea.yaml');
    expect(spec.quality).toEqual({ maxAbsZ: 2.5, maxTries: 10000 });
  });

  it.each(['2026-12-19T02:59Z', '2026-12-18T23:59:00.500+05:30', '2028-02-29T12:00:00Z'])('keeps deadline %s as written', (deadline) => {
    expect(parseHomework(withId(`deadline: ${deadline}\n`), 'tarea.yaml').deadline).toBe(deadline);
  });

  it('accepts null deadline and address', () => {
    const spec = parseHomework(withId('deadline: null\nsubmission:\n  to: ~\n'), 'tarea.yaml');
    expect(spec.deadline).toBeNull();
    expect(spec.submission.to).toBeNull();
  });

  it('accepts subject with every placeholder', () => {
    const spec = parseHomework(withId('submission:\n  subject: "Tarea {homework}: {id} {code}"\n'), 'tarea.yaml');
    expect(spec.submission.subject).toBe('Tarea {homework}: {id} {code}');
  });
});

describe('parseHomework file errors', () => {
  it('rejects empty file', () => {
    const messages = homeworkMessages('# pendiente\n');
    expect(messages.es).toBe(
      'El archivo tarea.yaml está vacío o solo tiene comentarios. Escribe la tarea empezando por la clave `id:`; exercises/tarea-clase6.yaml es un ejemplo con cada clave explicada.',
    );
    expect(messages.en).toContain('File tarea.yaml is empty or contains only comments.');
  });

  it('explains unquoted names in bracket list', () => {
    const messages = homeworkMessages(edited('["w11^[2]", "b^[2]"]', '[w11^[2], b^[2]]'));
    expect(messages.es).toContain('El archivo tarea.yaml, línea 16: no es YAML válido.');
    expect(messages.es).toContain('debe ir entre comillas');
    expect(messages.es).toContain('Escribe por ejemplo ["w11^[2]", "b^[2]"], o la lista con un guion por línea');
    expect(messages.en).toContain('File tarea.yaml, line 16: not valid YAML.');
    expect(messages.en).toContain('must be quoted');
  });

  it('keeps other syntax errors', () => {
    const messages = homeworkMessages(edited('sizes: [2, 2, 2]', 'sizes: [2, 2, 2'));
    expect(messages.es).toContain('El archivo tarea.yaml, línea 5, columna 3: no es YAML válido.');
    expect(messages.es).toContain('Falta cerrar una lista');
    expect(messages.en).not.toContain('must be quoted');
  });

  it('rejects top-level list', () => {
    const messages = homeworkMessages('- update: layer 1\n');
    expectLocated(messages, 1);
    expect(messages.es).toContain('pero es una lista: `- update: layer 1`. Empieza el archivo con la clave `id:`.');
    expect(messages.en).toContain('but it is a list: `- update: layer 1`. Start the file with the key `id:`.');
  });

  it('rejects network spec as homework', () => {
    const network = 'network:\n  input: [0.1, 0.5]\n  target: [0.05, 0.95]\nlearning_rate: 0.5\n';
    const messages = homeworkMessages(network, 'clase6.yaml');
    expectLocated(messages, 2, 'clase6.yaml');
    expect(messages.es).toContain('la clave `network.input` es de un archivo de red (los que lee `cadena derive`), no de una tarea: este archivo parece una red.');
    expect(messages.es).toContain('Indica el archivo de una tarea, como exercises/tarea-clase6.yaml.');
    expect(messages.en).toContain('this file looks like a network.');
  });

  it('rejects learning_rate in homework', () => {
    const messages = homeworkMessages(withId('learning_rate: 0.5\n'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('la clave `learning_rate` es de un archivo de red');
    expect(messages.en).toContain('the key `learning_rate` belongs to a network file');
  });

  it('rejects homework given to derive', () => {
    const messages = messagesOf(() => parseProblem(full, 'tarea.yaml'));
    expectLocated(messages, 1);
    expect(messages.es).toContain('la clave `id` es de una especificación de tarea, no de una red: este archivo parece una tarea.');
    expect(messages.es).toContain('Indica el archivo de una red, como exercises/clase6.yaml.');
    expect(messages.en).toContain('the key `id` belongs to a homework spec, not to a network: this file looks like a homework.');
  });

  it('rejects network.sizes given to derive', () => {
    const messages = messagesOf(() => parseProblem('network:\n  sizes: [2, 2, 2]\n', 'red.yaml'));
    expectLocated(messages, 2, 'red.yaml');
    expect(messages.es).toContain('la clave `network.sizes` es de una especificación de tarea');
    expect(messages.en).toContain('the key `network.sizes` belongs to a homework spec');
  });

  it('names homework for folder path', () => {
    const path = join(tempRoot, 'carpeta.yaml');
    mkdirSync(path);
    const messages = messagesOf(() => loadHomework(path));
    expect(messages.es).toBe(`${path} es una carpeta, no un archivo. Indica el archivo .yaml o .json de la tarea.`);
    expect(messages.en).toBe(`${path} is a folder, not a file. Give the .yaml or .json file of the homework.`);
  });

  it('uses display name in messages', () => {
    const path = join(tempRoot, 'mostrada.yaml');
    writeFileSync(path, edited('loss: mse_half', 'loss: mae'));
    const messages = messagesOf(() => loadHomework(path, 'mostrada.yaml'));
    expectLocated(messages, 6, 'mostrada.yaml');
  });
});

describe('parseHomework id and title', () => {
  it('rejects missing id', () => {
    const messages = homeworkMessages(edited('id: tarea-clase6\n', ''));
    expectLocated(messages, 1);
    expect(messages.es).toContain('falta el campo `id` en el nivel principal del archivo. Agrégalo con el identificador de la tarea');
    expect(messages.en).toContain('the field `id` is missing at the top level of the file. Add it with the homework id');
  });

  it('suggests valid id', () => {
    const messages = homeworkMessages(edited('id: tarea-clase6', 'id: Tarea Clase_6'));
    expectLocated(messages, 1);
    expect(messages.es).toContain('`id` vale `Tarea Clase_6`, pero debe tener de 1 a 64 caracteres: letras minúsculas sin tilde (a-z), dígitos y guiones');
    expect(messages.es).toContain('Escribe por ejemplo `id: tarea-clase-6`.');
    expect(messages.en).toContain('`id` is `Tarea Clase_6`, but it must have 1 to 64 characters');
    expect(messages.en).toContain('Write for example `id: tarea-clase-6`.');
  });

  it('rejects id starting with hyphen', () => {
    const messages = homeworkMessages(edited('id: tarea-clase6', 'id: -tarea'));
    expectLocated(messages, 1);
    expect(messages.es).toContain('`id` vale `-tarea`');
    expect(messages.es).toContain('`id: tarea`');
    expect(messages.en).toContain('`id: tarea`');
  });

  it('rejects id longer than 64', () => {
    const long = 'a'.repeat(65);
    const messages = homeworkMessages(edited('id: tarea-clase6', `id: ${long}`));
    expectLocated(messages, 1);
    expect(messages.es).toContain(`\`id: ${'a'.repeat(64)}\``);
    expect(messages.en).toContain('must have 1 to 64 characters');
  });

  it('rejects unquoted numeric id', () => {
    const messages = homeworkMessages(edited('id: tarea-clase6', 'id: 2026'));
    expectLocated(messages, 1);
    expect(messages.es).toContain('`id` debe ser texto, pero es un número: `2026`.');
    expect(messages.es).toContain('entre comillas si solo tiene dígitos');
    expect(messages.en).toContain('`id` must be text, but it is a number: `2026`.');
  });

  it('rejects blank title', () => {
    const messages = homeworkMessages(edited('title: "Tarea de la clase 6: retropropagación"', 'title: ""'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('`title` está vacío (`""`). Escribe el título de la hoja, o borra la clave para usar el id como título.');
    expect(messages.en).toContain('`title` is empty (`""`).');
  });

  it('rejects title on two lines', () => {
    const messages = homeworkMessages(edited('title: "Tarea de la clase 6: retropropagación"', 'title: "Tarea\\nclase 6"'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('`title` ocupa más de una línea');
    expect(messages.en).toContain('Write it on one line.');
  });
});

describe('parseHomework network', () => {
  it('rejects sizes with one entry', () => {
    const messages = homeworkMessages(edited('sizes: [2, 2, 2]', 'sizes: [2]'));
    expectLocated(messages, 4);
    expect(messages.es).toContain('`network.sizes` tiene 1 entrada (`[2]`), pero necesita al menos 2: las entradas y una capa.');
    expect(messages.en).toContain('`network.sizes` has 1 entry (`[2]`), but it needs at least 2');
  });

  it('rejects six layers', () => {
    const messages = homeworkMessages(edited('sizes: [2, 2, 2]', 'sizes: [2, 2, 2, 2, 2, 2, 2]'));
    expectLocated(messages, 4);
    expect(messages.es).toContain('las entradas y 6 capas, pero una tarea admite a lo sumo 5 capas después de las entradas. Quita capas.');
    expect(messages.en).toContain('but a homework allows at most 5 layers after the inputs. Remove layers.');
  });

  it.each([
    ['0', 'network.sizes[0]', '(entradas)', '(inputs)', '[0, 2, 2]'],
    ['9', 'network.sizes[1]', '(capa 1)', '(layer 1)', '[2, 9, 2]'],
    ['1.5', 'network.sizes[2]', '(capa 2)', '(layer 2)', '[2, 2, 1.5]'],
  ])('rejects size %s', (written, field, whereEs, whereEn, sizes) => {
    const messages = homeworkMessages(edited('sizes: [2, 2, 2]', `sizes: ${sizes}`));
    expectLocated(messages, 4);
    expect(messages.es).toContain(`\`${field}\` ${whereEs} vale \`${written}\`, pero cada entrada de \`network.sizes\` debe ser un número entero de 1 a 8`);
    expect(messages.en).toContain(`\`${field}\` ${whereEn} is \`${written}\`, but each entry of \`network.sizes\` must be an integer from 1 to 8`);
  });

  it('suggests sigmoid for sigmod', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: sigmod'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.activation` vale `sigmod`, que no es una función de activación conocida. ¿Quisiste decir `sigmoid`?');
    expect(messages.es).toContain('Los nombres válidos son: sigmoid, tanh, relu, leaky_relu, elu, linear.');
    expect(messages.en).toContain('`network.activation` is `sigmod`, which is not a known activation function. Did you mean `sigmoid`?');
  });

  it('rejects activation list length', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: [relu, relu, sigmoid]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.activation` tiene 3 nombres (`[relu, relu, sigmoid]`), pero la red tiene 2 capas después de las entradas.');
    expect(messages.es).toContain('Escribe un nombre por capa, o uno solo para todas');
    expect(messages.en).toContain('but the network has 2 layers after the inputs. Write one name per layer');
  });

  it('rejects unknown activation in list', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: [relu, softmax]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.activation[1]` (capa 2) vale `softmax`, que no es una función de activación conocida.');
    expect(messages.en).toContain('`network.activation[1]` (layer 2) is `softmax`, which is not a known activation function.');
  });

  it('rejects number in activation list', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: [relu, 3]'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('`network.activation[1]` (capa 2) debe ser texto, pero es un número: `3`.');
    expect(messages.en).toContain('`network.activation[1]` (layer 2) must be text, but it is a number: `3`.');
  });

  it('rejects alpha without takers', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: sigmoid\n  alpha: 0.1'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.alpha` vale `0.1`, pero ninguna capa lo usa: las activaciones de la red son sigmoid.');
    expect(messages.es).toContain('Borra alpha o cambia la activación.');
    expect(messages.en).toContain('`network.alpha` is `0.1`, but no layer uses it');
  });

  it('rejects alpha list length', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: elu\n  alpha: [0.5]'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.alpha` tiene 1 valor (`[0.5]`), pero la red tiene 2 capas después de las entradas.');
    expect(messages.en).toContain('`network.alpha` has 1 value (`[0.5]`), but the network has 2 layers after the inputs.');
  });

  it('rejects alpha for sigmoid layer', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: [elu, sigmoid]\n  alpha: [0.5, 0.1]'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.alpha[1]` (capa 2) vale `0.1`, pero la activación de la capa 2, sigmoid, no usa alpha.');
    expect(messages.es).toContain('Escribe null en esa posición.');
    expect(messages.en).toContain('`network.alpha[1]` (layer 2) is `0.1`, but the activation of layer 2, sigmoid, takes no alpha.');
  });

  it('rejects quoted alpha', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activation: elu\n  alpha: "0.5"'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.alpha` vale `"0.5"`, que es texto porque está entre comillas. Quita las comillas');
    expect(messages.en).toContain('`network.alpha` is `"0.5"`, which is text because it is quoted.');
  });

  it('suggests mse_half for unknown loss', () => {
    const messages = homeworkMessages(edited('loss: mse_half', 'loss: mse_hal'));
    expectLocated(messages, 6);
    expect(messages.es).toContain('`network.loss` vale `mse_hal`, que no es una función de error conocida. ¿Quisiste decir `mse_half`? Los nombres válidos son: mse_half, mse.');
    expect(messages.en).toContain('`network.loss` is `mse_hal`, which is not a known loss function. Did you mean `mse_half`?');
  });

  it('suggests per_neuron for per-neuron', () => {
    const messages = homeworkMessages(edited('bias: shared', 'bias: per-neuron'));
    expectLocated(messages, 7);
    expect(messages.es).toContain('`network.bias` vale `per-neuron`, que no es un tipo de sesgo válido. ¿Quisiste decir `per_neuron`?');
    expect(messages.es).toContain('Escribe `shared` (un sesgo por capa, como en la clase) o `per_neuron` (un sesgo por neurona).');
    expect(messages.en).toContain('`network.bias` is `per-neuron`, which is not a valid kind of bias. Did you mean `per_neuron`?');
  });

  it('suggests activation for misspelt key', () => {
    const messages = homeworkMessages(edited('activation: sigmoid', 'activaton: sigmoid'));
    expectLocated(messages, 5);
    expect(messages.es).toContain('la clave `activaton` de `network` no es válida. ¿Quisiste decir `activation`?');
    expect(messages.es).toContain('En `network` se aceptan: sizes, activation, alpha, loss, bias.');
    expect(messages.en).toContain('the key `activaton` in `network` is not valid. Did you mean `activation`?');
  });
});

describe('parseHomework values', () => {
  it('rejects list and range together', () => {
    const messages = homeworkMessages(edited('{ values: [0.5] }', '{ values: [0.5], min: 0.1 }'));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`values.learning_rate` tiene `values` y también `min` (`{ values: [0.5], min: 0.1 }`): una lista y un rango a la vez.');
    expect(messages.es).toContain('Deja solo `values` para elegir de una lista, o solo min, max y decimals para un rango.');
    expect(messages.en).toContain('a list and a range at once. Keep only `values`');
  });

  it('rejects empty draw', () => {
    const messages = homeworkMessages(edited('{ min: 0.1, max: 0.6, decimals: 2 }', '{}'));
    expectLocated(messages, 10);
    expect(messages.es).toContain('`values.biases` está vacío (`{}`). Escribe un rango como `{ min: 0.1, max: 0.9, decimals: 2 }`');
    expect(messages.en).toContain('`values.biases` is empty (`{}`).');
  });

  it('rejects range without decimals', () => {
    const messages = homeworkMessages(withId('values:\n  weights:\n    min: 0.1\n    max: 0.9\n'));
    expectLocated(messages, 3);
    expect(messages.es).toContain('a `values.weights` le falta `decimals`');
    expect(messages.es).toContain('un rango necesita min, max y decimals. Agrega `decimals`');
    expect(messages.en).toContain('`values.weights` is missing `decimals`');
  });

  it.each(['5', '-1', '1.5'])('rejects decimals %s', (decimals) => {
    const messages = homeworkMessages(edited('max: 0.9, decimals: 2', `max: 0.9, decimals: ${decimals}`));
    expectLocated(messages, 9);
    expect(messages.es).toContain(`\`values.weights.decimals\` vale \`${decimals}\`, pero debe ser un número entero de 0 a 4`);
    expect(messages.en).toContain(`\`values.weights.decimals\` is \`${decimals}\`, but it must be an integer from 0 to 4`);
  });

  it('rejects max below min', () => {
    const messages = homeworkMessages(edited('{ min: 0.05, max: 0.95, decimals: 2 }', '{ min: 0.95, max: 0.05, decimals: 2 }'));
    expectLocated(messages, 11);
    expect(messages.es).toContain('`values.inputs.max` vale `0.05`, menos que `min` (`0.95`).');
    expect(messages.es).toContain('Escribe en min el menor valor del rango y en max el mayor.');
    expect(messages.en).toContain('`values.inputs.max` is `0.05`, less than `min` (`0.95`).');
  });

  it.each([
    ['min', '{ min: 0.125, max: 0.9, decimals: 2 }', '0.125'],
    ['max', '{ min: 0.1, max: 0.95, decimals: 1 }', '0.95'],
  ])('rejects %s off the grid', (key, range, written) => {
    const messages = homeworkMessages(edited('{ min: 0.1, max: 0.9, decimals: 2 }', range));
    expectLocated(messages, 9);
    expect(messages.es).toContain(`\`values.weights.${key}\` vale \`${written}\`, con más decimales que \`decimals\``);
    expect(messages.es).toContain(`Redondea ${key} a`);
    expect(messages.en).toContain(`\`values.weights.${key}\` is \`${written}\`, with more decimal places than \`decimals\``);
  });

  it('rejects empty values list', () => {
    const messages = homeworkMessages(edited('{ values: [0.01, 0.05, 0.1, 0.9, 0.95, 0.99] }', '{ values: [] }'));
    expectLocated(messages, 12);
    expect(messages.es).toContain('`values.targets.values` es una lista vacía: `[]`. Escribe al menos un valor');
    expect(messages.en).toContain('`values.targets.values` is an empty list: `[]`. Write at least one value');
  });

  it('rejects learning rate 0 in list', () => {
    const messages = homeworkMessages(edited('{ values: [0.5] }', '{ values: [0.5, 0] }'));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`values.learning_rate.values[1]` vale `0`, pero la tasa de aprendizaje debe ser mayor que 0.');
    expect(messages.en).toContain('`values.learning_rate.values[1]` is `0`, but the learning rate must be greater than 0.');
  });

  it('rejects learning rate range from 0', () => {
    const messages = homeworkMessages(edited('{ values: [0.5] }', '{ min: 0, max: 1, decimals: 1 }'));
    expectLocated(messages, 13);
    expect(messages.es).toContain('`values.learning_rate.min` vale `0`, pero toda tasa de aprendizaje que se pueda sortear debe ser mayor que 0.');
    expect(messages.en).toContain('`values.learning_rate.min` is `0`, but every learning rate that can be drawn must be greater than 0.');
  });

  it('suggests decimals for decimal', () => {
    const messages = homeworkMessages(edited('max: 0.9, decimals: 2', 'max: 0.9, decimal: 2'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('la clave `decimal` de `values.weights` no es válida. ¿Quisiste decir `decimals`?');
    expect(messages.es).toContain('En `values.weights` se aceptan: min, max, decimals, values.');
    expect(messages.en).toContain('the key `decimal` in `values.weights` is not valid. Did you mean `decimals`?');
  });

  it('suggests weights for weigths', () => {
    const messages = homeworkMessages(edited('  weights: {', '  weigths: {'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('la clave `weigths` de `values` no es válida. ¿Quisiste decir `weights`?');
    expect(messages.en).toContain('In `values` the accepted keys are: weights, biases, inputs, targets, learning_rate.');
  });

  it('rejects infinite max', () => {
    const messages = homeworkMessages(edited('max: 0.9, decimals: 2', 'max: .inf, decimals: 2'));
    expectLocated(messages, 9);
    expect(messages.es).toContain('`values.weights.max` vale `.inf`, que no es un número finito.');
    expect(messages.en).toContain('`values.weights.max` is `.inf`, which is not a finite number.');
  });

  it('rejects text in values list', () => {
    const messages = homeworkMessages(edited('[0.01, 0.05,', '[0.01, alto,'));
    expectLocated(messages, 12);
    expect(messages.es).toContain('`values.targets.values[1]` debe ser un número, pero es texto: `alto`. Escribe en su lugar un valor posible, un número.');
    expect(messages.en).toContain('`values.targets.values[1]` must be a number, but it is text: `alto`.');
  });
});

describe('parseHomework questions', () => {
  it('rejects empty ask', () => {
    const messages = homeworkMessages(withId('ask: []\n'));
    expectLocated(messages, 2);
    expect(messages.es).toContain('`ask` es una lista vacía: `[]`, pero una tarea debe preguntar algo. Escribe al menos una pregunta, como `- update: layer 1`');
    expect(messages.en).toContain('`ask` is an empty list: `[]`, but a homework must ask something.');
  });

  it('rejects question without key', () => {
    const messages = homeworkMessages(edited('  - forward: all', '  - {}'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3]` (pregunta 4) no tiene ninguna clave (`{}`). Escribe una sola de: update, gradient, contribution, forward');
    expect(messages.en).toContain('`ask[3]` (question 4) has no key (`{}`). Write exactly one of: update, gradient, contribution, forward');
  });

  it('rejects question with two keys', () => {
    const messages = homeworkMessages(edited('  - forward: all', '  - forward: all\n    update: layer 2'));
    expectLocated(messages, 19);
    expect(messages.es).toContain('`ask[3]` (pregunta 4) tiene 2 claves, forward y update, pero cada pregunta tiene exactamente una.');
    expect(messages.es).toContain('Sepáralas en preguntas distintas, cada una con su guion: `- forward: …` y `- update: …`.');
    expect(messages.en).toContain('`ask[3]` (question 4) has 2 keys, forward and update, but each question has exactly one.');
  });

  it('rejects question as plain text', () => {
    const messages = homeworkMessages(edited('  - forward: all', '  - forward'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3]` (pregunta 4) debe ser una sección de claves (un mapeo), pero es texto: `forward`.');
    expect(messages.es).toContain('Escribe en su lugar una pregunta: una sección con una sola clave');
    expect(messages.en).toContain('`ask[3]` (question 4) must be a mapping of keys, but it is text: `forward`.');
  });

  it('suggests update for updat', () => {
    const messages = homeworkMessages(edited('  - update: layer 1', '  - updat: layer 1'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('la clave `updat` de `ask[0]` (pregunta 1) no es válida. ¿Quisiste decir `update`?');
    expect(messages.es).toContain('En cada pregunta de `ask` se aceptan: update, gradient, contribution, forward.');
    expect(messages.en).toContain('the key `updat` in `ask[0]` (question 1) is not valid. Did you mean `update`?');
  });

  it('suggests layer for capa', () => {
    const messages = homeworkMessages(edited('update: layer 1', 'update: capa 1'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('`ask[0].update` (pregunta 1) vale `capa 1`, que no es `layer N` ni el nombre de un parámetro. ¿Quisiste decir `layer 1`?');
    expect(messages.en).toContain('`ask[0].update` (question 1) is `capa 1`, which is neither `layer N` nor a parameter name. Did you mean `layer 1`?');
  });

  it('rejects layer beyond network', () => {
    const messages = homeworkMessages(edited('update: layer 1', 'update: layer 3'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('`ask[0].update` (pregunta 1) vale `layer 3`, pero la red 2-2-2 tiene 2 capas después de las entradas. Escribe una capa de `layer 1` a `layer 2`.');
    expect(messages.en).toContain('`ask[0].update` (question 1) is `layer 3`, but the 2-2-2 network has 2 layers after the inputs.');
  });

  it('rejects number for update', () => {
    const messages = homeworkMessages(edited('update: layer 1', 'update: 1'));
    expectLocated(messages, 15);
    expect(messages.es).toContain('`ask[0].update` (pregunta 1) debe ser `layer N` o una lista de nombres de parámetros, pero es un número: `1`.');
    expect(messages.en).toContain('`ask[0].update` (question 1) must be `layer N` or a list of parameter names, but it is a number: `1`.');
  });

  it('rejects empty parameter list', () => {
    const messages = homeworkMessages(edited('["w11^[2]", "b^[2]"]', '[]'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`ask[1].gradient` (pregunta 2) es una lista vacía: `[]`. Escribe al menos un parámetro');
    expect(messages.en).toContain('`ask[1].gradient` (question 2) is an empty list: `[]`. Write at least one parameter');
  });

  it('rejects text that is no parameter', () => {
    const messages = homeworkMessages(edited('"w11^[2]", "b^[2]"', '"w11^[2]", "peso"'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`ask[1].gradient[1]` (pregunta 2) vale `"peso"`, que no es el nombre de un parámetro. Escribe un peso como w11^[1]');
    expect(messages.en).toContain('`ask[1].gradient[1]` (question 2) is `"peso"`, which is not a parameter name. Write a weight such as w11^[1]');
  });

  it('rejects weight outside layer', () => {
    const messages = homeworkMessages(edited('contribution: w11^[1]', 'contribution: w31^[1]'));
    expectLocated(messages, 17);
    expect(messages.es).toContain('`ask[2].contribution` (pregunta 3) vale `w31^[1]`, pero en la red 2-2-2 la capa 1 tiene 2 neuronas con 2 entradas cada una, así que sus pesos van de w11^[1] a w22^[1]');
    expect(messages.es).toContain('Corrige los índices.');
    expect(messages.en).toContain('`ask[2].contribution` (question 3) is `w31^[1]`, but in the 2-2-2 network layer 1 has 2 neurons with 2 inputs each, so its weights go from w11^[1] to w22^[1]');
  });

  it('rejects layer beyond network in name', () => {
    const messages = homeworkMessages(edited('contribution: w11^[1]', 'contribution: w_{1,1}^{[3]}'));
    expectLocated(messages, 17);
    expect(messages.es).toContain('vale `w_{1,1}^{[3]}`, pero la red 2-2-2 tiene 2 capas después de las entradas, así que la capa entre corchetes va de 1 a 2.');
    expect(messages.en).toContain('so the layer in brackets goes from 1 to 2. Fix that number.');
  });

  it('rejects neuron bias with shared bias', () => {
    const messages = homeworkMessages(edited('"b^[2]"', '"b1^[2]"'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`ask[1].gradient[1]` (pregunta 2) vale `"b1^[2]"`, pero con `network.bias: shared` cada capa tiene un solo sesgo, sin número de neurona: b^[2]. Escribe b^[2], o cambia a `bias: per_neuron`');
    expect(messages.en).toContain('but with `network.bias: shared` each layer has a single bias, without a neuron number: b^[2]. Write b^[2], or change to `bias: per_neuron`');
  });

  it('rejects shared bias with per-neuron bias', () => {
    const messages = homeworkMessages(edited('bias: shared', 'bias: per_neuron'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`ask[1].gradient[1]` (pregunta 2) vale `"b^[2]"`, pero con `network.bias: per_neuron` cada neurona tiene su sesgo: los de la capa 2 van de b1^[2] a b2^[2].');
    expect(messages.en).toContain('but with `network.bias: per_neuron` each neuron has its own bias: those of layer 2 go from b1^[2] to b2^[2].');
  });

  it('rejects bias of missing neuron', () => {
    const text = edited('bias: shared', 'bias: per_neuron', edited('"b^[2]"', '"b3^[2]"'));
    const messages = homeworkMessages(text);
    expectLocated(messages, 16);
    expect(messages.es).toContain('vale `"b3^[2]"`, pero la capa 2 tiene 2 neuronas, así que sus sesgos van de b1^[2] a b2^[2]. Corrige el número de neurona.');
    expect(messages.en).toContain('is `"b3^[2]"`, but layer 2 has 2 neurons, so its biases go from b1^[2] to b2^[2]. Fix the neuron number.');
  });

  it('rejects repeated parameter', () => {
    const messages = homeworkMessages(edited('"w11^[2]", "b^[2]"', '"w11^[2]", "w_{1,1}^{[2]}"'));
    expectLocated(messages, 16);
    expect(messages.es).toContain('`ask[1].gradient[1]` (pregunta 2) vale `"w_{1,1}^{[2]}"`, que es el mismo parámetro (w11^[2]) que `ask[1].gradient[0]` (pregunta 2). Deja cada parámetro una sola vez en la pregunta.');
    expect(messages.en).toContain('which is the same parameter (w11^[2]) as `ask[1].gradient[0]` (question 2). Keep each parameter only once in the question.');
  });

  it('rejects list for contribution', () => {
    const messages = homeworkMessages(edited('contribution: w11^[1]', 'contribution: ["w11^[1]"]'));
    expectLocated(messages, 17);
    expect(messages.es).toContain('`ask[2].contribution` (pregunta 3) debe ser texto, pero es una lista: `["w11^[1]"]`. Escribe en su lugar el nombre de un parámetro');
    expect(messages.en).toContain('`ask[2].contribution` (question 3) must be text, but it is a list: `["w11^[1]"]`.');
  });

  it('suggests yhat for y_hat', () => {
    const messages = homeworkMessages(edited('forward: all', 'forward: [z, y_hat]'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3].forward[1]` (pregunta 4) vale `y_hat`, que no es una cantidad de la propagación hacia adelante. ¿Quisiste decir `yhat`?');
    expect(messages.en).toContain('`ask[3].forward[1]` (question 4) is `y_hat`, which is not a quantity of the forward pass. Did you mean `yhat`?');
  });

  it('suggests E for lower-case e', () => {
    const messages = homeworkMessages(edited('forward: all', 'forward: e'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3].forward` (pregunta 4) vale `e`, que no es una cantidad de la propagación hacia adelante. ¿Quisiste decir `E`?');
    expect(messages.en).toContain('Did you mean `E`?');
  });

  it('rejects repeated quantity', () => {
    const messages = homeworkMessages(edited('forward: all', 'forward: [z, a, z]'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3].forward[2]` (pregunta 4) repite `z`. Deja cada cantidad una sola vez.');
    expect(messages.en).toContain('`ask[3].forward[2]` (question 4) repeats `z`. Keep each quantity only once.');
  });

  it('rejects empty forward list', () => {
    const messages = homeworkMessages(edited('forward: all', 'forward: []'));
    expectLocated(messages, 18);
    expect(messages.es).toContain('`ask[3].forward` (pregunta 4) es una lista vacía: `[]`. Escribe `all` o algunas de las cantidades z, a, yhat y E');
    expect(messages.en).toContain('`ask[3].forward` (question 4) is an empty list: `[]`. Write `all` or some of the quantities');
  });
});

describe('parseHomework display and quality', () => {
  it.each(['0', '11', '2.5'])('rejects digits %s', (digits) => {
    const messages = homeworkMessages(edited('digits: 5', `digits: ${digits}`));
    expectLocated(messages, 19);
    expect(messages.es).toContain(`\`display.digits\` vale \`${digits}\`, pero debe ser un número entero de 1 a 10.`);
    expect(messages.en).toContain(`\`display.digits\` is \`${digits}\`, but it must be an integer from 1 to 10.`);
  });

  it('suggests truncate for truncar', () => {
    const messages = homeworkMessages(edited('rounding: truncate', 'rounding: truncar'));
    expectLocated(messages, 19);
    expect(messages.es).toContain('`display.rounding` vale `truncar`, que no es un modo de redondeo válido. ¿Quisiste decir `truncate`?');
    expect(messages.es).toContain('Escribe `truncate` (truncar, el predeterminado en una tarea) o `round` (redondear).');
    expect(messages.en).toContain('Write `truncate` (the default for homework) or `round`.');
  });

  it('rejects decimal_comma as text', () => {
    const messages = homeworkMessages(edited('decimal_comma: false', 'decimal_comma: "no"'));
    expectLocated(messages, 19);
    expect(messages.es).toContain('`display.decimal_comma` debe ser `true` o `false`, pero es texto: `"no"`.');
    expect(messages.en).toContain('`display.decimal_comma` must be `true` or `false`, but it is text: `"no"`.');
  });

  it('rejects max_paths 0', () => {
    const messages = homeworkMessages(edited('decimal_comma: false', 'decimal_comma: false, max_paths: 0'));
    expectLocated(messages, 19);
    expect(messages.es).toContain('`display.max_paths` vale `0`, pero debe ser un número entero de 1 a 256.');
    expect(messages.en).toContain('`display.max_paths` is `0`, but it must be an integer from 1 to 256.');
  });

  it.each(['0', '-1'])('rejects max_abs_z %s', (maxAbsZ) => {
    const messages = homeworkMessages(edited('max_abs_z: 4', `max_abs_z: ${maxAbsZ}`));
    expectLocated(messages, 20);
    expect(messages.es).toContain(`\`quality.max_abs_z\` vale \`${maxAbsZ}\`, pero debe ser mayor que 0: es el mayor |z| permitido en una variante.`);
    expect(messages.en).toContain(`\`quality.max_abs_z\` is \`${maxAbsZ}\`, but it must be greater than 0`);
  });

  it.each(['0', '1.5', '10001'])('rejects max_tries %s', (maxTries) => {
    const messages = homeworkMessages(edited('max_tries: 1000', `max_tries: ${maxTries}`));
    expectLocated(messages, 20);
    expect(messages.es).toContain(`\`quality.max_tries\` vale \`${maxTries}\`, pero debe ser un número entero de 1 a 10000.`);
    expect(messages.en).toContain(`\`quality.max_tries\` is \`${maxTries}\`, but it must be an integer from 1 to 10000.`);
  });
});

describe('parseHomework deadline', () => {
  it('rejects time without offset', () => {
    const messages = homeworkMessages(edited('deadline: 2026-12-18T23:59:00-03:00', 'deadline: 2026-12-18T23:59:00'));
    expectLocated(messages, 21);
    expect(messages.es).toContain('`deadline` vale `2026-12-18T23:59:00`, sin diferencia con UTC, así que la hora es ambigua');
    expect(messages.es).toContain('Agrega la diferencia, por ejemplo `2026-12-18T23:59:00-03:00`, o Z si es la hora UTC.');
    expect(messages.en).toContain('`deadline` is `2026-12-18T23:59:00`, without a UTC offset, so the time is ambiguous');
  });

  it('rejects date without time', () => {
    const messages = homeworkMessages(edited('deadline: 2026-12-18T23:59:00-03:00', 'deadline: 2026-12-18'));
    expectLocated(messages, 21);
    expect(messages.es).toContain('`deadline` vale `2026-12-18`, una fecha sin hora. Agrega la hora y la diferencia con UTC, por ejemplo `2026-12-18T23:59:00-03:00`.');
    expect(messages.en).toContain('`deadline` is `2026-12-18`, a date without a time.');
  });

  it.each(['2026-02-29T23:59:00Z', '2026-12-18T24:00:00Z', '2026-13-01T10:00:00-03:00'])('rejects impossible %s', (deadline) => {
    const messages = homeworkMessages(edited('deadline: 2026-12-18T23:59:00-03:00', `deadline: ${deadline}`));
    expectLocated(messages, 21);
    expect(messages.es).toContain(`\`deadline\` vale \`${deadline}\`, que no es una fecha y hora que exista`);
    expect(messages.en).toContain(`\`deadline\` is \`${deadline}\`, which is not a date and time that exists`);
  });

  it('rejects other date format', () => {
    const messages = homeworkMessages(edited('deadline: 2026-12-18T23:59:00-03:00', 'deadline: 18/12/2026 23:59'));
    expectLocated(messages, 21);
    expect(messages.es).toContain('`deadline` vale `18/12/2026 23:59`, que no es una fecha y hora ISO 8601 con diferencia con UTC. Escríbela como 2026-12-18T23:59:00-03:00');
    expect(messages.en).toContain('which is not an ISO 8601 date and time with a UTC offset. Write it as 2026-12-18T23:59:00-03:00');
  });
});

describe('parseHomework submission', () => {
  it('rejects invalid address', () => {
    const messages = homeworkMessages(edited('to: profesora@example.edu', 'to: "Profesora <profesora@example.edu>"'));
    expectLocated(messages, 23);
    expect(messages.es).toContain('`submission.to` vale `"Profesora <profesora@example.edu>"`, que no es una dirección de correo válida. Escribe una sola dirección');
    expect(messages.en).toContain('`submission.to` is `"Profesora <profesora@example.edu>"`, which is not a valid e-mail address.');
  });

  it('rejects subject without code', () => {
    const messages = homeworkMessages(edited('"{homework} [{code}]"', '"{homework} [{id}]"'));
    expectLocated(messages, 24);
    expect(messages.es).toContain('`submission.subject` vale `"{homework} [{id}]"`, pero debe contener {code}, el código de la variante del estudiante. Agrégalo');
    expect(messages.en).toContain('`submission.subject` is `"{homework} [{id}]"`, but it must contain {code}');
  });

  it('suggests code for cod', () => {
    const messages = homeworkMessages(edited('"{homework} [{code}]"', '"{homework} [{cod}] {code}"'));
    expectLocated(messages, 24);
    expect(messages.es).toContain('y `{cod}` no es un marcador conocido. ¿Quisiste decir `{code}`? Usa solo estos marcadores: {code}');
    expect(messages.en).toContain('and `{cod}` is not a known placeholder. Did you mean `{code}`? Use only these placeholders: {code}');
  });

  it('rejects unclosed brace', () => {
    const messages = homeworkMessages(edited('"{homework} [{code}]"', '"{homework [{code}]"'));
    expectLocated(messages, 24);
    expect(messages.es).toContain('con una llave `{` o `}` que no forma parte de un marcador.');
    expect(messages.en).toContain('with a brace `{` or `}` that is not part of a placeholder.');
  });

  it('rejects line break in subject', () => {
    const messages = homeworkMessages(edited('"{homework} [{code}]"', '"{code}\\nBcc: todos@example.edu"'));
    expectLocated(messages, 24);
    expect(messages.es).toContain('con un salto de línea u otro carácter de control, pero el asunto de un correo es una sola línea.');
    expect(messages.en).toContain('with a line break or another control character, but an e-mail subject is a single line.');
  });

  it('suggests subject for subjet', () => {
    const messages = homeworkMessages(edited('  subject:', '  subjet:'));
    expectLocated(messages, 24);
    expect(messages.es).toContain('la clave `subjet` de `submission` no es válida. ¿Quisiste decir `subject`?');
    expect(messages.en).toContain('In `submission` the accepted keys are: to, subject, instructions.');
  });

  it('rejects instructions as number', () => {
    const messages = homeworkMessages(edited('instructions: |\n    Envía los pesos con 5 decimales.', 'instructions: 5'));
    expectLocated(messages, 25);
    expect(messages.es).toContain('`submission.instructions` debe ser texto, pero es un número: `5`. Escribe en su lugar texto en Markdown para la hoja de la tarea.');
    expect(messages.en).toContain('`submission.instructions` must be text, but it is a number: `5`.');
  });
});

describe('parseHomework lab file', () => {
  it('names a lab file', () => {
    const messages = messagesOf(() => parseHomework('id: xor\nexperiments: []\n', 'xor.yaml'));
    expect(messages.es).toContain('xor.yaml, línea 2: la clave `experiments` es de un archivo de laboratorio, no de una tarea');
    expect(messages.en).toContain('Give the file of a homework, such as exercises/tarea-clase6.yaml.');
  });
});

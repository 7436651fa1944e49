import type { Bilingual } from '../i18n/lang.js';
import { count } from '../network/checks.js';
import {
  biasRef,
  parameterPlain,
  parseParameterName,
  sameParameter,
  weightRef,
  type ParameterRef,
} from '../network/notation.js';
import { hasParameter, parametersOfLayer } from '../network/parameters.js';
import type { SpecFault, SpecPath, SpecSource } from '../network/source.js';
import type { Network } from '../network/spec.js';
import { closestName } from '../network/suggest.js';
import { homeworkFieldName } from './fields.js';
import { questionKinds, type QuestionData } from './schema.js';
import type { Architecture, ForwardQuantity, Question } from './spec.js';

// Reads the questions under `ask`: parameter names must exist in the architecture, and
// `layer N` and `all` expand to what they stand for.

export const forwardQuantities: readonly ForwardQuantity[] = ['z', 'a', 'yhat', 'E'];

/** Reads every question in order, or returns the first fault. */
export function readQuestions(
  ask: readonly QuestionData[],
  architecture: Architecture,
  source: SpecSource,
): Question[] | SpecFault {
  if (ask.length === 0) {
    return {
      path: ['ask'],
      es: `\`ask\` es una lista vacía: \`${source.writtenValue(['ask'])}\`, pero una tarea debe preguntar algo. Escribe al menos una pregunta, como \`- update: layer 1\`, o borra la clave para preguntar lo de la clase: actualizar los pesos y el sesgo de la capa 1.`,
      en: `\`ask\` is an empty list: \`${source.writtenValue(['ask'])}\`, but a homework must ask something. Write at least one question, such as \`- update: layer 1\`, or delete the key to ask what the lecture does: update the weights and bias of layer 1.`,
    };
  }

  const reader = new QuestionReader(architecture, source);
  const questions: Question[] = [];
  for (const [index, entry] of ask.entries()) {
    const question = reader.read(entry, index);
    if (isFault(question)) return question;
    questions.push(question);
  }
  return questions;
}

/** Tells a fault from a question or parameter, which both have a `kind`. */
function isFault<T extends { readonly kind: string }>(value: T | SpecFault): value is SpecFault {
  return !('kind' in value);
}

/** Builds a network of zeros with the architecture's shape, to ask which parameters exist. */
function zeroNetwork(architecture: Architecture): Network {
  const { sizes } = architecture;
  const layers = architecture.activations.map((activation, index) => {
    const neurons = sizes[index + 1] ?? 0;
    const inputs = sizes[index] ?? 0;
    return {
      weights: Array.from({ length: neurons }, () => new Array<number>(inputs).fill(0)),
      bias: architecture.bias === 'shared' ? 0 : new Array<number>(neurons).fill(0),
      activation,
      alpha: architecture.alphas[index] ?? 0,
    };
  });
  return { layers, loss: architecture.loss };
}

const layerPattern = /^layer\s+(\d+)$/i;
const spanishLayerPattern = /^capa\s+(\d+)$/i;

class QuestionReader {
  private readonly network: Network;
  private readonly networkName: string;

  constructor(
    private readonly architecture: Architecture,
    private readonly source: SpecSource,
  ) {
    this.network = zeroNetwork(architecture);
    this.networkName = architecture.sizes.join('-');
  }

  read(entry: QuestionData, index: number): Question | SpecFault {
    const path = ['ask', index];
    const keys = questionKinds.filter((key) => entry[key] !== undefined);
    if (keys.length !== 1) return this.keyCountFault(path, keys);

    if (entry.update !== undefined) return this.parameterQuestion('update', entry.update, [...path, 'update']);
    if (entry.gradient !== undefined) return this.parameterQuestion('gradient', entry.gradient, [...path, 'gradient']);
    if (entry.contribution !== undefined) return this.contributionQuestion(entry.contribution, [...path, 'contribution']);
    return this.forwardQuestion(entry.forward ?? 'all', [...path, 'forward']);
  }

  private keyCountFault(path: SpecPath, keys: readonly string[]): SpecFault {
    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    const accepted = questionKinds.join(', ');
    if (keys.length === 0) {
      return {
        path,
        es: `${field.es} no tiene ninguna clave (\`${written}\`). Escribe una sola de: ${accepted}, por ejemplo \`update: layer 1\`.`,
        en: `${field.en} has no key (\`${written}\`). Write exactly one of: ${accepted}, for example \`update: layer 1\`.`,
      };
    }

    // Named in file order, pointing at the second key.
    const lineOf = (key: string) => this.source.lineOf([...path, key], true) ?? 0;
    const sorted = [...keys].sort((a, b) => lineOf(a) - lineOf(b));
    const [first, second] = sorted;
    const listed = (and: string) => `${sorted.slice(0, -1).join(', ')} ${and} ${sorted[sorted.length - 1]}`;
    return {
      path: [...path, second ?? ''],
      atKey: true,
      es: `${field.es} tiene ${keys.length} claves, ${listed('y')}, pero cada pregunta tiene exactamente una. Sepáralas en preguntas distintas, cada una con su guion: \`- ${first}: …\` y \`- ${second}: …\`.`,
      en: `${field.en} has ${keys.length} keys, ${listed('and')}, but each question has exactly one. Split them into separate questions, each with its own dash: \`- ${first}: …\` and \`- ${second}: …\`.`,
    };
  }

  private parameterQuestion(
    kind: 'update' | 'gradient',
    value: string | readonly string[],
    path: SpecPath,
  ): Question | SpecFault {
    if (typeof value === 'string') {
      const parameters = this.layerOrParameter(value, path);
      return Array.isArray(parameters) ? { kind, parameters } : parameters;
    }

    if (value.length === 0) {
      return {
        path,
        es: `${homeworkFieldName(path).es} es una lista vacía: \`${this.source.writtenValue(path)}\`. Escribe al menos un parámetro, como ["w11^[1]"], o \`layer 1\` para todos los de la capa 1.`,
        en: `${homeworkFieldName(path).en} is an empty list: \`${this.source.writtenValue(path)}\`. Write at least one parameter, such as ["w11^[1]"], or \`layer 1\` for all of layer 1.`,
      };
    }

    const parameters: ParameterRef[] = [];
    for (const [index, name] of value.entries()) {
      const parameter = this.parameter(name, [...path, index]);
      if (isFault(parameter)) return parameter;
      const earlier = parameters.findIndex((other) => sameParameter(other, parameter));
      if (earlier >= 0) return this.duplicateFault([...path, index], [...path, earlier], parameter);
      parameters.push(parameter);
    }
    return { kind, parameters };
  }

  /** Reads `layer N` as every parameter of layer N, or a single parameter name as a list of one. */
  private layerOrParameter(value: string, path: SpecPath): ParameterRef[] | SpecFault {
    const layer = layerPattern.exec(value.trim())?.[1];
    if (layer !== undefined) return this.layerParameters(Number(layer), path);

    const parameter = parseParameterName(value);
    if (parameter !== null) {
      const fault = this.existenceFault(parameter, path);
      return fault ?? [parameter];
    }

    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    const spanishLayer = spanishLayerPattern.exec(value.trim())?.[1];
    const guessEs = spanishLayer === undefined ? '' : ` ¿Quisiste decir \`layer ${spanishLayer}\`?`;
    const guessEn = spanishLayer === undefined ? '' : ` Did you mean \`layer ${spanishLayer}\`?`;
    return {
      path,
      es: `${field.es} vale \`${written}\`, que no es \`layer N\` ni el nombre de un parámetro.${guessEs} Escribe \`layer N\` (todos los pesos y sesgos de la capa N) o una lista de nombres de parámetros, como ["w11^[1]", "b^[1]"].`,
      en: `${field.en} is \`${written}\`, which is neither \`layer N\` nor a parameter name.${guessEn} Write \`layer N\` (every weight and bias of layer N) or a list of parameter names, such as ["w11^[1]", "b^[1]"].`,
    };
  }

  private layerParameters(layer: number, path: SpecPath): ParameterRef[] | SpecFault {
    const networkLayer = this.network.layers[layer - 1];
    if (networkLayer !== undefined) return parametersOfLayer(networkLayer, layer);

    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    const layers = this.layerCountPhrase();
    const last = this.network.layers.length;
    return {
      path,
      es: `${field.es} vale \`${written}\`, pero la red ${this.networkName} tiene ${layers.es}. Escribe una capa de \`layer 1\` a \`layer ${last}\`.`,
      en: `${field.en} is \`${written}\`, but the ${this.networkName} network has ${layers.en}. Write a layer from \`layer 1\` to \`layer ${last}\`.`,
    };
  }

  private contributionQuestion(name: string, path: SpecPath): Question | SpecFault {
    const parameter = this.parameter(name, path);
    return isFault(parameter) ? parameter : { kind: 'contribution', parameter };
  }

  private parameter(name: string, path: SpecPath): ParameterRef | SpecFault {
    const parameter = parseParameterName(name);
    if (parameter === null) {
      const field = homeworkFieldName(path);
      const written = this.source.writtenValue(path);
      return {
        path,
        es: `${field.es} vale \`${written}\`, que no es el nombre de un parámetro. Escribe un peso como w11^[1] (neurona 1, entrada 1, capa 1) o w_{1,2}^{[2]}, o un sesgo como b^[1] (compartido por la capa) o b2^[1] (de la neurona 2).`,
        en: `${field.en} is \`${written}\`, which is not a parameter name. Write a weight such as w11^[1] (neuron 1, input 1, layer 1) or w_{1,2}^{[2]}, or a bias such as b^[1] (shared by the layer) or b2^[1] (of neuron 2).`,
      };
    }
    return this.existenceFault(parameter, path) ?? parameter;
  }

  private layerCountPhrase(): Bilingual<string> {
    const layers = count(this.network.layers.length, ['capa', 'capas'], ['layer', 'layers']);
    return { es: `${layers.es} después de las entradas`, en: `${layers.en} after the inputs` };
  }

  /** Explains why a parameter is not in the architecture, or returns undefined when it is. */
  private existenceFault(parameter: ParameterRef, path: SpecPath): SpecFault | undefined {
    if (hasParameter(this.network, parameter)) return undefined;

    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    const reason = this.absenceReason(parameter);
    return {
      path,
      es: `${field.es} vale \`${written}\`, pero ${reason.es}`,
      en: `${field.en} is \`${written}\`, but ${reason.en}`,
    };
  }

  private absenceReason(parameter: ParameterRef): Bilingual<string> {
    const { layer } = parameter;
    const last = this.network.layers.length;
    if (layer < 1 || layer > last) {
      const layers = this.layerCountPhrase();
      return {
        es: `la red ${this.networkName} tiene ${layers.es}, así que la capa entre corchetes va de 1 a ${last}. Corrige ese número.`,
        en: `the ${this.networkName} network has ${layers.en}, so the layer in brackets goes from 1 to ${last}. Fix that number.`,
      };
    }

    const neurons = this.architecture.sizes[layer] ?? 0;
    const inputs = this.architecture.sizes[layer - 1] ?? 0;
    if (parameter.kind === 'weight') {
      const first = parameterPlain(weightRef(layer, 1, 1));
      const lastWeight = parameterPlain(weightRef(layer, neurons, inputs));
      const has = count(neurons, ['neurona', 'neuronas'], ['neuron', 'neurons']);
      const from = count(inputs, ['entrada', 'entradas'], ['input', 'inputs']);
      return {
        es: `en la red ${this.networkName} la capa ${layer} tiene ${has.es} con ${from.es} cada una, así que sus pesos van de ${first} a ${lastWeight} (en wjk^[l], j es la neurona y k la entrada). Corrige los índices.`,
        en: `in the ${this.networkName} network layer ${layer} has ${has.en} with ${from.en} each, so its weights go from ${first} to ${lastWeight} (in wjk^[l], j is the neuron and k the input). Fix the indices.`,
      };
    }

    const shared = parameterPlain(biasRef(layer, null));
    const firstBias = parameterPlain(biasRef(layer, 1));
    const lastBias = parameterPlain(biasRef(layer, neurons));
    if (this.architecture.bias === 'shared') {
      return {
        es: `con \`network.bias: shared\` cada capa tiene un solo sesgo, sin número de neurona: ${shared}. Escribe ${shared}, o cambia a \`bias: per_neuron\` para tener un sesgo por neurona.`,
        en: `with \`network.bias: shared\` each layer has a single bias, without a neuron number: ${shared}. Write ${shared}, or change to \`bias: per_neuron\` for one bias per neuron.`,
      };
    }
    if (parameter.row === null) {
      return {
        es: `con \`network.bias: per_neuron\` cada neurona tiene su sesgo: los de la capa ${layer} van de ${firstBias} a ${lastBias}. Escribe uno de ellos, o cambia a \`bias: shared\` para un sesgo por capa.`,
        en: `with \`network.bias: per_neuron\` each neuron has its own bias: those of layer ${layer} go from ${firstBias} to ${lastBias}. Write one of them, or change to \`bias: shared\` for one bias per layer.`,
      };
    }
    const has = count(neurons, ['neurona', 'neuronas'], ['neuron', 'neurons']);
    return {
      es: `la capa ${layer} tiene ${has.es}, así que sus sesgos van de ${firstBias} a ${lastBias}. Corrige el número de neurona.`,
      en: `layer ${layer} has ${has.en}, so its biases go from ${firstBias} to ${lastBias}. Fix the neuron number.`,
    };
  }

  private duplicateFault(path: SpecPath, earlierPath: SpecPath, parameter: ParameterRef): SpecFault {
    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    const earlier = homeworkFieldName(earlierPath);
    const name = parameterPlain(parameter);
    return {
      path,
      es: `${field.es} vale \`${written}\`, que es el mismo parámetro (${name}) que ${earlier.es}. Deja cada parámetro una sola vez en la pregunta.`,
      en: `${field.en} is \`${written}\`, which is the same parameter (${name}) as ${earlier.en}. Keep each parameter only once in the question.`,
    };
  }

  private forwardQuestion(value: string | readonly string[], path: SpecPath): Question | SpecFault {
    if (value === 'all') return { kind: 'forward', quantities: forwardQuantities };
    const names = typeof value === 'string' ? [value] : value;
    const field = homeworkFieldName(path);

    if (names.length === 0) {
      return {
        path,
        es: `${field.es} es una lista vacía: \`${this.source.writtenValue(path)}\`. Escribe \`all\` o algunas de las cantidades z, a, yhat y E, como [z, a].`,
        en: `${field.en} is an empty list: \`${this.source.writtenValue(path)}\`. Write \`all\` or some of the quantities z, a, yhat and E, such as [z, a].`,
      };
    }

    const quantities: ForwardQuantity[] = [];
    for (const [index, name] of names.entries()) {
      const itemPath = typeof value === 'string' ? path : [...path, index];
      const quantity = forwardQuantities.find((known) => known === name);
      if (quantity === undefined) return this.unknownQuantityFault(name, itemPath);
      if (quantities.includes(quantity)) return this.repeatedQuantityFault(itemPath, quantity);
      quantities.push(quantity);
    }
    return { kind: 'forward', quantities };
  }

  private unknownQuantityFault(name: string, path: SpecPath): SpecFault {
    const field = homeworkFieldName(path);
    const written = this.source.writtenValue(path);
    // Single letters are all one edit apart, so a single letter gets a suggestion only for a change of case.
    let suggestion: string | undefined = forwardQuantities.find((known) => known.toLowerCase() === name.toLowerCase());
    if (name.length > 1) suggestion = closestName(name, forwardQuantities);
    const guessEs = suggestion === undefined ? '' : ` ¿Quisiste decir \`${suggestion}\`?`;
    const guessEn = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
    return {
      path,
      es: `${field.es} vale \`${written}\`, que no es una cantidad de la propagación hacia adelante.${guessEs} Escribe \`all\` o algunas de: z, a, yhat (la salida ŷ) y E (el error).`,
      en: `${field.en} is \`${written}\`, which is not a quantity of the forward pass.${guessEn} Write \`all\` or some of: z, a, yhat (the output ŷ) and E (the error).`,
    };
  }

  private repeatedQuantityFault(path: SpecPath, quantity: ForwardQuantity): SpecFault {
    const field = homeworkFieldName(path);
    return {
      path,
      es: `${field.es} repite \`${quantity}\`. Deja cada cantidad una sola vez.`,
      en: `${field.en} repeats \`${quantity}\`. Keep each quantity only once.`,
    };
  }
}

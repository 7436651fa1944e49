import { emailSchema } from './roster.js';
import { z } from 'zod';
import { activationNames, activations, isActivationName } from '../activations/index.js';
import type { Bilingual } from '../i18n/lang.js';
import { activationsWithAlpha, count } from '../network/checks.js';
import type { SpecFault, SpecPath, SpecSource } from '../network/source.js';
import { maxPathsLimit } from '../network/spec.js';
import { listedNames, unknownNameFault, type NameWords } from '../network/names.js';
import { closestName } from '../network/suggest.js';
import { defaultActivation, defaultArchitecture } from './defaults.js';
import { homeworkFieldName, homeworkLimits as limits, homeworkLossNames } from './fields.js';
import { drawKinds, type DrawData, type DrawKind, type HomeworkData } from './schema.js';

// Checks that zod cannot express: names, ranges, and fields that must agree with each
// other. Each check returns the first fault it finds, or undefined. The questions under
// `ask` depend on the architecture and are checked in questions.ts.

type Check = () => SpecFault | undefined;

function firstFault(checks: readonly Check[]): SpecFault | undefined {
  for (const check of checks) {
    const fault = check();
    if (fault !== undefined) return fault;
  }
  return undefined;
}

/** Finds the first fault outside `ask` in a homework that passed the structural check. */
export function findHomeworkFault(data: HomeworkData, source: SpecSource): SpecFault | undefined {
  const { network, values, display, quality, submission } = data;
  return firstFault([
    () => checkId(data.id, source),
    () => checkTitle(data.title, source),
    () => checkSizes(network?.sizes, source),
    () => checkActivation(network?.activation, layerCount(data), source),
    () => checkAlpha(network?.alpha, activationsOf(data), source),
    () => checkName(network?.loss, ['network', 'loss'], homeworkLossNames, lossWords, source),
    () => checkName(network?.bias, ['network', 'bias'], biasKinds, biasWords, source),
    ...drawKinds.map((kind) => () => checkDraw(values?.[kind], kind, source)),
    () => checkIntegerRange(display?.digits, ['display', 'digits'], limits.minDigits, limits.maxDigits, source),
    () => checkName(display?.rounding, ['display', 'rounding'], roundingModes, roundingWords, source),
    () => checkIntegerRange(display?.max_paths, ['display', 'max_paths'], 1, maxPathsLimit, source),
    () => checkMaxAbsZ(quality?.max_abs_z, source),
    () => checkIntegerRange(quality?.max_tries, ['quality', 'max_tries'], 1, limits.maxTries, source),
    () => checkDeadline(data.deadline, source),
    () => checkEmail(submission?.to, source),
    () => checkSubject(submission?.subject, source),
  ]);
}

/** Returns the number of layers after the inputs, from `network.sizes` or its default. */
export function layerCount(data: HomeworkData): number {
  const sizes = data.network?.sizes ?? defaultArchitecture.sizes;
  return sizes.length - 1;
}

/** Returns one activation name per layer. The names are known ones only after checkActivation passed. */
export function activationsOf(data: HomeworkData): string[] {
  const activation = data.network?.activation ?? defaultActivation;
  return typeof activation === 'string' ? new Array<string>(layerCount(data)).fill(activation) : activation;
}

export const biasKinds = ['shared', 'per_neuron'];

const roundingModes = ['round', 'truncate'];

const activationWords: NameWords = {
  description: { es: 'una función de activación conocida', en: 'a known activation function' },
  choices: listedNames(activationNames),
};

const lossWords: NameWords = {
  description: { es: 'una función de error conocida', en: 'a known loss function' },
  choices: listedNames(homeworkLossNames),
};

const biasWords: NameWords = {
  description: { es: 'un tipo de sesgo válido', en: 'a valid kind of bias' },
  choices: {
    es: 'Escribe `shared` (un sesgo por capa, como en la clase) o `per_neuron` (un sesgo por neurona).',
    en: 'Write `shared` (one bias per layer, as in the lecture) or `per_neuron` (one bias per neuron).',
  },
};

const roundingWords: NameWords = {
  description: { es: 'un modo de redondeo válido', en: 'a valid rounding mode' },
  choices: {
    es: 'Escribe `truncate` (truncar, el predeterminado en una tarea) o `round` (redondear).',
    en: 'Write `truncate` (the default for homework) or `round`.',
  },
};

/** Checks that a name is one of `known`, and suggests the closest one. */
function checkName(
  name: string | undefined,
  path: SpecPath,
  known: readonly string[],
  words: NameWords,
  source: SpecSource,
): SpecFault | undefined {
  if (name === undefined || known.includes(name)) return undefined;
  return unknownNameFault(path, homeworkFieldName(path), source.writtenValue(path), name, known, words);
}

function checkEmptyList(
  list: readonly unknown[],
  path: SpecPath,
  fix: Bilingual<string>,
  source: SpecSource,
): SpecFault | undefined {
  if (list.length > 0) return undefined;

  const field = homeworkFieldName(path);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${field.es} es una lista vacía: \`${written}\`. ${fix.es}`,
    en: `${field.en} is an empty list: \`${written}\`. ${fix.en}`,
  };
}

const idPattern = new RegExp(`^[a-z0-9][a-z0-9-]{0,${limits.maxIdLength - 1}}$`);

function checkId(id: string, source: SpecSource): SpecFault | undefined {
  if (idPattern.test(id)) return undefined;

  const written = source.writtenValue(['id']);
  const suggestion = idFrom(id);
  const example = suggestion ?? 'tarea-clase6';
  return {
    path: ['id'],
    es: `\`id\` vale \`${written}\`, pero debe tener de 1 a ${limits.maxIdLength} caracteres: letras minúsculas sin tilde (a-z), dígitos y guiones, empezando con una letra o un dígito. Escribe por ejemplo \`id: ${example}\`.`,
    en: `\`id\` is \`${written}\`, but it must have 1 to ${limits.maxIdLength} characters: lower-case letters without accents (a-z), digits and hyphens, starting with a letter or digit. Write for example \`id: ${example}\`.`,
  };
}

/** Turns text such as "Tarea Clase_6" into a valid id ("tarea-clase-6"), or undefined when nothing is left. */
function idFrom(text: string): string | undefined {
  const withoutAccents = text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
  const hyphenated = withoutAccents.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '');
  const id = hyphenated.slice(0, limits.maxIdLength).replace(/-+$/, '');
  return idPattern.test(id) ? id : undefined;
}

function checkTitle(title: string | undefined, source: SpecSource): SpecFault | undefined {
  if (title === undefined) return undefined;

  const written = source.writtenValue(['title']);
  if (title.trim() === '') {
    return {
      path: ['title'],
      es: `\`title\` está vacío (\`${written}\`). Escribe el título de la hoja, o borra la clave para usar el id como título.`,
      en: `\`title\` is empty (\`${written}\`). Write the title of the sheet, or delete the key to use the id as the title.`,
    };
  }
  if (/[\r\n]/.test(title.trimEnd())) {
    return {
      path: ['title'],
      es: `\`title\` ocupa más de una línea (\`${written}\`), pero el título de la hoja va en una sola. Escríbelo en una línea.`,
      en: `\`title\` spans more than one line (\`${written}\`), but the title of the sheet takes a single line. Write it on one line.`,
    };
  }
  return undefined;
}

function checkSizes(sizes: readonly number[] | undefined, source: SpecSource): SpecFault | undefined {
  if (sizes === undefined) return undefined;

  const path = ['network', 'sizes'];
  const written = source.writtenValue(path);
  const entries = count(sizes.length, ['entrada', 'entradas'], ['entry', 'entries']);
  if (sizes.length < 2) {
    return {
      path,
      es: `\`network.sizes\` tiene ${entries.es} (\`${written}\`), pero necesita al menos 2: las entradas y una capa. Escribe por ejemplo [2, 2, 2]: 2 entradas, una capa oculta de 2 neuronas y 2 salidas.`,
      en: `\`network.sizes\` has ${entries.en} (\`${written}\`), but it needs at least 2: the inputs and one layer. Write for example [2, 2, 2]: 2 inputs, a hidden layer of 2 neurons and 2 outputs.`,
    };
  }
  if (sizes.length > limits.maxLayers + 1) {
    return {
      path,
      es: `\`network.sizes\` tiene ${entries.es} (\`${written}\`): las entradas y ${sizes.length - 1} capas, pero una tarea admite a lo sumo ${limits.maxLayers} capas después de las entradas. Quita capas.`,
      en: `\`network.sizes\` has ${entries.en} (\`${written}\`): the inputs and ${sizes.length - 1} layers, but a homework allows at most ${limits.maxLayers} layers after the inputs. Remove layers.`,
    };
  }

  const index = sizes.findIndex((size) => !Number.isInteger(size) || size < 1 || size > limits.maxLayerSize);
  if (index < 0) return undefined;

  const entryPath = [...path, index];
  const field = homeworkFieldName(entryPath);
  const entry = source.writtenValue(entryPath);
  return {
    path: entryPath,
    es: `${field.es} vale \`${entry}\`, pero cada entrada de \`network.sizes\` debe ser un número entero de 1 a ${limits.maxLayerSize}: las neuronas de esa capa. Corrígela.`,
    en: `${field.en} is \`${entry}\`, but each entry of \`network.sizes\` must be an integer from 1 to ${limits.maxLayerSize}: the neurons of that layer. Fix it.`,
  };
}

function layersOf(layers: number): Bilingual<string> {
  const phrase = count(layers, ['capa', 'capas'], ['layer', 'layers']);
  return { es: `${phrase.es} después de las entradas`, en: `${phrase.en} after the inputs` };
}

function checkActivation(
  activation: string | readonly string[] | undefined,
  layers: number,
  source: SpecSource,
): SpecFault | undefined {
  const path = ['network', 'activation'];
  if (activation === undefined) return undefined;
  if (typeof activation === 'string') return checkName(activation, path, activationNames, activationWords, source);

  const fix = {
    es: `Escribe un nombre por capa, o uno solo para todas, como \`activation: sigmoid\`.`,
    en: `Write one name per layer, or a single one for all of them, such as \`activation: sigmoid\`.`,
  };
  const empty = checkEmptyList(activation, path, fix, source);
  if (empty !== undefined) return empty;

  if (activation.length !== layers) {
    const written = source.writtenValue(path);
    const names = count(activation.length, ['nombre', 'nombres'], ['name', 'names']);
    const has = layersOf(layers);
    return {
      path,
      es: `\`network.activation\` tiene ${names.es} (\`${written}\`), pero la red tiene ${has.es}. ${fix.es}`,
      en: `\`network.activation\` has ${names.en} (\`${written}\`), but the network has ${has.en}. ${fix.en}`,
    };
  }

  const checks = activation.map((name, index) => {
    return () => checkName(name, [...path, index], activationNames, activationWords, source);
  });
  return firstFault(checks);
}

function takesAlpha(activation: string): boolean {
  return isActivationName(activation) && activations[activation].defaultAlpha !== undefined;
}

/**
 * Checks alpha against the activations: a single number needs at least one layer that uses
 * it, and a list has one entry per layer, null where the activation takes no alpha.
 */
function checkAlpha(
  alpha: number | readonly (number | null)[] | undefined,
  layerActivations: readonly string[],
  source: SpecSource,
): SpecFault | undefined {
  if (alpha === undefined) return undefined;

  const path = ['network', 'alpha'];
  const written = source.writtenValue(path);
  const takers = activationsWithAlpha.join(', ');
  if (typeof alpha === 'number') {
    if (layerActivations.some(takesAlpha)) return undefined;
    const used = [...new Set(layerActivations)].join(', ');
    return {
      path,
      es: `\`network.alpha\` vale \`${written}\`, pero ninguna capa lo usa: las activaciones de la red son ${used}. Solo estas activaciones tienen el parámetro alpha: ${takers}. Borra alpha o cambia la activación.`,
      en: `\`network.alpha\` is \`${written}\`, but no layer uses it: the activations of the network are ${used}. Only these activations have the parameter alpha: ${takers}. Delete alpha or change the activation.`,
    };
  }

  if (alpha.length !== layerActivations.length) {
    const values = count(alpha.length, ['valor', 'valores'], ['value', 'values']);
    const has = layersOf(layerActivations.length);
    return {
      path,
      es: `\`network.alpha\` tiene ${values.es} (\`${written}\`), pero la red tiene ${has.es}. Escribe un valor por capa, con null en las capas cuya activación no usa alpha, o un solo número para todas las capas que lo usan.`,
      en: `\`network.alpha\` has ${values.en} (\`${written}\`), but the network has ${has.en}. Write one value per layer, with null for the layers whose activation takes no alpha, or a single number for every layer that uses it.`,
    };
  }

  const index = alpha.findIndex((value, layer) => value !== null && !takesAlpha(layerActivations[layer] ?? ''));
  if (index < 0) return undefined;

  const entryPath = [...path, index];
  const field = homeworkFieldName(entryPath);
  const activation = layerActivations[index] ?? '';
  return {
    path: entryPath,
    es: `${field.es} vale \`${source.writtenValue(entryPath)}\`, pero la activación de la capa ${index + 1}, ${activation}, no usa alpha. Solo estas activaciones tienen el parámetro alpha: ${takers}. Escribe null en esa posición.`,
    en: `${field.en} is \`${source.writtenValue(entryPath)}\`, but the activation of layer ${index + 1}, ${activation}, takes no alpha. Only these activations have the parameter alpha: ${takers}. Write null in that position.`,
  };
}

const rangeKeys = ['min', 'max', 'decimals'] as const;

const drawExample: Bilingual<string> = {
  es: 'un rango como `{ min: 0.1, max: 0.9, decimals: 2 }` o una lista como `{ values: [0.5] }`',
  en: 'a range such as `{ min: 0.1, max: 0.9, decimals: 2 }` or a list such as `{ values: [0.5] }`',
};

/** Checks that a draw is either a list or a complete range, and that every value it can give is valid. */
function checkDraw(draw: DrawData, kind: DrawKind, source: SpecSource): SpecFault | undefined {
  if (draw === undefined) return undefined;

  const path = ['values', kind];
  const name = `\`values.${kind}\``;
  const written = source.writtenValue(path);
  const presentRangeKeys = rangeKeys.filter((key) => draw[key] !== undefined);

  if (draw.values !== undefined && presentRangeKeys.length > 0) {
    return {
      path,
      es: `${name} tiene \`values\` y también \`${presentRangeKeys[0]}\` (\`${written}\`): una lista y un rango a la vez. Deja solo \`values\` para elegir de una lista, o solo min, max y decimals para un rango.`,
      en: `${name} has \`values\` and also \`${presentRangeKeys[0]}\` (\`${written}\`): a list and a range at once. Keep only \`values\` to pick from a list, or only min, max and decimals for a range.`,
    };
  }
  if (draw.values !== undefined) return checkDrawList(draw.values, kind, source);

  if (presentRangeKeys.length === 0) {
    return {
      path,
      es: `${name} está vacío (\`${written}\`). Escribe ${drawExample.es}, o borra la clave para usar el valor predeterminado.`,
      en: `${name} is empty (\`${written}\`). Write ${drawExample.en}, or delete the key to use the default.`,
    };
  }

  const missing = rangeKeys.find((key) => draw[key] === undefined);
  if (missing !== undefined) {
    return {
      path,
      atKey: true,
      es: `a ${name} le falta \`${missing}\` (\`${written}\`): un rango necesita min, max y decimals. Agrega \`${missing}\`, como en \`{ min: 0.1, max: 0.9, decimals: 2 }\`.`,
      en: `${name} is missing \`${missing}\` (\`${written}\`): a range needs min, max and decimals. Add \`${missing}\`, as in \`{ min: 0.1, max: 0.9, decimals: 2 }\`.`,
    };
  }

  return checkDrawRange(draw.min ?? 0, draw.max ?? 0, draw.decimals ?? 0, kind, source);
}

function checkDrawList(values: readonly number[], kind: DrawKind, source: SpecSource): SpecFault | undefined {
  const path = ['values', kind, 'values'];
  const fix = {
    es: 'Escribe al menos un valor, por ejemplo `values: [0.5]`, o usa un rango con min, max y decimals.',
    en: 'Write at least one value, for example `values: [0.5]`, or use a range with min, max and decimals.',
  };
  const empty = checkEmptyList(values, path, fix, source);
  if (empty !== undefined) return empty;

  if (kind !== 'learning_rate') return undefined;
  const index = values.findIndex((value) => value <= 0);
  if (index < 0) return undefined;

  const entryPath = [...path, index];
  const written = source.writtenValue(entryPath);
  return {
    path: entryPath,
    es: `\`values.learning_rate.values[${index}]\` vale \`${written}\`, pero la tasa de aprendizaje debe ser mayor que 0. Escribe un número positivo, por ejemplo 0.5.`,
    en: `\`values.learning_rate.values[${index}]\` is \`${written}\`, but the learning rate must be greater than 0. Write a positive number, for example 0.5.`,
  };
}

/** Returns whether `value` has at most `decimals` decimal places, as written in the file. */
function fitsDecimals(value: number, decimals: number): boolean {
  return Number(value.toFixed(decimals)) === value;
}

function checkDrawRange(
  min: number,
  max: number,
  decimals: number,
  kind: DrawKind,
  source: SpecSource,
): SpecFault | undefined {
  const at = (key: string) => ['values', kind, key];
  const written = (key: string) => source.writtenValue(at(key));

  if (!Number.isInteger(decimals) || decimals < 0 || decimals > limits.maxDecimals) {
    return {
      path: at('decimals'),
      es: `\`values.${kind}.decimals\` vale \`${written('decimals')}\`, pero debe ser un número entero de 0 a ${limits.maxDecimals}: los decimales de los valores sorteados. Por ejemplo \`decimals: 2\`.`,
      en: `\`values.${kind}.decimals\` is \`${written('decimals')}\`, but it must be an integer from 0 to ${limits.maxDecimals}: the decimal places of the drawn values. For example \`decimals: 2\`.`,
    };
  }
  if (min > max) {
    return {
      path: at('max'),
      es: `\`values.${kind}.max\` vale \`${written('max')}\`, menos que \`min\` (\`${written('min')}\`). Escribe en min el menor valor del rango y en max el mayor.`,
      en: `\`values.${kind}.max\` is \`${written('max')}\`, less than \`min\` (\`${written('min')}\`). Write the smallest value of the range in min and the largest in max.`,
    };
  }

  const offGrid = (['min', 'max'] as const).find((key) => !fitsDecimals(key === 'min' ? min : max, decimals));
  if (offGrid !== undefined) {
    const places = count(decimals, ['decimal', 'decimales'], ['decimal place', 'decimal places']);
    return {
      path: at(offGrid),
      es: `\`values.${kind}.${offGrid}\` vale \`${written(offGrid)}\`, con más decimales que \`decimals\` (${decimals}), pero los valores se sortean con ${places.es}. Redondea ${offGrid} a ${places.es} o sube decimals.`,
      en: `\`values.${kind}.${offGrid}\` is \`${written(offGrid)}\`, with more decimal places than \`decimals\` (${decimals}), but the values are drawn with ${places.en}. Round ${offGrid} to ${places.en} or raise decimals.`,
    };
  }

  if (kind === 'learning_rate' && min <= 0) {
    return {
      path: at('min'),
      es: `\`values.learning_rate.min\` vale \`${written('min')}\`, pero toda tasa de aprendizaje que se pueda sortear debe ser mayor que 0. Escribe un min positivo, por ejemplo 0.1.`,
      en: `\`values.learning_rate.min\` is \`${written('min')}\`, but every learning rate that can be drawn must be greater than 0. Write a positive min, for example 0.1.`,
    };
  }
  return undefined;
}

function checkIntegerRange(
  value: number | undefined,
  path: SpecPath,
  low: number,
  high: number,
  source: SpecSource,
): SpecFault | undefined {
  if (value === undefined || (Number.isInteger(value) && value >= low && value <= high)) return undefined;

  const field = homeworkFieldName(path);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${field.es} vale \`${written}\`, pero debe ser un número entero de ${low} a ${high}. Corrígelo, o borra la clave para usar el valor predeterminado.`,
    en: `${field.en} is \`${written}\`, but it must be an integer from ${low} to ${high}. Fix it, or delete the key to use the default.`,
  };
}

function checkMaxAbsZ(maxAbsZ: number | undefined, source: SpecSource): SpecFault | undefined {
  if (maxAbsZ === undefined || maxAbsZ > 0) return undefined;

  const written = source.writtenValue(['quality', 'max_abs_z']);
  return {
    path: ['quality', 'max_abs_z'],
    es: `\`quality.max_abs_z\` vale \`${written}\`, pero debe ser mayor que 0: es el mayor |z| permitido en una variante. Escribe por ejemplo \`max_abs_z: 4\`.`,
    en: `\`quality.max_abs_z\` is \`${written}\`, but it must be greater than 0: it is the largest |z| allowed in a variant. Write for example \`max_abs_z: 4\`.`,
  };
}

/** ISO 8601 extended date and time with seconds optional, fraction optional and a UTC offset. */
const deadlinePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const withoutOffsetPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const dateOnlyPattern = /^\d{4}-\d{2}-\d{2}$/;

const deadlineExample: Bilingual<string> = {
  es: 'Escríbela como 2026-12-18T23:59:00-03:00 (fecha, T, hora y diferencia con UTC), o con Z si es la hora UTC: 2026-12-19T02:59:00Z.',
  en: 'Write it as 2026-12-18T23:59:00-03:00 (date, T, time and UTC offset), or with Z for UTC: 2026-12-19T02:59:00Z.',
};

function checkDeadline(deadline: string | null | undefined, source: SpecSource): SpecFault | undefined {
  if (deadline === undefined || deadline === null) return undefined;

  const path = ['deadline'];
  const written = source.writtenValue(path);
  const match = deadlinePattern.exec(deadline);
  if (match !== null && isRealDateTime(match)) return undefined;

  if (match !== null) {
    return {
      path,
      es: `\`deadline\` vale \`${written}\`, que no es una fecha y hora que exista: revisa el mes (01 a 12), el día, la hora (00 a 23), los minutos y la diferencia con UTC. ${deadlineExample.es}`,
      en: `\`deadline\` is \`${written}\`, which is not a date and time that exists: check the month (01 to 12), the day, the hour (00 to 23), the minutes and the UTC offset. ${deadlineExample.en}`,
    };
  }
  if (withoutOffsetPattern.test(deadline)) {
    return {
      path,
      es: `\`deadline\` vale \`${written}\`, sin diferencia con UTC, así que la hora es ambigua: cada estudiante la leería en su propio huso horario. Agrega la diferencia, por ejemplo \`${deadline}-03:00\`, o Z si es la hora UTC.`,
      en: `\`deadline\` is \`${written}\`, without a UTC offset, so the time is ambiguous: each student would read it in their own time zone. Add the offset, for example \`${deadline}-03:00\`, or Z for UTC.`,
    };
  }
  if (dateOnlyPattern.test(deadline)) {
    return {
      path,
      es: `\`deadline\` vale \`${written}\`, una fecha sin hora. Agrega la hora y la diferencia con UTC, por ejemplo \`${deadline}T23:59:00-03:00\`.`,
      en: `\`deadline\` is \`${written}\`, a date without a time. Add the time and the UTC offset, for example \`${deadline}T23:59:00-03:00\`.`,
    };
  }
  return {
    path,
    es: `\`deadline\` vale \`${written}\`, que no es una fecha y hora ISO 8601 con diferencia con UTC. ${deadlineExample.es}`,
    en: `\`deadline\` is \`${written}\`, which is not an ISO 8601 date and time with a UTC offset. ${deadlineExample.en}`,
  };
}

function isRealDateTime(match: RegExpExecArray): boolean {
  // A missing second, or the offset Z, reads as 0.
  const parts = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dateExists = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  const timeExists = hour <= 23 && minute <= 59 && second <= 59;
  const offsetExists = offsetHours <= 23 && offsetMinutes <= 59;
  return dateExists && timeExists && offsetExists;
}

const email = emailSchema;

function checkEmail(to: string | null | undefined, source: SpecSource): SpecFault | undefined {
  if (to === undefined || to === null || email.safeParse(to).success) return undefined;

  const written = source.writtenValue(['submission', 'to']);
  return {
    path: ['submission', 'to'],
    es: `\`submission.to\` vale \`${written}\`, que no es una dirección de correo válida. Escribe una sola dirección, sin nombre ni <>, por ejemplo profesora@example.edu.`,
    en: `\`submission.to\` is \`${written}\`, which is not a valid e-mail address. Write a single address, without a name or <>, for example profesora@example.edu.`,
  };
}

/** Placeholders of the subject line: the variant code, the student id and the homework id. */
export const subjectPlaceholders = ['code', 'id', 'homework'];

const placeholderList: Bilingual<string> = {
  es: 'Usa solo estos marcadores: {code} (el código de la variante), {id} (el identificador del estudiante) y {homework} (el id de la tarea).',
  en: 'Use only these placeholders: {code} (the variant code), {id} (the student id) and {homework} (the homework id).',
};

function checkSubject(subject: string | undefined, source: SpecSource): SpecFault | undefined {
  if (subject === undefined) return undefined;

  const path = ['submission', 'subject'];
  const written = source.writtenValue(path);
  const fault = (es: string, en: string): SpecFault => ({
    path,
    es: `\`submission.subject\` vale \`${written}\`, ${es}`,
    en: `\`submission.subject\` is \`${written}\`, ${en}`,
  });

  // A line break would end the Subject header and start another header.
  if (/[\u0000-\u001f\u007f]/.test(subject)) {
    return fault(
      'con un salto de línea u otro carácter de control, pero el asunto de un correo es una sola línea. Escríbelo en una línea.',
      'with a line break or another control character, but an e-mail subject is a single line. Write it on one line.',
    );
  }

  const unknown = [...subject.matchAll(/\{([^{}]*)\}/g)].find((match) => !subjectPlaceholders.includes(match[1] ?? ''));
  if (unknown !== undefined) {
    const suggestion = closestName(unknown[1] ?? '', subjectPlaceholders);
    const guessEs = suggestion === undefined ? '' : ` ¿Quisiste decir \`{${suggestion}}\`?`;
    const guessEn = suggestion === undefined ? '' : ` Did you mean \`{${suggestion}}\`?`;
    return fault(
      `y \`${unknown[0]}\` no es un marcador conocido.${guessEs} ${placeholderList.es}`,
      `and \`${unknown[0]}\` is not a known placeholder.${guessEn} ${placeholderList.en}`,
    );
  }

  const withoutPlaceholders = subject.replace(/\{(?:code|id|homework)\}/g, '');
  if (/[{}]/.test(withoutPlaceholders)) {
    return fault(
      `con una llave \`{\` o \`}\` que no forma parte de un marcador. Cierra el marcador o quita la llave. ${placeholderList.es}`,
      `with a brace \`{\` or \`}\` that is not part of a placeholder. Close the placeholder or remove the brace. ${placeholderList.en}`,
    );
  }

  if (!subject.includes('{code}')) {
    return fault(
      'pero debe contener {code}, el código de la variante del estudiante. Agrégalo, por ejemplo `"{homework} [{code}]"`.',
      "but it must contain {code}, the code of the student's variant. Add it, for example `\"{homework} [{code}]\"`.",
    );
  }
  return undefined;
}

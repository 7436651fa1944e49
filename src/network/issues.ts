import type { z } from 'zod';
import type { Bilingual } from '../i18n/lang.js';
import { fieldName, helpFor } from './fields.js';
import { knownKeysAt } from './schema.js';
import { hasField, specError, valueAt, type SpecFault, type SpecPath, type SpecSource } from './source.js';
import { closestName } from './suggest.js';

// Turns zod issues into our own messages, so users never see zod's English text.

type Issue = z.core.$ZodIssue;

/** Field names, help texts and keys of one kind of spec file, used to word its messages. */
export interface SpecVocabulary {
  /** Returns the keys allowed in the mapping at `path`, or undefined when it is not a mapping. */
  readonly knownKeysAt: (path: SpecPath) => readonly string[] | undefined;
  /** Names a field for a message: its path in backticks, with more context where it helps. */
  readonly fieldName: (path: SpecPath) => Bilingual<string>;
  /** Describes what the field contains, worded to complete "write …". */
  readonly helpFor: (path: SpecPath) => Bilingual<string>;
  /** Starts "… the accepted keys are" for the mapping at `parentPath`, e.g. "In `display`". */
  readonly whereKeysGo: (parentPath: SpecPath) => Bilingual<string>;
  /** Returns the key in `expectedWords` for a field that the schema checks as a union. */
  readonly unionKind: (path: SpecPath) => string;
  /** Descriptions of expected kinds that add to, or replace, the shared ones. */
  readonly expectedWords?: Readonly<Record<string, Bilingual<string>>>;
}

const sharedExpectedWords: Record<string, Bilingual<string>> = {
  number: { es: 'un número', en: 'a number' },
  array: { es: 'una lista', en: 'a list' },
  object: { es: 'una sección de claves (un mapeo)', en: 'a mapping of keys' },
  string: { es: 'un nombre (texto)', en: 'a name (text)' },
  boolean: { es: '`true` o `false`', en: '`true` or `false`' },
  /** Not a zod type name: the bias, which may be either. */
  number_or_list: { es: 'un número o una lista de números', en: 'a number or a list of numbers' },
};

function expectedWordsFor(expected: string, vocabulary: SpecVocabulary): Bilingual<string> {
  return vocabulary.expectedWords?.[expected] ?? sharedExpectedWords[expected] ?? { es: expected, en: expected };
}

function kindOf(value: unknown): Bilingual<string> {
  if (Array.isArray(value)) return { es: 'una lista', en: 'a list' };
  if (typeof value === 'string') return { es: 'texto', en: 'text' };
  if (typeof value === 'boolean') return { es: 'un booleano', en: 'a boolean' };
  if (typeof value === 'number') return { es: 'un número', en: 'a number' };
  return { es: 'una sección de claves', en: 'a mapping' };
}

/**
 * Picks the issue to report. An unknown key comes first, because a misspelled key such as
 * `weigths` also makes its correct spelling look missing. Otherwise the first in the file.
 */
export function pickIssue(issues: readonly Issue[], source: SpecSource): Issue | undefined {
  const unknownKey = issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownKey !== undefined) return unknownKey;

  const lineOf = (issue: Issue) => source.lineOf(issue.path) ?? 0;
  return [...issues].sort((a, b) => lineOf(a) - lineOf(b))[0];
}

function whereNetworkKeysGo(parentPath: SpecPath): Bilingual<string> {
  if (parentPath.length === 0) return { es: 'En el nivel principal del archivo', en: 'At the top level of the file' };
  if (parentPath.length === 1) {
    const name = String(parentPath[0]);
    return { es: `En \`${name}\``, en: `In \`${name}\`` };
  }
  return { es: 'En cada capa de `network.layers`', en: 'In each layer of `network.layers`' };
}

/** The fields of a network spec, the default for faultFromIssue. */
export const networkVocabulary: SpecVocabulary = {
  knownKeysAt,
  fieldName,
  helpFor,
  whereKeysGo: whereNetworkKeysGo,
  // The bias is the only union in the network schema.
  unionKind: () => 'number_or_list',
};

/** Builds our message for a zod issue, in the words of `vocabulary`. */
export function faultFromIssue(
  issue: Issue,
  data: unknown,
  source: SpecSource,
  vocabulary: SpecVocabulary = networkVocabulary,
): SpecFault {
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeyFault(issue.path, issue.keys[0] ?? '', vocabulary);
    case 'invalid_union':
      return unionFault(issue, data, source, vocabulary);
    case 'invalid_type':
      return typeFault(issue.path, issue.expected, data, source, vocabulary);
    default:
      return invalidValueFault(issue.path, source, vocabulary);
  }
}

function unknownKeyFault(parentPath: SpecPath, key: string, vocabulary: SpecVocabulary): SpecFault {
  const path = [...parentPath, key];
  const known = vocabulary.knownKeysAt(parentPath) ?? [];
  const suggestion = closestName(key, known);
  const where = vocabulary.whereKeysGo(parentPath);
  const guessEs = suggestion === undefined ? '' : ` ¿Quisiste decir \`${suggestion}\`?`;
  const guessEn = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  const parent = parentPath.length === 0 ? undefined : vocabulary.fieldName(parentPath);
  const ofEs = parent === undefined ? '' : ` de ${parent.es}`;
  const ofEn = parent === undefined ? '' : ` in ${parent.en}`;

  return {
    path,
    atKey: true,
    es: `la clave \`${key}\`${ofEs} no es válida.${guessEs} ${where.es} se aceptan: ${known.join(', ')}. Corrige el nombre o borra la clave.`,
    en: `the key \`${key}\`${ofEn} is not valid.${guessEn} ${where.en} the accepted keys are: ${known.join(', ')}. Fix the name or delete the key.`,
  };
}

/**
 * Maps a failed union, a value that may be a single item or a list of them (such as the
 * bias), reporting the problem inside the list when it is one.
 */
function unionFault(
  issue: Issue & { code: 'invalid_union' },
  data: unknown,
  source: SpecSource,
  vocabulary: SpecVocabulary,
): SpecFault {
  const value = valueAt(data, issue.path);
  const listBranch = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
  const inner = listBranch?.[0];

  if (Array.isArray(value) && inner !== undefined) {
    return faultFromIssue({ ...inner, path: [...issue.path, ...inner.path] }, data, source, vocabulary);
  }
  return typeFault(issue.path, vocabulary.unionKind(issue.path), data, source, vocabulary);
}

/** Reports a missing, empty or mistyped value. `expected` is a zod type name or a key of the vocabulary's expectedWords. */
function typeFault(
  path: SpecPath,
  expected: string,
  data: unknown,
  source: SpecSource,
  vocabulary: SpecVocabulary,
): SpecFault {
  const value = valueAt(data, path);
  const wantsNumber = expected === 'number' || expected === 'number_or_list';
  if (!hasField(data, path)) return missingFault(path, vocabulary);
  if (value === null) return emptyFault(path, vocabulary);
  if (typeof value === 'number' && !Number.isFinite(value)) return nonFiniteFault(path, source, vocabulary);
  const words = expectedWordsFor(expected, vocabulary);
  if (typeof value === 'string' && wantsNumber) return textForNumberFault(path, value, words, source, vocabulary);

  const name = vocabulary.fieldName(path);
  const written = source.writtenValue(path);
  const kind = kindOf(value);
  const help = vocabulary.helpFor(path);
  const hint = matrixHint(path, value);
  return {
    path,
    es: `${name.es} debe ser ${words.es}, pero es ${kind.es}: \`${written}\`. Escribe en su lugar ${help.es}.${hint.es}`,
    en: `${name.en} must be ${words.en}, but it is ${kind.en}: \`${written}\`. Replace it with ${help.en}.${hint.en}`,
  };
}

/** Returns a hint for a number where a row of weights belongs, which usually means a single row without its outer brackets. */
function matrixHint(path: SpecPath, value: unknown): Bilingual<string> {
  const isRow = path[path.length - 2] === 'weights' && typeof path[path.length - 1] === 'number';
  if (!isRow || typeof value !== 'number') return { es: '', en: '' };
  return {
    es: ' Aunque la capa tenga una sola neurona, weights es una matriz: escribe [[0.1, 0.3]], no [0.1, 0.3].',
    en: ' Even when the layer has a single neuron, weights is a matrix: write [[0.1, 0.3]], not [0.1, 0.3].',
  };
}

function missingFault(path: SpecPath, vocabulary: SpecVocabulary): SpecFault {
  const parentPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const help = vocabulary.helpFor(path);
  const parent = parentPath.length === 0 ? undefined : vocabulary.fieldName(parentPath);
  const inEs = parent === undefined ? 'en el nivel principal del archivo' : `en ${parent.es}`;
  const inEn = parent === undefined ? 'at the top level of the file' : `in ${parent.en}`;

  // Point at the key of the enclosing section (`network:`), or at the start of a list item.
  return {
    path: parentPath,
    atKey: true,
    es: `falta el campo \`${key}\` ${inEs}. Agrégalo con ${help.es}.`,
    en: `the field \`${key}\` is missing ${inEn}. Add it with ${help.en}.`,
  };
}

function emptyFault(path: SpecPath, vocabulary: SpecVocabulary): SpecFault {
  const name = vocabulary.fieldName(path);
  const help = vocabulary.helpFor(path);
  return {
    path,
    es: `${name.es} no tiene valor. Después de los dos puntos escribe ${help.es}, o borra la línea si el campo es opcional.`,
    en: `${name.en} has no value. After the colon, write ${help.en}, or delete the line if the field is optional.`,
  };
}

function nonFiniteFault(path: SpecPath, source: SpecSource, vocabulary: SpecVocabulary): SpecFault {
  const name = vocabulary.fieldName(path);
  const written = source.writtenValue(path);
  return {
    path,
    es: `${name.es} vale \`${written}\`, que no es un número finito. Todos los números deben ser finitos: no se aceptan .nan ni .inf, ni valores como 1e400, que se desbordan a infinito. Escribe un número finito.`,
    en: `${name.en} is \`${written}\`, which is not a finite number. Every number must be finite: .nan and .inf are not accepted, nor values such as 1e400 that overflow to infinity. Write a finite number.`,
  };
}

function textForNumberFault(
  path: SpecPath,
  value: string,
  expected: Bilingual<string>,
  source: SpecSource,
  vocabulary: SpecVocabulary,
): SpecFault {
  const name = vocabulary.fieldName(path);
  const written = source.writtenValue(path);
  const looksNumeric = value.trim() !== '' && Number.isFinite(Number(value));
  if (looksNumeric) {
    return {
      path,
      es: `${name.es} vale \`${written}\`, que es texto porque está entre comillas. Quita las comillas para que sea un número: \`${value.trim()}\`.`,
      en: `${name.en} is \`${written}\`, which is text because it is quoted. Remove the quotes so that it is a number: \`${value.trim()}\`.`,
    };
  }

  const help = vocabulary.helpFor(path);
  return {
    path,
    es: `${name.es} debe ser ${expected.es}, pero es texto: \`${written}\`. Escribe en su lugar ${help.es}.`,
    en: `${name.en} must be ${expected.en}, but it is text: \`${written}\`. Replace it with ${help.en}.`,
  };
}

/** Fallback for issue codes the schema does not produce today. */
function invalidValueFault(path: SpecPath, source: SpecSource, vocabulary: SpecVocabulary): SpecFault {
  const name = vocabulary.fieldName(path);
  const written = source.writtenValue(path);
  const help = vocabulary.helpFor(path);
  return {
    path,
    es: `el valor \`${written}\` de ${name.es} no es válido. Escribe en su lugar ${help.es}.`,
    en: `the value \`${written}\` of ${name.en} is not valid. Replace it with ${help.en}.`,
  };
}

/**
 * Check `data` against a zod schema and return the parsed data. On failure, throw a
 * UserError for the issue pickIssue chooses, worded with `vocabulary`.
 */
export function parseStructure<T>(schema: z.ZodType<T>, data: unknown, source: SpecSource, vocabulary: SpecVocabulary = networkVocabulary): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = pickIssue(parsed.error.issues, source);
  if (issue === undefined) throw new Error('zod reported a failure without issues');
  throw specError(source, faultFromIssue(issue, data, source, vocabulary));
}

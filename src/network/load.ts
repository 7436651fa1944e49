import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { userError, UserError } from '../errors.js';
import type { Bilingual } from '../i18n/lang.js';
import { PlainSource, YamlSource, type SpecSource } from './source.js';
import type { Problem } from './spec.js';
import { aliasError, emptyFileError, jsonSyntaxError, yamlSyntaxError } from './syntax.js';
import { validateSpec, type ProblemSpec } from './validate.js';
import { fileReadError } from '../io/read-errors.js';

export type { ProblemSpec } from './validate.js';

/** The data of a spec file and the source that names its lines in messages. */
export interface ParsedText {
  readonly data: unknown;
  readonly source: SpecSource;
}

/** Words that name what a kind of spec file describes, for messages about the file itself. */
export interface SpecKindWords {
  /** Completes "the .yaml or .json file of …": `la red`, `the network`. */
  readonly definite: Bilingual<string>;
  /** Completes "more than the maximum for …": `una red`, `a network`. */
  readonly indefinite: Bilingual<string>;
}

const networkWords: SpecKindWords = {
  definite: { es: 'la red', en: 'the network' },
  indefinite: { es: 'una red', en: 'a network' },
};

/**
 * Parses and validates a network spec. A file name ending in `.json` (any case) must be
 * strict JSON, exactly what JSON.parse accepts, so YAML syntax such as comments or unquoted
 * keys is rejected there. Any other name is read as YAML 1.2. Both are also parsed by the
 * yaml package so that messages can give line numbers. `fileName` is used only in messages.
 * Throws a UserError for any problem in the text.
 */
export function parseProblem(text: string, fileName: string): ProblemSpec {
  const { data, source } = parseSpecText(text, fileName, emptyFileError);
  try {
    return validateSpec(data, source);
  } catch (error) {
    // Lists nested thousands of levels deep exhaust the stack while being described.
    if (error instanceof RangeError) throw tooDeepError(fileName);
    throw error;
  }
}

/**
 * Parses the text of a spec file without validating it: strict JSON when the name ends in
 * `.json` (any case), YAML 1.2 otherwise, after dropping a byte order mark. `emptyError`
 * builds the error for a file that is empty or contains only comments. Throws a UserError
 * for any syntax error.
 */
export function parseSpecText(text: string, fileName: string, emptyError: (fileName: string) => UserError): ParsedText {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '') throw emptyError(fileName);

  return isJsonName(fileName) ? parseJson(withoutBom, fileName) : parseYaml(withoutBom, fileName, emptyError);
}

export function isJsonName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.json');
}

/**
 * Reads a spec file as UTF-8, dropping a byte order mark, and parses it with parseProblem.
 * Messages name the file as `displayName`, by default the path as given.
 */
export function loadProblem(path: string, displayName: string = path): ProblemSpec {
  return parseProblem(readSpecFile(path, displayName), displayName);
}

/**
 * Completes a spec with its learning rate: `override` (the CLI's `--lr`) when given, else
 * the file's `learning_rate`. Throws a UserError when neither exists or the override is not
 * a finite number greater than 0.
 */
export function requireLearningRate(spec: ProblemSpec, override?: number, fileName?: string): Problem {
  if (override !== undefined) {
    requireValidOverride(override);
    return { ...spec, learningRate: override };
  }

  if (spec.learningRate === undefined) throw missingLearningRateError(fileName);
  return { ...spec, learningRate: spec.learningRate };
}

function requireValidOverride(rate: number): void {
  if (Number.isFinite(rate) && rate > 0) return;
  throw userError(
    `La opción --lr vale ${rate}, pero la tasa de aprendizaje debe ser un número finito mayor que 0. Usa por ejemplo --lr 0.5.`,
    `The option --lr is ${rate}, but the learning rate must be a finite number greater than 0. Use for example --lr 0.5.`,
  );
}

function missingLearningRateError(fileName: string | undefined): UserError {
  const line = fileName !== undefined && isJsonName(fileName) ? '"learning_rate": 0.5' : 'learning_rate: 0.5';
  const fileEs = fileName === undefined ? 'El archivo' : `El archivo ${fileName}`;
  const fileEn = fileName === undefined ? 'The file' : `File ${fileName}`;
  return userError(
    `${fileEs} no define la tasa de aprendizaje. Agrega \`${line}\` al nivel principal del archivo o pasa la opción \`--lr 0.5\`.`,
    `${fileEn} does not set the learning rate. Add \`${line}\` at the top level of the file or pass the option \`--lr 0.5\`.`,
  );
}

/** Largest spec file read; a network or homework spec is a few kilobytes. */
const maxSpecBytes = 1 << 20;

/**
 * Reads a spec file of at most 1 MiB as UTF-8 text, without a byte order mark. Messages name
 * the file as `displayName` and what it describes with `kind`. Throws a UserError when the
 * file is missing, unreadable, too large, not a regular file or not UTF-8.
 */
export function readSpecFile(path: string, displayName: string, kind: SpecKindWords = networkWords): string {
  let bytes: Buffer;
  try {
    // Only regular files: a FIFO would block and /dev/zero would never end.
    const stats = statSync(path);
    if (stats.isFile() && stats.size > maxSpecBytes) throw tooLargeError(displayName, stats.size, kind);
    if (!stats.isFile() && !stats.isDirectory()) throw notRegularFileError(displayName, kind);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw readError(displayName, error, kind);
  }

  try {
    // TextDecoder drops a leading byte order mark by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw userError(
      `El archivo ${displayName} no está en UTF-8. Guárdalo con codificación UTF-8 desde tu editor.`,
      `File ${displayName} is not UTF-8. Save it with UTF-8 encoding from your editor.`,
    );
  }
}

function readError(path: string, error: unknown, kind: SpecKindWords): UserError {
  return fileReadError(path, error, () =>
    userError(
      `${path} es una carpeta, no un archivo. Indica el archivo .yaml o .json de ${kind.definite.es}.`,
      `${path} is a folder, not a file. Give the .yaml or .json file of ${kind.definite.en}.`,
    ),
  );
}

function tooDeepError(path: string): UserError {
  return userError(
    `El archivo ${path} tiene listas anidadas a demasiada profundidad para ser una red. Una matriz de pesos tiene solo dos niveles: [[0.1, 0.3], [0.2, 0.4]].`,
    `File ${path} has lists nested too deeply to be a network. A weight matrix has only two levels: [[0.1, 0.3], [0.2, 0.4]].`,
  );
}

function tooLargeError(path: string, size: number, kind: SpecKindWords): UserError {
  return userError(
    `El archivo ${path} mide ${size} bytes, más que el máximo de ${maxSpecBytes} para ${kind.indefinite.es}. Revisa que sea el archivo .yaml o .json correcto.`,
    `File ${path} is ${size} bytes, more than the maximum of ${maxSpecBytes} for ${kind.indefinite.en}. Check that it is the right .yaml or .json file.`,
  );
}

function notRegularFileError(path: string, kind: SpecKindWords): UserError {
  return userError(
    `${path} no es un archivo normal (es un dispositivo, una tubería o un socket). Indica el archivo .yaml o .json de ${kind.definite.es}.`,
    `${path} is not a regular file (it is a device, a pipe or a socket). Give the .yaml or .json file of ${kind.definite.en}.`,
  );
}

function parseDocumentWithLines(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  // logLevel 'error' keeps the yaml package's warnings (such as collection keys) off stderr.
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'error' });
  return { doc, lines };
}

function parseYaml(text: string, fileName: string, emptyError: (fileName: string) => UserError): ParsedText {
  const { doc, lines } = parseDocumentWithLines(text);

  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) throw yamlSyntaxError(fileName, syntaxError);

  if (doc.contents === null) throw emptyError(fileName);

  const data = documentToJs(doc, fileName);
  return { data, source: new YamlSource(fileName, text, doc, lines) };
}

function documentToJs(doc: Document, fileName: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    if (error instanceof ReferenceError) throw aliasError(fileName, error);
    throw error;
  }
}

function parseJson(text: string, fileName: string): ParsedText {
  const { doc, lines } = parseDocumentWithLines(text);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw jsonSyntaxError(fileName, error, lines, doc.errors[0]);
    throw error;
  }

  // JSON.parse keeps the last of two equal keys and would silently drop a value, so a
  // duplicate key is an error in .json files too, as it is in YAML.
  const duplicateKey = doc.errors.find((error) => error.code === 'DUPLICATE_KEY');
  if (duplicateKey !== undefined) throw yamlSyntaxError(fileName, duplicateKey, 'JSON');

  // NOTE: other JSON that the yaml package rejects still loads, but its messages have no
  // line numbers. No such text is known.
  if (doc.errors.length > 0) return { data, source: new PlainSource(fileName, data) };
  return { data, source: new YamlSource(fileName, text, doc, lines) };
}

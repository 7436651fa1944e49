import { LineCounter, parseDocument } from 'yaml';
import { userError, UserError } from '../errors.js';
import { isJsonName, parseSpecText, readSpecFile, type ParsedText, type SpecKindWords } from '../network/load.js';
import type { HomeworkSpec } from './spec.js';
import { validateHomework } from './validate.js';

const homeworkWords: SpecKindWords = {
  definite: { es: 'la tarea', en: 'the homework' },
  indefinite: { es: 'una tarea', en: 'a homework spec' },
};

/**
 * Parses and validates a homework spec, with the same file rules as a network spec: a
 * name ending in `.json` (any case) must be strict JSON, and any other name is read as
 * YAML 1.2. `fileName` is used only in messages. Throws a UserError for any problem in
 * the text.
 */
export function parseHomework(text: string, fileName: string): HomeworkSpec {
  const { data, source } = parseHomeworkText(text, fileName);
  try {
    return validateHomework(data, source);
  } catch (error) {
    // Lists nested thousands of levels deep exhaust the stack while being described.
    if (error instanceof RangeError) throw tooDeepError(fileName);
    throw error;
  }
}

/**
 * Reads a homework file as UTF-8, dropping a byte order mark, and parses it with
 * parseHomework. Messages name the file as `displayName`, by default the path as given.
 */
export function loadHomework(path: string, displayName: string = path): HomeworkSpec {
  return parseHomework(readSpecFile(path, displayName, homeworkWords), displayName);
}

function parseHomeworkText(text: string, fileName: string): ParsedText {
  try {
    return parseSpecText(text, fileName, emptyHomeworkError);
  } catch (error) {
    const explained = error instanceof UserError && !isJsonName(fileName) ? unquotedNameError(text, fileName) : undefined;
    throw explained ?? error;
  }
}

/**
 * A parameter name inside a YAML flow list, such as `[w11^[2], b^[2]]` or `[w_{1,1}^{[1]}]`.
 * Unquoted, its brackets, braces and commas end the item, so the line is not valid YAML.
 */
const unquotedNameInFlowList = /[[,]\s*[wb][\w{},]*\^/;

/** Explains the first YAML syntax error when its line has an unquoted parameter name inside `[…]`. */
function unquotedNameError(text: string, fileName: string): UserError | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'error' });
  const line = doc.errors[0]?.linePos?.[0].line;
  if (line === undefined) return undefined;

  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  if (!unquotedNameInFlowList.test(lineText)) return undefined;

  return userError(
    `El archivo ${fileName}, línea ${line}: no es YAML válido. Dentro de una lista entre corchetes, un nombre de parámetro como w11^[2] o w_{1,1}^{[1]} debe ir entre comillas, porque en YAML los corchetes, las llaves y las comas separan los elementos de la lista. Escribe por ejemplo ["w11^[2]", "b^[2]"], o la lista con un guion por línea (- w11^[2]).`,
    `File ${fileName}, line ${line}: not valid YAML. Inside a list in square brackets, a parameter name such as w11^[2] or w_{1,1}^{[1]} must be quoted, because in YAML brackets, braces and commas separate the items of the list. Write for example ["w11^[2]", "b^[2]"], or the list with one dash per line (- w11^[2]).`,
  );
}

function emptyHomeworkError(fileName: string): UserError {
  return userError(
    `El archivo ${fileName} está vacío o solo tiene comentarios. Escribe la tarea empezando por la clave \`id:\`; exercises/tarea-clase6.yaml es un ejemplo con cada clave explicada.`,
    `File ${fileName} is empty or contains only comments. Write the homework starting with the key \`id:\`; exercises/tarea-clase6.yaml is an example with every key explained.`,
  );
}

function tooDeepError(fileName: string): UserError {
  return userError(
    `El archivo ${fileName} tiene listas anidadas a demasiada profundidad para ser una tarea. Ninguna clave de una tarea lleva listas dentro de listas.`,
    `File ${fileName} has lists nested too deeply to be a homework spec. No key of a homework spec takes lists inside lists.`,
  );
}

import { userError, type UserError } from '../errors.js';
import { parseSpecText, readSpecFile, type SpecKindWords } from '../network/load.js';
import type { LabSpec } from './spec.js';
import { validateLab } from './validate.js';

const labWords: SpecKindWords = {
  definite: { es: 'la especificación del laboratorio', en: 'the lab spec' },
  indefinite: { es: 'un laboratorio', en: 'a lab spec' },
};

/**
 * Parses and validates a lab spec, with the same file rules as a network spec: a name
 * ending in `.json` (any case) must be strict JSON, and any other name is read as YAML 1.2.
 * `fileName` is used only in messages. Throws a UserError for any problem in the text.
 */
export function parseLab(text: string, fileName: string): LabSpec {
  const { data, source } = parseSpecText(text, fileName, emptyLabError);
  try {
    return validateLab(data, source);
  } catch (error) {
    // Lists nested thousands of levels deep exhaust the stack while being described.
    if (error instanceof RangeError) throw tooDeepError(fileName);
    throw error;
  }
}

/**
 * Reads a lab file as UTF-8, dropping a byte order mark, and parses it with parseLab.
 * Messages name the file as `displayName`, by default the path as given.
 */
export function loadLab(path: string, displayName: string = path): LabSpec {
  return parseLab(readSpecFile(path, displayName, labWords), displayName);
}

function emptyLabError(fileName: string): UserError {
  return userError(
    `El archivo ${fileName} está vacío o solo tiene comentarios. Escribe el laboratorio empezando por la clave \`id:\` y con al menos un experimento en \`experiments:\`; exercises/xor.yaml es un ejemplo con cada clave explicada.`,
    `File ${fileName} is empty or contains only comments. Write the lab starting with the key \`id:\` and with at least one experiment under \`experiments:\`; exercises/xor.yaml is an example with every key explained.`,
  );
}

function tooDeepError(fileName: string): UserError {
  return userError(
    `El archivo ${fileName} tiene listas anidadas a demasiada profundidad para ser un laboratorio. Las listas más anidadas de un laboratorio tienen dos niveles, como \`inputs: [[0, 0], [0, 1]]\`.`,
    `File ${fileName} has lists nested too deeply to be a lab spec. The most nested lists of a lab have two levels, such as \`inputs: [[0, 0], [0, 1]]\`.`,
  );
}

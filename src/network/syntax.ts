import type { LineCounter, YAMLError } from 'yaml';
import { UserError } from '../errors.js';
import type { Bilingual } from '../i18n/lang.js';

// Messages for files that cannot be parsed at all: syntax errors, empty files, bad aliases.

/** Our wording, as full sentences, of the yaml package's error codes that students are likely to hit. */
const yamlProblems: Partial<Record<YAMLError['code'], Bilingual<string>>> = {
  BAD_INDENT: {
    es: 'La sangría no es correcta. Las claves del mismo nivel deben empezar en la misma columna.',
    en: 'The indentation is wrong. Keys of the same level must start in the same column.',
  },
  TAB_AS_INDENT: {
    es: 'Hay un tabulador en la sangría, pero YAML solo admite espacios.',
    en: 'There is a tab in the indentation, but YAML accepts only spaces.',
  },
  DUPLICATE_KEY: {
    es: 'Una clave aparece dos veces en la misma sección. Deja solo una.',
    en: 'A key appears twice in the same section. Keep only one.',
  },
  MISSING_CHAR: {
    es: 'Falta un carácter, como los dos puntos después de una clave, una comilla de cierre, `]` o `}`.',
    en: 'A character is missing, such as the colon after a key, a closing quote, `]` or `}`.',
  },
  MULTIPLE_DOCS: {
    es: 'El archivo contiene más de un documento YAML separados por `---`. Deja solo uno.',
    en: 'The file contains more than one YAML document separated by `---`. Keep only one.',
  },
  MULTILINE_IMPLICIT_KEY: {
    es: 'Una clave ocupa más de una línea. Probablemente a una clave le faltan los dos puntos.',
    en: 'A key spans more than one line. Probably a key is missing its colon.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    es: 'Una clave ocupa más de una línea. Probablemente a una clave le faltan los dos puntos.',
    en: 'A key spans more than one line. Probably a key is missing its colon.',
  },
  UNEXPECTED_TOKEN: {
    es: 'Hay un carácter fuera de lugar.',
    en: 'A character is out of place.',
  },
  BAD_SCALAR_START: {
    es: 'Un valor empieza con un carácter reservado, como @ o `. Si es texto, ponlo entre comillas.',
    en: 'A value starts with a reserved character such as @ or `. If it is text, quote it.',
  },
};

const genericYamlProblem: Bilingual<string> = {
  es: 'La sintaxis no es válida.',
  en: 'The syntax is not valid.',
};

// The yaml package reports an unclosed `[` or `{` as BAD_INDENT, with this message.
const unclosedFlowPattern = /^Flow (sequence|mapping) in block collection must be sufficiently indented and end with a/;

const unclosedFlowProblem: Bilingual<string> = {
  es: 'Falta cerrar una lista con `]` o una sección con `}`, o la línea siguiente tiene menos sangría de la necesaria.',
  en: 'A list is missing its closing `]` or a section its closing `}`, or the next line is not indented enough.',
};

function describeYamlProblem(error: YAMLError): Bilingual<string> {
  if (error.code === 'BAD_INDENT' && unclosedFlowPattern.test(error.message)) return unclosedFlowProblem;
  return yamlProblems[error.code] ?? genericYamlProblem;
}

/**
 * Extracts the parser's own message, without what follows it: the position and code frame that the
 * yaml package appends, or the copy of the text that V8 appends to JSON errors.
 */
function parserDetail(message: string): string {
  const withoutText = message.replace(/, ".*is not valid JSON$/s, '');
  const firstLine = withoutText.split('\n')[0] ?? '';
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function position(fileName: string, line: number | undefined, column: number | undefined): Bilingual<string> {
  if (line === undefined) return { es: `El archivo ${fileName}`, en: `File ${fileName}` };
  if (column === undefined) return { es: `El archivo ${fileName}, línea ${line}`, en: `File ${fileName}, line ${line}` };
  return {
    es: `El archivo ${fileName}, línea ${line}, columna ${column}`,
    en: `File ${fileName}, line ${line}, column ${column}`,
  };
}

/** Reports an error of the yaml package. `format` is 'JSON' for a duplicate key in a .json file. */
export function yamlSyntaxError(fileName: string, error: YAMLError, format: 'YAML' | 'JSON' = 'YAML'): UserError {
  const start = error.linePos?.[0];
  const where = position(fileName, start?.line, start?.col);
  const problem = describeYamlProblem(error);
  const detail = parserDetail(error.message);
  const es = `${where.es}: no es ${format} válido. ${problem.es} Corrige esa línea o la anterior. (Mensaje del analizador: ${detail}.)`;
  const en = `${where.en}: not valid ${format}. ${problem.en} Fix that line or the one before it. (Parser message: ${detail}.)`;
  return new UserError((lang) => (lang === 'es' ? es : en));
}

/**
 * Reports text that JSON.parse rejected. The position comes from V8's message ("at position
 * N", which Node 20 gives for most errors). Without it, the position comes from the yaml
 * parser's first error.
 */
export function jsonSyntaxError(fileName: string, error: SyntaxError, lines: LineCounter, yamlError?: YAMLError): UserError {
  const offset = /at position (\d+)/.exec(error.message)?.[1];
  const start = offset === undefined ? yamlError?.linePos?.[0] : lines.linePos(Number(offset));
  const where = position(fileName, start?.line, start?.col);
  const detail = parserDetail(error.message);
  const es = `${where.es}: no es JSON válido. Un archivo .json debe ser JSON estricto: claves y textos entre comillas dobles, sin comas de más ni comentarios. Corrígelo, o cambia la extensión a .yaml si prefieres escribirlo en YAML. (Mensaje del analizador JSON: ${detail}.)`;
  const en = `${where.en}: not valid JSON. A .json file must be strict JSON: keys and strings in double quotes, no extra commas and no comments. Fix it, or change the extension to .yaml to write it in YAML. (JSON parser message: ${detail}.)`;
  return new UserError((lang) => (lang === 'es' ? es : en));
}

export function emptyFileError(fileName: string): UserError {
  const es = `El archivo ${fileName} está vacío o solo tiene comentarios. Escribe la red con la clave \`network:\` y sus campos input, target, layers y loss.`;
  const en = `File ${fileName} is empty or contains only comments. Write the network under the key \`network:\` with its fields input, target, layers and loss.`;
  return new UserError((lang) => (lang === 'es' ? es : en));
}

/** Reports the ReferenceError that the yaml package throws for an alias without anchor or for too many aliases. */
export function aliasError(fileName: string, error: ReferenceError): UserError {
  const es = `El archivo ${fileName}: un alias de YAML (\`*nombre\`) no se puede resolver, porque su ancla (\`&nombre\`) no aparece antes o hay demasiados alias. Escribe los valores directamente. (Mensaje del analizador YAML: ${error.message}.)`;
  const en = `File ${fileName}: a YAML alias (\`*name\`) cannot be resolved, because its anchor (\`&name\`) does not come first or there are too many aliases. Write the values out. (YAML parser message: ${error.message}.)`;
  return new UserError((lang) => (lang === 'es' ? es : en));
}

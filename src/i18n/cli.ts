import type { Bilingual } from './lang.js';

/** Texts of the command line: help, progress and errors that do not come from a spec. */
export interface CliMessages {
  readonly usage: string;
  readonly epilogue: string;
  readonly lang: string;
  readonly quiet: string;
  readonly derive: {
    readonly describe: string;
    readonly spec: string;
    readonly param: string;
    readonly digits: string;
    readonly rounding: string;
    readonly decimalComma: string;
    readonly lr: string;
    readonly maxPaths: string;
    readonly format: string;
    readonly out: string;
    readonly paper: string;
    readonly example: string;
  };
  readonly homework: {
    readonly describe: string;
    readonly spec: string;
    readonly roster: string;
    readonly secret: string;
    readonly format: string;
    readonly out: string;
    readonly csv: string;
    readonly example: string;
    readonly variants: string;
    readonly documents: string;
    readonly secretCreated: (path: string) => string;
    readonly secretEmpty: (path: string) => string;
    readonly secretUnreadable: (path: string, code: string) => string;
    readonly secretMismatch: (path: string) => string;
    readonly secretMissing: (folder: string) => string;
    readonly unprintable: (where: string, character: string) => string;
    readonly outsideOutput: (folder: string, real: string) => string;
    readonly secretChanged: (key: string) => string;
    readonly rosterLine: (file: string, line: number) => string;
    readonly done: (students: number, folder: string) => string;
  };
  readonly grade: {
    readonly describe: string;
    readonly key: string;
    readonly mail: string;
    readonly deadline: string;
    readonly out: string;
    readonly csv: string;
    readonly roundingPoints: string;
    readonly example: string;
    readonly messages: string;
    readonly badDeadline: (text: string) => string;
    readonly done: (graded: number, students: number, folder: string) => string;
  };
  readonly lab: {
    readonly describe: string;
    readonly spec: string;
    readonly format: string;
    readonly out: string;
    readonly paper: string;
    readonly seeds: string;
    readonly example: string;
    readonly runs: string;
    readonly done: (runs: number, file: string) => string;
    readonly badParameter: (file: string, parameter: string, reason: string) => string;
    readonly badFormula: (file: string, field: string, tex: string, reason: string) => string;
    readonly tooMuchWork: (file: string, seeds: number, reason: string) => string;
  };
  readonly handout: {
    readonly describe: string;
    readonly lab: string;
    readonly network: string;
    readonly out: string;
    readonly example: string;
    readonly fileBase: string;
    readonly labHeading: string;
    readonly done: (runs: number, file: string) => string;
  };
  readonly seedsRange: string;
  readonly fractionRange: string;
  readonly wrote: (path: string) => string;
  readonly unknownParameter: (text: string) => string;
  readonly unknownFormat: (text: string, accepted: string) => string;
  readonly invalidNumberOption: (option: string, text: string, requirement: string) => string;
  readonly positiveNumber: string;
  readonly digitsRange: string;
  readonly maxPathsRange: (limit: number) => string;
  readonly seeHelp: string;
  readonly emptyValue: (option: string) => string;
  readonly wouldOverwriteInput: (path: string) => string;
  /** Replacements for yargs's own texts (help labels and parse errors), keyed by yargs's English text. */
  readonly yargsStrings: Record<string, string | { one: string; other: string }>;
  readonly didYouMean: (option: string) => string;
  readonly internalError: (detail: string) => string;
  readonly writeFailed: (path: string, code: string) => string;
}

const es: CliMessages = {
  usage: 'Uso: $0 <comando> [opciones]',
  epilogue: 'Documentación: README.es.md. Los mensajes y documentos están en español; usa --lang en para inglés.',
  lang: 'Idioma de los mensajes y documentos (es o en)',
  quiet: 'No mostrar mensajes de progreso',
  derive: {
    describe: 'Escribe la solución desarrollada de retropropagación de una red',
    spec: 'Archivo YAML o JSON con la red, la tasa de aprendizaje y el formato de los números',
    param: 'Desarrolla solo estos parámetros, en este orden (por ejemplo w11^[1] b^[2]); todos si se omite',
    digits: 'Decimales de los números mostrados (0 a 12)',
    rounding: 'Cómo acortar los números: round (redondear) o truncate (truncar, como en las diapositivas)',
    decimalComma: 'Escribir los números con coma decimal (0,29) en lugar de punto (0.29)',
    lr: 'Tasa de aprendizaje η; reemplaza la del archivo',
    maxPaths: 'Máximo de caminos de la regla de la cadena desarrollados uno por uno; con más, el parámetro se presenta en forma δ',
    format: 'Formatos a escribir, separados por comas: md, pdf, json (md si se omite)',
    out: 'Carpeta de salida (por omisión output/<nombre del archivo>)',
    paper: 'Tamaño de papel del PDF: a4 (por omisión) o letter (carta)',
    example: 'Solución de la red de la clase 6, truncada a 5 decimales',
  },
  homework: {
    describe: 'Genera una tarea distinta para cada estudiante, con sus soluciones y la clave de respuestas',
    spec: 'Archivo YAML de la tarea (por ejemplo exercises/tarea-clase6.yaml)',
    roster: 'Lista de estudiantes en CSV (id, nombre, correo), como la exporta Moodle o una hoja de cálculo',
    secret: 'Secreto del curso: con el mismo secreto, cada estudiante recibe siempre la misma variante. Por omisión, CADENA_SECRET o course-secret.txt en la carpeta de salida (se crea si no existe)',
    format: 'Formatos de las hojas y soluciones, separados por comas: md, pdf (ambos si se omite)',
    out: 'Carpeta de salida (por omisión output/<nombre del archivo de la tarea>)',
    csv: 'Formato de answer-key.csv: semicolon (punto y coma y coma decimal, para una hoja de cálculo en español; por omisión) o comma (coma y punto decimal)',
    example: 'Tarea de la clase 6 para la lista de ejemplo',
    variants: 'Variantes',
    documents: 'Documentos',
    secretCreated: (path) => `Se creó el secreto del curso en ${path}. Guárdalo: sin él no se pueden volver a generar las mismas variantes.`,
    secretEmpty: (path) => `El archivo del secreto del curso, ${path}, está vacío. Escribe el secreto en él o bórralo para crear uno nuevo (las variantes cambiarán).`,
    secretUnreadable: (path, code) =>
      `No se pudo leer el secreto del curso en ${path} (${code}): debe ser un archivo de texto de a lo sumo 4 KiB. Revisa el archivo o da el secreto con --secret.`,
    unprintable: (where, character) =>
      `${where}: el carácter «${character}» (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) no está en las fuentes del PDF, que cubren el alfabeto latino, el griego y el cirílico. Escríbelo con esas letras, o genera solo Markdown con --format md.`,
    rosterLine: (file, line) => `${file}, línea ${line}`,
    outsideOutput: (folder, real) =>
      `La carpeta ${folder} es un enlace a ${real}, fuera de la carpeta de salida; cadena no escribe fuera de ella. Quita el enlace o elige otra carpeta con --out.`,
    secretChanged: (key) =>
      `${key} se generó con otro secreto del curso: con este, todas las variantes cambiarían. Da el mismo secreto, o elige otra carpeta con --out.`,
    secretMissing: (folder) =>
      `${folder} ya tiene una clave de respuestas, generada con un secreto dado con --secret o CADENA_SECRET. Dalo otra vez; con un secreto nuevo cambiarían todas las variantes.`,
    secretMismatch: (path) =>
      `El secreto dado con --secret o CADENA_SECRET no es el de ${path}, con el que se generó esta carpeta: todas las variantes cambiarían. Usa el mismo secreto, otra carpeta con --out, o borra ese archivo si de verdad quieres variantes nuevas.`,
    done: (students, folder) => (students === 1 ? `Tarea de 1 estudiante escrita en ${folder}.` : `Tareas de ${students} estudiantes escritas en ${folder}.`),
  },
  grade: {
    describe: 'Corrige las respuestas que los estudiantes enviaron por correo: planilla de notas, devoluciones e informe',
    key: 'answer-key.json que escribió `cadena homework`',
    mail: 'Correos exportados: un archivo mbox, un .eml o una carpeta de archivos .eml (solo se leen)',
    deadline: 'Fecha límite en ISO 8601 con la diferencia con UTC (2026-12-18T23:59:00-03:00); por omisión, la de la clave',
    out: 'Carpeta de salida (por omisión correccion/ junto a la clave)',
    csv: 'Formato de gradebook.csv: semicolon (por omisión, para una hoja de cálculo en español) o comma',
    roundingPoints: 'Puntos de un resultado con error de redondeo, de 0 a 1 (0,5 por omisión)',
    example: 'Corrige la tarea de la clase 6',
    messages: 'Correos',
    badDeadline: (text) => `La fecha límite «${text}» no es válida: escríbela en ISO 8601 con la diferencia con UTC, como 2026-12-18T23:59:00-03:00.`,
    done: (graded, students, folder) => `Se corrigieron ${graded} de ${students} estudiantes; resultados en ${folder}.`,
  },
  lab: {
    describe: 'Escribe un apunte de laboratorio: experimentos de entrenamiento (por ejemplo XOR), pasos de los optimizadores y problemas del gradiente',
    spec: 'Archivo YAML del laboratorio (por ejemplo exercises/xor.yaml)',
    format: 'Formatos a escribir, separados por comas: md, pdf (los dos si se omite)',
    out: 'Carpeta de salida (por omisión output/<nombre del archivo>)',
    paper: 'Tamaño de papel del PDF: a4 (por omisión) o letter (carta)',
    seeds: 'Semillas por configuración; reemplaza `seeds` del archivo (por ejemplo 3 para un borrador rápido)',
    example: 'Los experimentos de XOR de la clase 6',
    runs: 'Entrenamientos',
    done: (runs, file) => `${runs === 1 ? '1 entrenamiento' : `${runs} entrenamientos`}; apunte en ${file}.`,
    tooMuchWork: (file, seeds, reason) => `El archivo ${file} con --seeds ${seeds}: ${reason}`,
    badFormula: (file, field, tex, reason) =>
      `El archivo ${file}, \`${field}\`: la fórmula «${tex}» no es TeX válido (${reason}). Corrígela en el archivo, o quita los signos $ si no es una fórmula.`,
    badParameter: (file, parameter, reason) =>
      `El archivo ${file}, \`optimizer_steps.parameter\`: «${parameter}» no es un símbolo de TeX válido (${reason}). Escribe un símbolo como w o w_{1,1}^{[1]}, con las llaves cerradas.`,
  },
  handout: {
    describe: 'Escribe un solo apunte con la solución desarrollada de una red y después el laboratorio',
    lab: 'Archivo YAML del laboratorio (por ejemplo exercises/xor.yaml)',
    network: 'Archivo YAML o JSON de la red que se desarrolla (por ejemplo exercises/clase6.yaml)',
    out: 'Carpeta de salida (por omisión output/<nombre del archivo del laboratorio>)',
    example: 'La clase 6 completa: retropropagación de la red 2-2-2 y experimentos con XOR',
    fileBase: 'apunte',
    labHeading: 'Experimentos',
    done: (runs, file) => `${runs === 1 ? '1 entrenamiento' : `${runs} entrenamientos`}; apunte completo en ${file}.`,
  },
  seedsRange: 'debe ser un número entero de 1 a 1000',
  fractionRange: 'debe ser un número de 0 a 1',
  wrote: (path) => `Escrito: ${path}`,
  unknownParameter: (text) =>
    `No se reconoce el parámetro «${text}» de --param. Escríbelo como w11^[1] (peso de la neurona 1, entrada 1, capa 1), w_{1,2}^{[2]}, b^[1] (sesgo compartido) o b2^[1] (sesgo de la neurona 2).`,
  unknownFormat: (text, accepted) => `El formato «${text}» de --format no existe; usa uno o varios de: ${accepted}.`,
  invalidNumberOption: (option, text, requirement) => `El valor «${text}» de ${option} no es válido: ${requirement}.`,
  positiveNumber: 'debe ser un número finito mayor que 0',
  digitsRange: 'debe ser un entero entre 0 y 12',
  maxPathsRange: (limit) => `debe ser un entero de 1 a ${limit}`,
  seeHelp: 'Usa --help para ver las opciones.',
  emptyValue: (option) => `El valor de ${option} está vacío; escribe uno o quita la opción.`,
  wouldOverwriteInput: (path) => `La salida ${path} es el archivo de entrada; cadena nunca cambia sus entradas. Elige otra carpeta con --out.`,
  yargsStrings: {
    string: 'texto',
    array: 'lista',
    boolean: 'sí/no',
    number: 'número',
    required: 'obligatorio',
    'default:': 'por omisión:',
    'choices:': 'valores:',
    'Show help': 'Muestra esta ayuda',
    'Not enough non-option arguments: got %s, need at least %s': {
      one: 'Falta el comando o el archivo: se recibieron %s argumentos y se necesita al menos %s.',
      other: 'Falta el comando o el archivo: se recibieron %s argumentos y se necesitan al menos %s.',
    },
    'Argument: %s, Given: %s, Choices: %s': 'La opción --%s no acepta %s; los valores válidos son: %s.',
    'Unknown argument: %s': { one: 'Opción o argumento desconocido: %s.', other: 'Opciones o argumentos desconocidos: %s.' },
    'Invalid values:': 'Valor no válido.',
    'Missing required argument: %s': {
      one: 'Falta la opción obligatoria --%s.',
      other: 'Faltan las opciones obligatorias --%s.',
    },
  },
  didYouMean: (option) => `¿Quisiste decir --${option}?`,
  internalError: (detail) =>
    `Error interno de cadena (es un defecto del programa, no de tus archivos): ${detail}. Repórtalo con el comando que usaste y el archivo de entrada.`,
  writeFailed: (path, code) => {
    const reasons: Record<string, string> = {
      EACCES: 'no hay permiso de escritura',
      EPERM: 'no hay permiso de escritura',
      EROFS: 'el sistema de archivos es de solo lectura',
      ENOSPC: 'el disco está lleno',
      EEXIST: 'una parte de la ruta ya existe y es un archivo, no una carpeta',
      ENOTDIR: 'una parte de la ruta es un archivo, no una carpeta',
      EISDIR: 'ya existe una carpeta con ese nombre',
    };
    return `No se pudo escribir ${path}: ${reasons[code] ?? code}. Elige otra carpeta con --out.`;
  },
};

const en: CliMessages = {
  usage: 'Usage: $0 <command> [options]',
  epilogue: 'Documentation: README.md. Messages and documents are in Spanish unless --lang en is given.',
  lang: 'Language of messages and documents (es or en)',
  quiet: 'Do not print progress messages',
  derive: {
    describe: 'Write the worked backpropagation solution of a network',
    spec: 'YAML or JSON file with the network, the learning rate and the number format',
    param: 'Derive only these parameters, in this order (for example w11^[1] b^[2]); all when omitted',
    digits: 'Decimals of the printed numbers (0 to 12)',
    rounding: 'How numbers are shortened: round, or truncate (as on the slides)',
    decimalComma: 'Write numbers with a decimal comma (0,29) instead of a decimal point (0.29)',
    lr: 'Learning rate η; overrides the one in the file',
    maxPaths: 'Most chain-rule paths worked out one by one; a parameter with more is shown in δ-form',
    format: 'Formats to write, comma-separated: md, pdf, json (md when omitted)',
    out: 'Output folder (default output/<file name>)',
    paper: 'Paper size of the PDF: a4 (default) or letter',
    example: 'Solution of the class 6 network, truncated to 5 decimals',
  },
  homework: {
    describe: 'Generate a different homework for every student, with its solutions and the answer key',
    spec: 'Homework YAML file (for example exercises/tarea-clase6.yaml)',
    roster: 'Class roster as CSV (id, name, e-mail), as Moodle or a spreadsheet exports it',
    secret: 'Course secret: with the same secret, each student always gets the same variant. By default CADENA_SECRET, or course-secret.txt in the output folder (created when missing)',
    format: 'Formats of the sheets and solutions, comma-separated: md, pdf (both when omitted)',
    out: 'Output folder (default output/<homework file name>)',
    csv: 'Format of answer-key.csv: semicolon (semicolons and decimal commas, for a Spanish spreadsheet; the default) or comma (commas and decimal points)',
    example: 'The class 6 homework for the example roster',
    variants: 'Variants',
    documents: 'Documents',
    secretCreated: (path) => `Created the course secret in ${path}. Keep it: without it the same variants cannot be generated again.`,
    secretEmpty: (path) => `The course secret file, ${path}, is empty. Write the secret in it, or delete it to create a new one (the variants will change).`,
    secretUnreadable: (path, code) =>
      `Could not read the course secret in ${path} (${code}): it must be a text file of at most 4 KiB. Check the file, or give the secret with --secret.`,
    unprintable: (where, character) =>
      `${where}: the character «${character}» (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the PDF fonts, which cover the Latin, Greek and Cyrillic alphabets. Write it with those letters, or write Markdown only with --format md.`,
    rosterLine: (file, line) => `${file}, line ${line}`,
    outsideOutput: (folder, real) =>
      `The folder ${folder} is a link to ${real}, outside the output folder; cadena does not write outside it. Remove the link, or choose another folder with --out.`,
    secretChanged: (key) =>
      `${key} was made with another course secret: with this one, every variant would change. Give the same secret, or choose another folder with --out.`,
    secretMissing: (folder) =>
      `${folder} already holds an answer key, made with a secret given by --secret or CADENA_SECRET. Give it again: a new secret would change every variant.`,
    secretMismatch: (path) =>
      `The secret given with --secret or CADENA_SECRET is not the one in ${path}, which this folder was made with: every variant would change. Use the same secret, another folder with --out, or delete that file if you really want new variants.`,
    done: (students, folder) => `Homework for ${students} ${students === 1 ? 'student' : 'students'} written to ${folder}.`,
  },
  grade: {
    describe: 'Grade the answers students sent by e-mail: gradebook, feedback and report',
    key: 'The answer-key.json that `cadena homework` wrote',
    mail: 'Exported e-mail: an mbox file, one .eml, or a folder of .eml files (only read)',
    deadline: 'Deadline in ISO 8601 with its UTC offset (2026-12-18T23:59:00-03:00); the key’s by default',
    out: 'Output folder (default correccion/ beside the key)',
    csv: 'Format of gradebook.csv: semicolon (the default, for a Spanish spreadsheet) or comma',
    roundingPoints: 'Points for a result off by rounding, from 0 to 1 (0.5 by default)',
    example: 'Grade the class 6 homework',
    messages: 'E-mails',
    badDeadline: (text) => `The deadline "${text}" is not valid: write it in ISO 8601 with its UTC offset, such as 2026-12-18T23:59:00-03:00.`,
    done: (graded, students, folder) => `Graded ${graded} of ${students} students; results in ${folder}.`,
  },
  lab: {
    describe: 'Write a lab handout: training experiments (XOR, for example), optimizer steps and gradient problems',
    spec: 'YAML file of the lab (for example exercises/xor.yaml)',
    format: 'Formats to write, separated by commas: md, pdf (both by default)',
    out: 'Output folder (default output/<file name>)',
    paper: 'Paper size of the PDF: a4 (default) or letter',
    seeds: 'Seeds per setting; replaces the file\'s `seeds` (3, say, for a quick draft)',
    example: 'The XOR experiments of class 6',
    runs: 'Training runs',
    done: (runs, file) => `${runs === 1 ? '1 training run' : `${runs} training runs`}; handout in ${file}.`,
    tooMuchWork: (file, seeds, reason) => `File ${file} with --seeds ${seeds}: ${reason}`,
    badFormula: (file, field, tex, reason) =>
      `File ${file}, \`${field}\`: the formula "${tex}" is not valid TeX (${reason}). Fix it in the file, or remove the $ signs if it is not a formula.`,
    badParameter: (file, parameter, reason) =>
      `File ${file}, \`optimizer_steps.parameter\`: "${parameter}" is not a valid TeX symbol (${reason}). Write a symbol such as w or w_{1,1}^{[1]}, with its braces closed.`,
  },
  handout: {
    describe: 'Write one handout with the worked solution of a network followed by the lab',
    lab: 'YAML file of the lab (for example exercises/xor.yaml)',
    network: 'YAML or JSON file of the network to work through (for example exercises/clase6.yaml)',
    out: 'Output folder (default output/<lab file name>)',
    example: 'All of class 6: backpropagation of the 2-2-2 network and the XOR experiments',
    fileBase: 'handout',
    labHeading: 'Experiments',
    done: (runs, file) => `${runs === 1 ? '1 training run' : `${runs} training runs`}; full handout in ${file}.`,
  },
  seedsRange: 'it must be a whole number from 1 to 1000',
  fractionRange: 'it must be a number from 0 to 1',
  wrote: (path) => `Wrote ${path}`,
  unknownParameter: (text) =>
    `Parameter "${text}" of --param is not recognized. Write it as w11^[1] (weight of neuron 1, input 1, layer 1), w_{1,2}^{[2]}, b^[1] (shared bias) or b2^[1] (bias of neuron 2).`,
  unknownFormat: (text, accepted) => `Format "${text}" of --format does not exist; use one or more of: ${accepted}.`,
  invalidNumberOption: (option, text, requirement) => `Value "${text}" of ${option} is invalid: ${requirement}.`,
  positiveNumber: 'it must be a finite number greater than 0',
  digitsRange: 'it must be an integer from 0 to 12',
  maxPathsRange: (limit) => `it must be an integer from 1 to ${limit}`,
  seeHelp: 'Run with --help to see the options.',
  emptyValue: (option) => `The value of ${option} is empty; give one or leave the option out.`,
  wouldOverwriteInput: (path) => `Output ${path} is the input file, and cadena never changes its inputs. Choose another folder with --out.`,
  yargsStrings: {
    'Unknown argument: %s': { one: 'Unknown argument: %s.', other: 'Unknown arguments: %s.' },
    'Missing required argument: %s': { one: 'Missing the required option --%s.', other: 'Missing the required options --%s.' },
  },
  didYouMean: (option) => `Did you mean --${option}?`,
  internalError: (detail) =>
    `Internal error in cadena (a bug in the program, not in your files): ${detail}. Please report it with the command you ran and the input file.`,
  writeFailed: (path, code) => {
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      EEXIST: 'part of the path already exists as a file, not a folder',
      ENOTDIR: 'part of the path is a file, not a folder',
      EISDIR: 'a folder with that name already exists',
    };
    return `Could not write ${path}: ${reasons[code] ?? code}. Choose another folder with --out.`;
  },
};

export const cliMessages: Bilingual<CliMessages> = { es, en };

import { readFileSync, statSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { userError, UserError } from '../errors.js';
import type { Bilingual } from '../i18n/lang.js';
import type { Student } from './spec.js';
import { fileReadError } from '../io/read-errors.js';

/** Maximum roster file size. At an estimated 100 bytes a row, 5 MiB is some 50,000 students. */
const maxRosterBytes = 5 * 1024 * 1024;

/** Maximum id length in characters, because the caller turns ids into file names. */
const maxIdLength = 64;

/** Maximum length of a value quoted in full in a message. */
const maxShownLength = 60;

/** Column separators tried on the header line, in order of preference when several fit. */
const delimiters = [',', ';', '\t'] as const;
type Delimiter = (typeof delimiters)[number];

type HeaderRole = 'id' | 'name' | 'firstName' | 'lastName' | 'email';

/** Accepted column names per role, as shown in messages. Matching ignores case, accents and `_`. */
const headerAliases: Record<HeaderRole, readonly string[]> = {
  id: ['id', 'student_id', 'id number', 'número de id', 'matrícula', 'legajo', 'carnet', 'código'],
  name: ['name', 'nombre', 'full name', 'nombre completo', 'student', 'estudiante', 'alumno'],
  firstName: ['first name', 'nombre(s)', 'nombres'],
  lastName: ['surname', 'last name', 'apellido(s)', 'apellidos', 'apellido', 'apellido paterno', 'apellido materno', 'primer apellido', 'segundo apellido'],
  email: ['email', 'e-mail', 'correo', 'correo electrónico', 'email address', 'dirección de correo', 'dirección de correo electrónico'],
};

/** Full-name aliases that mean the first name when the file also has a surname column. */
const bareNameHeaders = new Set(['name', 'nombre']);

const roleByHeader = new Map<string, HeaderRole>(
  Object.entries(headerAliases).flatMap(([role, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias), role as HeaderRole] as const),
  ),
);

// zod's default pattern (ASCII, with a dot in the domain), or accented letters
// (josé@example.edu), as international mail allows, still with a dot in the domain.
export const emailSchema = z.union([z.email(), z.email({ pattern: z.regexes.unicodeEmail }).regex(/@[^@]+\.[^@.]+$/)]);

interface Column {
  readonly index: number;
  /** The header as written, trimmed. */
  readonly header: string;
}

type NameColumns =
  | { readonly kind: 'full'; readonly column: Column }
  /** Several surname columns (paterno, materno) are joined in file order. */
  | { readonly kind: 'split'; readonly first: Column; readonly last: readonly Column[] };

interface RosterColumns {
  readonly id: Column;
  readonly name: NameColumns;
  readonly email: Column;
}

/** A CSV record with its fields trimmed and the 1-based line where it starts. */
interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Parses a class roster exported by Moodle or a spreadsheet as CSV: a header row and one
 * student per row. Bytes that are not UTF-8 are read as windows-1252, and the separator
 * (comma, semicolon or tab) is the one that splits the header into known columns. Values
 * are trimmed and otherwise kept as written. `fileName` is used only in messages.
 * Throws a UserError for any problem in the file.
 */
export function parseRoster(bytes: Uint8Array | string, fileName: string): Student[] {
  const text = decodeRoster(bytes).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw emptyFileError(fileName);

  const delimiter = detectDelimiter(text, fileName);
  const [header, ...rows] = readRecords(text, delimiter, fileName);
  if (header === undefined) throw emptyFileError(fileName);

  const columns = resolveColumns(header, delimiter, fileName);
  const lines = text.split('\n');
  const students: Student[] = [];
  for (const row of rows) {
    if (row.fields.every((field) => field === '')) continue;
    if (row.fields.length !== header.fields.length) {
      throw fieldCountError(fileName, row, header, delimiter, lines[row.line - 1] ?? '');
    }
    students.push(readStudent(row, columns, fileName));
  }

  if (students.length === 0) throw noStudentsError(fileName, header.line);
  rejectDuplicates(students, columns, fileName);
  return students;
}

/**
 * Reads a roster file, opened read-only, and parses it with parseRoster. Messages name the
 * file as `displayName`, by default the path as given.
 */
export function loadRoster(path: string, displayName: string = path): Student[] {
  return parseRoster(readRosterFile(path, displayName), displayName);
}

function readRosterFile(path: string, displayName: string): Uint8Array {
  try {
    // Only regular files are read, because a FIFO would block and /dev/zero would never end.
    const stats = statSync(path);
    if (stats.isDirectory()) throw folderError(displayName);
    if (!stats.isFile()) throw notRegularFileError(displayName);
    if (stats.size > maxRosterBytes) throw tooLargeError(displayName, stats.size);
    return readFileSync(path, { flag: 'r' });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileReadError(displayName, error, () => folderError(displayName));
  }
}

function decodeRoster(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input;

  // Excel's "Unicode text" export is UTF-16 with a byte order mark, which TextDecoder drops.
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input);
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input);

  try {
    // TextDecoder drops a leading UTF-8 byte order mark by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // NOTE: every byte sequence is valid windows-1252, so a file in another legacy encoding
    // (Mac Roman, UTF-16 without a byte order mark) loads with garbled names, not an error.
    return new TextDecoder('windows-1252').decode(input);
  }
}

/** Lowercases, drops accents, reads `_` as a space and collapses spaces. */
function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Picks the separator whose split of the header line has the most known columns, and on a
 * tie the most columns. Throws the header's CSV error when no separator can read it.
 */
function detectDelimiter(text: string, fileName: string): Delimiter {
  let best: { delimiter: Delimiter; roles: number; fields: number } | undefined;
  let firstError: unknown;

  for (const delimiter of delimiters) {
    let header: CsvRecord | undefined;
    try {
      [header] = readRecords(text, delimiter, fileName, 1);
    } catch (error) {
      firstError ??= error;
      continue;
    }
    if (header === undefined) continue;

    const roles = new Set(header.fields.map((field) => roleByHeader.get(normalizeHeader(field))));
    roles.delete(undefined);
    const fields = header.fields.length;
    if (best === undefined || roles.size > best.roles || (roles.size === best.roles && fields > best.fields)) {
      best = { delimiter, roles: roles.size, fields };
    }
  }

  if (best === undefined) throw firstError;
  return best.delimiter;
}

/**
 * Reads the records, or only the first `maxRecords`, with csv-parse. Blank lines are skipped and fields are
 * trimmed, so a record of only empty fields is a blank row that the caller skips.
 * Throws csv-parse's errors as UserErrors.
 */
function readRecords(text: string, delimiter: Delimiter, fileName: string, maxRecords?: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  let lastLine = 0;

  try {
    parse(text, {
      delimiter,
      record_delimiter: '\n',
      trim: true,
      skip_empty_lines: true,
      // Quotes inside an unquoted value, as in `Juan "Juancho" Pérez`, are kept as written.
      relax_quotes: true,
      // A row of the wrong length is reported by parseRoster, with the line where it starts.
      relax_column_count: true,
      ...(maxRecords === undefined ? {} : { to: maxRecords }),
      on_record: (fields, context) => {
        // context.lines is where the record ends. It starts one line earlier per newline in its quoted values.
        const spannedLines = fields.reduce((count, field) => count + countNewlines(field), 0);
        records.push({ fields: fields.map((field) => field.trim()), line: context.lines - spannedLines });
        lastLine = context.lines;
        return fields;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw csvSyntaxError(fileName, error, text, lastLine, delimiter);
    throw error;
  }

  return records;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count += 1;
  return count;
}

function resolveColumns(header: CsvRecord, delimiter: Delimiter, fileName: string): RosterColumns {
  const byRole: Record<HeaderRole, Column[]> = { id: [], name: [], firstName: [], lastName: [], email: [] };
  header.fields.forEach((field, index) => {
    const role = roleByHeader.get(normalizeHeader(field));
    if (role !== undefined) byRole[role].push({ index, header: field });
  });

  for (const role of ['id', 'name', 'firstName', 'email'] as const) {
    const [first, second] = byRole[role];
    if (first !== undefined && second !== undefined) throw ambiguousColumnsError(fileName, header.line, role, first, second);
  }

  const id = byRole.id[0];
  const name = resolveNameColumns(byRole);
  const email = byRole.email[0];
  if (id === undefined || name === undefined || email === undefined) {
    const missing: HeaderRole[] = [];
    if (id === undefined) missing.push('id');
    if (name === undefined) missing.push('name');
    if (email === undefined) missing.push('email');
    throw missingColumnsError(fileName, header, missing, delimiter);
  }

  return { id, name, email };
}

/**
 * Returns the full-name column, or a first-name and surname pair. With a surname column, a
 * column titled just `Nombre` or `Name` is the first name, as in `Nombre;Apellidos`.
 */
function resolveNameColumns(byRole: Record<HeaderRole, Column[]>): NameColumns | undefined {
  const full = byRole.name[0];
  if (byRole.lastName.length > 0) {
    const bareFull = full !== undefined && bareNameHeaders.has(normalizeHeader(full.header)) ? full : undefined;
    const first = byRole.firstName[0] ?? bareFull;
    // A full name other than the one read as the first name already contains the surname.
    if (first !== undefined && (full === undefined || full === first)) {
      return { kind: 'split', first, last: byRole.lastName };
    }
  }
  if (full === undefined) return undefined;
  return { kind: 'full', column: full };
}

function readStudent(row: CsvRecord, columns: RosterColumns, fileName: string): Student {
  const id = requireValue(row, 'id', columns.id, fileName);
  checkId(id, row.line, columns.id, fileName);

  const name = readName(row, columns.name, fileName);

  const email = requireValue(row, 'email', columns.email, fileName);
  if (!emailSchema.safeParse(email).success) throw invalidEmailError(fileName, row.line, columns.email, email);

  return { id, name, email, line: row.line };
}

function requireValue(row: CsvRecord, role: HeaderRole, column: Column, fileName: string): string {
  const value = row.fields[column.index] ?? '';
  if (value === '') throw emptyValueError(fileName, row.line, role, [column]);
  return value;
}

function readName(row: CsvRecord, columns: NameColumns, fileName: string): string {
  const used = columns.kind === 'full' ? [columns.column] : [columns.first, ...columns.last];
  const name = used
    .map((column) => row.fields[column.index] ?? '')
    .filter((part) => part !== '')
    .join(' ');
  if (name === '') throw emptyValueError(fileName, row.line, 'name', used);

  const control = controlCharacter(name);
  if (control !== undefined) throw controlCharacterError(fileName, row.line, used, name, control);
  return name;
}

function checkId(id: string, line: number, column: Column, fileName: string): void {
  const control = controlCharacter(id);
  if (control !== undefined) throw controlCharacterError(fileName, line, [column], id, control);

  const length = [...id].length;
  if (length > maxIdLength) throw longIdError(fileName, line, column, id, length);
}

function controlCharacter(text: string): string | undefined {
  return /\p{Cc}/u.exec(text)?.[0];
}

/** Rejects a repeated id or e-mail, both compared ignoring case. */
function rejectDuplicates(students: readonly Student[], columns: RosterColumns, fileName: string): void {
  const byId = new Map<string, Student>();
  const byEmail = new Map<string, Student>();

  for (const student of students) {
    const idKey = student.id.normalize('NFC').toLowerCase();
    const sameId = byId.get(idKey);
    if (sameId !== undefined) throw duplicateError(fileName, 'id', columns.id, sameId, student);
    byId.set(idKey, student);

    const emailKey = student.email.toLowerCase();
    const sameEmail = byEmail.get(emailKey);
    if (sameEmail !== undefined) throw duplicateError(fileName, 'email', columns.email, sameEmail, student);
    byEmail.set(emailKey, student);
  }
}

// Messages

/** Quotes a value as written, shortened, with control characters escaped so they show. */
function shown(value: string): string {
  const escaped = value.replace(/\p{Cc}/gu, (character) => JSON.stringify(character).slice(1, -1));
  const short = escaped.length > maxShownLength ? `${escaped.slice(0, maxShownLength - 1)}…` : escaped;
  return `"${short}"`;
}

function shownColumns(columns: readonly Column[]): string {
  return columns.map((column) => shown(column.header)).join(' + ');
}

function located(fileName: string, line: number, columns?: readonly Column[]): Bilingual<string> {
  if (columns === undefined) return { es: `El archivo ${fileName}, línea ${line}`, en: `File ${fileName}, line ${line}` };
  const noun = columns.length > 1 ? { es: 'columnas', en: 'columns' } : { es: 'columna', en: 'column' };
  return {
    es: `El archivo ${fileName}, línea ${line}, ${noun.es} ${shownColumns(columns)}`,
    en: `File ${fileName}, line ${line}, ${noun.en} ${shownColumns(columns)}`,
  };
}

const roleNames: Record<HeaderRole, Bilingual<string>> = {
  id: { es: 'el id', en: 'the id' },
  name: { es: 'el nombre', en: 'the name' },
  firstName: { es: 'el nombre de pila', en: 'the first name' },
  lastName: { es: 'el apellido', en: 'the surname' },
  email: { es: 'el correo', en: 'the e-mail address' },
};

function delimiterName(delimiter: Delimiter): Bilingual<string> {
  if (delimiter === ',') return { es: 'la coma', en: 'the comma' };
  if (delimiter === ';') return { es: 'el punto y coma', en: 'the semicolon' };
  return { es: 'el tabulador', en: 'the tab' };
}

function emptyFileError(fileName: string): UserError {
  return userError(
    `El archivo ${fileName} está vacío. La primera línea debe tener los encabezados, por ejemplo \`matrícula,nombre,correo\`, y cada línea siguiente un estudiante.`,
    `File ${fileName} is empty. The first line must contain the headers, for example \`id,name,email\`, and each following line one student.`,
  );
}

function noStudentsError(fileName: string, headerLine: number): UserError {
  return userError(
    `El archivo ${fileName} no tiene estudiantes: solo contiene la línea de encabezados (línea ${headerLine}). Agrega debajo una línea por estudiante.`,
    `File ${fileName} has no students: it contains only the header line (line ${headerLine}). Add one line per student below it.`,
  );
}

function acceptedNames(role: HeaderRole): string {
  return headerAliases[role].map((alias) => `"${alias}"`).join(', ');
}

function missingColumnsError(fileName: string, header: CsvRecord, missing: readonly HeaderRole[], delimiter: Delimiter): UserError {
  const found = header.fields.map(shown).join(', ');
  const es: string[] = [`El archivo ${fileName}, línea ${header.line}: faltan columnas en el encabezado.`];
  const en: string[] = [`File ${fileName}, line ${header.line}: the header is missing columns.`];

  for (const role of missing) {
    if (role === 'name') {
      es.push(
        `Falta el nombre: una columna llamada ${acceptedNames('name')}, o bien una de nombre de pila (${acceptedNames('firstName')}) y otra de apellido (${acceptedNames('lastName')}).`,
      );
      en.push(
        `Missing the name: a column named ${acceptedNames('name')}, or else a first-name column (${acceptedNames('firstName')}) and a surname column (${acceptedNames('lastName')}).`,
      );
    } else {
      es.push(`Falta ${roleNames[role].es}: una columna llamada ${acceptedNames(role)}.`);
      en.push(`Missing ${roleNames[role].en}: a column named ${acceptedNames(role)}.`);
    }
  }

  es.push(`Columnas encontradas: ${found}.`);
  en.push(`Columns found: ${found}.`);
  if (header.fields.length === 1) {
    const separator = delimiterName(delimiter);
    es.push(`Solo se encontró una columna, así que revisa el separador: debe ser la coma, el punto y coma o el tabulador (se leyó con ${separator.es}).`);
    en.push(`Only one column was found, so check the separator: it must be the comma, the semicolon or the tab (read with ${separator.en}).`);
  }
  es.push('Cambia el encabezado de cada columna que falta a uno de los nombres aceptados (sin importar mayúsculas ni tildes).');
  en.push('Rename the header of each missing column to one of the accepted names (case and accents are ignored).');
  return userError(es.join(' '), en.join(' '));
}

function ambiguousColumnsError(fileName: string, line: number, role: HeaderRole, first: Column, second: Column): UserError {
  const where = located(fileName, line);
  return userError(
    `${where.es}: las columnas ${shown(first.header)} y ${shown(second.header)} indican ambas ${roleNames[role].es} del estudiante. Deja una sola o cambia el encabezado de la otra.`,
    `${where.en}: columns ${shown(first.header)} and ${shown(second.header)} both give ${roleNames[role].en} of the student. Keep only one, or rename the header of the other.`,
  );
}

function fieldCountError(fileName: string, row: CsvRecord, header: CsvRecord, delimiter: Delimiter, written: string): UserError {
  const where = located(fileName, row.line);
  const separator = delimiterName(delimiter);
  const counts = { row: row.fields.length, header: header.fields.length };
  return userError(
    `${where.es}: la fila ${shown(written)} tiene ${counts.row} campos, pero el encabezado (línea ${header.line}) tiene ${counts.header}. El separador de este archivo es ${separator.es}: revisa que no falte ni sobre ninguno y que los valores que lo contienen estén entre comillas dobles.`,
    `${where.en}: row ${shown(written)} has ${counts.row} fields, but the header (line ${header.line}) has ${counts.header}. The separator of this file is ${separator.en}: check that none is missing or extra, and that values containing it are enclosed in double quotes.`,
  );
}

function emptyValueError(fileName: string, line: number, role: HeaderRole, columns: readonly Column[]): UserError {
  const where = located(fileName, line, columns);
  return userError(
    `${where.es}: falta ${roleNames[role].es} del estudiante. Complétalo o borra la línea si no es un estudiante.`,
    `${where.en}: ${roleNames[role].en} of the student is missing. Fill it in, or delete the line if it is not a student.`,
  );
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function controlCharacterError(fileName: string, line: number, columns: readonly Column[], value: string, control: string): UserError {
  const where = located(fileName, line, columns);
  return userError(
    `${where.es}: el valor ${shown(value)} contiene un carácter de control (${codePoint(control)}), como un salto de línea o un tabulador. Escríbelo en una sola línea, solo con caracteres visibles y espacios.`,
    `${where.en}: the value ${shown(value)} contains a control character (${codePoint(control)}), such as a line break or a tab. Write it on one line, with only visible characters and spaces.`,
  );
}

function longIdError(fileName: string, line: number, column: Column, id: string, length: number): UserError {
  const where = located(fileName, line, [column]);
  return userError(
    `${where.es}: el id ${shown(id)} tiene ${length} caracteres, más que el máximo de ${maxIdLength}. Usa un id más corto, como la matrícula.`,
    `${where.en}: the id ${shown(id)} has ${length} characters, more than the maximum of ${maxIdLength}. Use a shorter id, such as the student number.`,
  );
}

function invalidEmailError(fileName: string, line: number, column: Column, email: string): UserError {
  const where = located(fileName, line, [column]);
  return userError(
    `${where.es}: ${shown(email)} no es una dirección de correo válida. Escribe la dirección completa, como ana.perez@example.edu.`,
    `${where.en}: ${shown(email)} is not a valid e-mail address. Write the full address, such as ana.perez@example.edu.`,
  );
}

function duplicateError(fileName: string, role: 'id' | 'email', column: Column, earlier: Student, later: Student): UserError {
  const where = located(fileName, later.line, [column]);
  const value = { earlier: role === 'id' ? earlier.id : earlier.email, later: role === 'id' ? later.id : later.email };
  const noun = role === 'id' ? { es: 'el id', en: 'the id' } : { es: 'el correo', en: 'the e-mail address' };
  return userError(
    `${where.es}: ${noun.es} ${shown(value.later)} repite el de la línea ${earlier.line} (${shown(value.earlier)}), sin importar mayúsculas. Cada estudiante necesita uno distinto: corrige una de las dos líneas o borra la repetida.`,
    `${where.en}: ${noun.en} ${shown(value.later)} repeats the one on line ${earlier.line} (${shown(value.earlier)}), ignoring case. Each student needs a different one: fix one of the two lines or delete the repeated one.`,
  );
}

/** Translates csv-parse's error. `lastLine` is the line where the last complete record ends. */
function csvSyntaxError(fileName: string, error: CsvError, text: string, lastLine: number, delimiter: Delimiter): UserError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the last line of the file. The unclosed record starts on the first
    // non-blank line after the last complete record.
    const line = firstNonBlankLine(text, lastLine + 1);
    const where = located(fileName, line);
    return userError(
      `${where.es}: unas comillas dobles (") abren un valor que no se cierra antes del final del archivo. Cierra las comillas de ese valor. Dentro de un valor entre comillas, escribe cada comilla como dos ("").`,
      `${where.en}: a double quote (") opens a value that is not closed before the end of the file. Close the quotes of that value. Inside a quoted value, write each quote as two ("").`,
    );
  }

  const line = typeof error['lines'] === 'number' ? error['lines'] : lastLine + 1;
  const where = located(fileName, line);
  if (error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    const separator = delimiterName(delimiter);
    return userError(
      `${where.es}: después de las comillas que cierran un valor hay texto antes del separador, que en este archivo es ${separator.es}. Dentro de un valor entre comillas, escribe cada comilla como dos (""), o quita las comillas del valor.`,
      `${where.en}: text follows the closing quote of a value before the separator, which in this file is ${separator.en}. Inside a quoted value, write each quote as two (""), or remove the quotes around the value.`,
    );
  }
  return userError(
    `${where.es}: no se pudo leer como CSV (csv-parse dio el error ${error.code}). Revisa las comillas y los separadores de esa línea.`,
    `${where.en}: failed to read as CSV (csv-parse error ${error.code}). Check the quotes and separators on that line.`,
  );
}

function firstNonBlankLine(text: string, from: number): number {
  const lines = text.split('\n');
  for (let line = from; line <= lines.length; line += 1) {
    if ((lines[line - 1] ?? '').trim() !== '') return line;
  }
  return from;
}

function folderError(path: string): UserError {
  return userError(
    `${path} es una carpeta, no un archivo. Indica el archivo .csv de la lista de clase.`,
    `${path} is a folder, not a file. Give the .csv file of the class roster.`,
  );
}

function notRegularFileError(path: string): UserError {
  return userError(
    `${path} no es un archivo normal (es un dispositivo, una tubería o un socket). Indica el archivo .csv de la lista de clase.`,
    `${path} is not a regular file (it is a device, a pipe or a socket). Give the .csv file of the class roster.`,
  );
}

function tooLargeError(path: string, size: number): UserError {
  return userError(
    `El archivo ${path} mide ${size} bytes, más que el máximo de ${maxRosterBytes} (5 MiB) para una lista de clase. Revisa que sea el archivo .csv correcto.`,
    `File ${path} is ${size} bytes, more than the maximum of ${maxRosterBytes} (5 MiB) for a class roster. Check that it is the right .csv file.`,
  );
}

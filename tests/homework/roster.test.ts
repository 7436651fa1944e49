import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoster, parseRoster } from '../../src/homework/roster.js';
import { messagesOf, type Messages } from '../helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/rosters/', import.meta.url));
const exampleRoster = fileURLToPath(new URL('../../exercises/lista-clase6.csv', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'cadena-roster-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function rosterMessages(text: string | Uint8Array, fileName = 'lista.csv'): Messages {
  return messagesOf(() => parseRoster(text, fileName));
}

/** Checks that both messages contain every fact, and no parser text or stack trace. */
function expectFacts(messages: Messages, facts: { es: readonly string[]; en: readonly string[] }): void {
  for (const fact of facts.es) expect(messages.es).toContain(fact);
  for (const fact of facts.en) expect(messages.en).toContain(fact);
  for (const message of [messages.es, messages.en]) {
    expect(message).not.toMatch(/\n\s+at /);
    expect(message).not.toMatch(/Invalid Record Length|Quote Not Closed|Invalid Closing Quote|CsvError/);
  }
}

describe('parseRoster', () => {
  it('reads ids, names and e-mails', () => {
    const text = 'id,nombre,correo\nA01234567,Sofía Martínez,sofia@example.edu\nA01234568,Iñaki Agüero,inaki@example.com\n';
    expect(parseRoster(text, 'lista.csv')).toEqual([
      { id: 'A01234567', name: 'Sofía Martínez', email: 'sofia@example.edu', line: 2 },
      { id: 'A01234568', name: 'Iñaki Agüero', email: 'inaki@example.com', line: 3 },
    ]);
  });

  it('reads semicolons, BOM, CRLF and quotes', () => {
    // Line 1 header, 2 José, 3-5 Ana (her note spans three lines), 6 blank, 7 Begoña.
    const text =
      '\uFEFFMatrícula;Nombre completo;Correo;Notas\r\n' +
      'A01;"Núñez; José";jose@example.edu;\r\n' +
      'A02;"Ana ""la Peque"" Ruiz";ana@example.edu;"faltó\r\nel lunes;\r\ny el martes"\r\n' +
      '\r\n' +
      'A03;Begoña Ibáñez;begona@example.edu;ok\r\n';
    expect(parseRoster(text, 'lista.csv')).toEqual([
      { id: 'A01', name: 'Núñez; José', email: 'jose@example.edu', line: 2 },
      { id: 'A02', name: 'Ana "la Peque" Ruiz', email: 'ana@example.edu', line: 3 },
      { id: 'A03', name: 'Begoña Ibáñez', email: 'begona@example.edu', line: 7 },
    ]);
  });

  it('reads old Mac line breaks', () => {
    const students = parseRoster('id,name,email\rA01,Ana,ana@example.edu\rA02,Luis,luis@example.edu', 'lista.csv');
    expect(students.map((student) => student.line)).toEqual([2, 3]);
  });

  it('trims surrounding whitespace', () => {
    const text = '  id ,  name  , email \n  A01 , " Ana Pérez " ,  ana@example.edu  \n';
    expect(parseRoster(text, 'lista.csv')).toEqual([{ id: 'A01', name: 'Ana Pérez', email: 'ana@example.edu', line: 2 }]);
  });

  it('skips blank and empty rows', () => {
    const text = '\n\nid;name;email\n\n   \n;;\nA01;Ana;ana@example.edu\n ; ; \n\n';
    expect(parseRoster(text, 'lista.csv')).toEqual([{ id: 'A01', name: 'Ana', email: 'ana@example.edu', line: 7 }]);
  });

  it('keeps names and ids as written', () => {
    const text = [
      'id,name,email',
      '../a,../../etc/passwd,u0@example.edu',
      'b\\..,$x \\alpha {y} a_b ^c & 50% #1,u1@example.edu',
      '"c,d",Juan "Juancho" Peña,u2@example.edu',
      '{e}$,"Ñandú, ""el"" Güiraldes",u3@example.edu',
    ].join('\n');
    const students = parseRoster(text, 'lista.csv');
    expect(students.map((student) => student.id)).toEqual(['../a', 'b\\..', 'c,d', '{e}$']);
    expect(students.map((student) => student.name)).toEqual([
      '../../etc/passwd',
      '$x \\alpha {y} a_b ^c & 50% #1',
      'Juan "Juancho" Peña',
      'Ñandú, "el" Güiraldes',
    ]);
  });

  it('keeps e-mails as written', () => {
    const [student] = parseRoster('id,name,email\nA01,Ana, Ana.Perez@Example.EDU \n', 'lista.csv');
    expect(student?.email).toBe('Ana.Perez@Example.EDU');
  });

  it.each([
    ['ID,Name,Email'],
    [' Student_ID ; Full Name ; E-mail '],
    ['NÚMERO DE ID,Nombre Completo,Dirección de correo electrónico'],
    ['numero de id,alumno,direccion de correo'],
    ['Legajo;Estudiante;Correo electronico'],
    ['Carnet,Student,Email address'],
    ['Código,nombre,CORREO'],
    ['matricula\testudiante\te-mail'],
    ['id number,Nombre,Dirección de correo'],
  ])('matches header %s', (header) => {
    const delimiter = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
    const row = ['A01', 'Ana Pérez', 'ana@example.edu'].join(delimiter);
    expect(parseRoster(`${header}\n${row}\n`, 'lista.csv')).toEqual([
      { id: 'A01', name: 'Ana Pérez', email: 'ana@example.edu', line: 2 },
    ]);
  });

  it.each([
    ['First name,Surname,id,email', 'Ana,Pérez'],
    ['nombre(s),apellido(s),id,email', 'Ana,Pérez'],
    ['Nombres,Apellidos,id,email', 'Ana,Pérez'],
    ['Nombre,Apellidos,id,email', 'Ana,Pérez'],
    ['Name,Last name,id,email', 'Ana,Pérez'],
  ])('joins first and last name %s', (header, nameFields) => {
    const [student] = parseRoster(`${header}\n${nameFields},A01,ana@example.edu\n`, 'lista.csv');
    expect(student?.name).toBe('Ana Pérez');
  });

  it('joins both surname columns', () => {
    const text = 'Apellido paterno,Apellido materno,Nombre(s),Matrícula,Correo\nGüemes,Núñez,María José,A01,mj@example.edu\nRíos,,Luis,A02,luis@example.edu\n';
    const students = parseRoster(text, 'lista.csv');
    expect(students.map((student) => student.name)).toEqual(['María José Güemes Núñez', 'Luis Ríos']);
  });

  it('prefers a full name column', () => {
    const text = 'Nombres,Apellidos,Nombre completo,id,email\nAna,Pérez,Ana María Pérez Ruiz,A01,ana@example.edu\n';
    const [student] = parseRoster(text, 'lista.csv');
    expect(student?.name).toBe('Ana María Pérez Ruiz');
  });

  it('ignores extra columns', () => {
    const text = 'Grupo,id,Usuario,name,Última conexión,email\n3B,A01,aperez,Ana Pérez,"1 de marzo, 10:00",ana@example.edu\n';
    expect(parseRoster(text, 'lista.csv')).toEqual([{ id: 'A01', name: 'Ana Pérez', email: 'ana@example.edu', line: 2 }]);
  });

  it('picks the separator that fits the header', () => {
    // Commas inside the names would split the rows, but the header has only semicolons.
    const text = 'id;nombre;correo\nA01;Pérez, Ana;ana@example.edu\nA02;Ruiz, Luis;luis@example.edu\n';
    const students = parseRoster(text, 'lista.csv');
    expect(students.map((student) => student.name)).toEqual(['Pérez, Ana', 'Ruiz, Luis']);
  });

  it('decodes windows-1252 bytes', () => {
    // "Muñoz" and "Agüero" in windows-1252: ñ is 0xF1 and ü is 0xFC, invalid as UTF-8.
    const bytes = new Uint8Array(Buffer.from('id;nombre;correo\nA01;Begoña Muñoz;b@example.edu\nA02;José Agüero;j@example.edu\n', 'latin1'));
    expect(bytes.includes(0xf1)).toBe(true);
    const students = parseRoster(bytes, 'lista.csv');
    expect(students.map((student) => student.name)).toEqual(['Begoña Muñoz', 'José Agüero']);
  });

  it('decodes UTF-8 bytes with BOM', () => {
    const bytes = new Uint8Array(Buffer.from('\uFEFFid,nombre,correo\nA01,Begoña Muñoz,b@example.edu\n', 'utf8'));
    expect(parseRoster(bytes, 'lista.csv')).toEqual([{ id: 'A01', name: 'Begoña Muñoz', email: 'b@example.edu', line: 2 }]);
  });

  it('decodes tab-separated UTF-16', () => {
    const text = 'id\tnombre\tcorreo\r\nA01\tBegoña Muñoz\tb@example.edu\r\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(parseRoster(bytes, 'lista.csv')).toEqual([{ id: 'A01', name: 'Begoña Muñoz', email: 'b@example.edu', line: 2 }]);
  });

  it('accepts a 64-character id', () => {
    const id = 'Ñ'.repeat(64);
    const [student] = parseRoster(`id,name,email\n${id},Ana,ana@example.edu\n`, 'lista.csv');
    expect(student?.id).toBe(id);
  });
});

describe('parseRoster errors', () => {
  it('rejects a missing column', () => {
    const messages = rosterMessages('Matrícula;Alumno;Teléfono\nA01;Ana;555\n', 'grupo3.csv');
    expectFacts(messages, {
      es: ['grupo3.csv', 'línea 1', 'Falta el correo', '"Matrícula", "Alumno", "Teléfono"', '"correo electrónico"', '"email"'],
      en: ['grupo3.csv', 'line 1', 'Missing the e-mail address', '"Matrícula", "Alumno", "Teléfono"', '"email address"', '"correo"'],
    });
    expect(messages.en).not.toContain('Missing the id');
    expect(messages.en).not.toContain('Missing the name');
  });

  it('lists every missing column', () => {
    const messages = rosterMessages('Apellidos,Usuario\nPérez,aperez\n');
    expectFacts(messages, {
      es: ['Falta el id', 'Falta el nombre', 'Falta el correo', '"nombres"', '"legajo"'],
      en: ['Missing the id', 'Missing the name', 'Missing the e-mail address', '"first name"', '"student_id"'],
    });
  });

  it('hints at the separator', () => {
    const messages = rosterMessages('id|name|email\nA01|Ana|ana@example.edu\n');
    expectFacts(messages, {
      es: ['"id|name|email"', 'Solo se encontró una columna', 'punto y coma'],
      en: ['"id|name|email"', 'Only one column was found', 'semicolon'],
    });
  });

  it('rejects two id columns', () => {
    const messages = rosterMessages('ID,Matrícula,name,email\n1,A01,Ana,ana@example.edu\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 1', '"ID" y "Matrícula"', 'el id'],
      en: ['lista.csv, line 1', '"ID" and "Matrícula"', 'the id'],
    });
  });

  it('rejects an empty file', () => {
    for (const text of ['', '\uFEFF', ' \r\n\r\n']) {
      const messages = rosterMessages(text, 'vacía.csv');
      expectFacts(messages, { es: ['vacía.csv', 'está vacío'], en: ['vacía.csv', 'is empty'] });
    }
  });

  it('rejects a header without students', () => {
    const messages = rosterMessages('\nid,name,email\n\n,,\n', 'grupo3.csv');
    expectFacts(messages, {
      es: ['grupo3.csv', 'no tiene estudiantes', '(línea 2)'],
      en: ['grupo3.csv', 'has no students', '(line 2)'],
    });
  });

  it('rejects an empty id', () => {
    const messages = rosterMessages('Matrícula,name,email\nA01,Ana,ana@example.edu\n  ,Luis,luis@example.edu\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 3, columna "Matrícula"', 'falta el id'],
      en: ['lista.csv, line 3, column "Matrícula"', 'the id of the student is missing'],
    });
  });

  it('rejects an empty name', () => {
    const messages = rosterMessages('Nombres,Apellidos,id,email\n,,A01,ana@example.edu\n');
    expectFacts(messages, {
      es: ['línea 2, columnas "Nombres" + "Apellidos"', 'falta el nombre'],
      en: ['line 2, columns "Nombres" + "Apellidos"', 'the name of the student is missing'],
    });
  });

  it('rejects a duplicate id', () => {
    const messages = rosterMessages('id,name,email\nA01,Ana,ana@example.edu\nA02,Luis,luis@example.edu\n a01 ,Eva,eva@example.edu\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 4, columna "id"', '"a01"', 'línea 2', '"A01"'],
      en: ['lista.csv, line 4, column "id"', '"a01"', 'line 2', '"A01"'],
    });
  });

  it('accepts an accented e-mail', () => {
    expect(parseRoster('id,name,email\nA01,José,josé@example.edu\n', 'lista.csv')[0]!.email).toBe('josé@example.edu');
  });

  it('rejects an invalid e-mail', () => {
    const messages = rosterMessages('id,name,Correo\nA01,Ana,ana@example.edu\nA02,Luis,luis@example\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 3, columna "Correo"', '"luis@example" no es una dirección de correo válida'],
      en: ['lista.csv, line 3, column "Correo"', '"luis@example" is not a valid e-mail address'],
    });
  });

  it('rejects an empty e-mail', () => {
    const messages = rosterMessages('id,name,email\nA01,Ana,\n');
    expectFacts(messages, {
      es: ['línea 2, columna "email"', 'falta el correo'],
      en: ['line 2, column "email"', 'the e-mail address of the student is missing'],
    });
  });

  it('rejects a duplicate e-mail', () => {
    const messages = rosterMessages('id,name,email\nA01,Ana,ana@example.edu\nA02,Ana Ruiz,Ana@Example.edu\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 3, columna "email"', '"Ana@Example.edu"', 'línea 2', '"ana@example.edu"'],
      en: ['lista.csv, line 3, column "email"', '"Ana@Example.edu"', 'line 2', '"ana@example.edu"'],
    });
  });

  it('rejects a row of the wrong length', () => {
    // Line 1 header, 2-3 Ana (her note spans two lines), 4 Luis with one field too many.
    const text = 'id;name;email;notes\nA01;Ana;ana@example.edu;"dos\nlíneas"\nA02;Luis;luis@example.edu;x;y\n';
    const messages = rosterMessages(text);
    expectFacts(messages, {
      es: ['lista.csv, línea 4', '"A02;Luis;luis@example.edu;x;y"', 'tiene 5 campos', 'tiene 4', 'punto y coma'],
      en: ['lista.csv, line 4', '"A02;Luis;luis@example.edu;x;y"', 'has 5 fields', 'has 4', 'semicolon'],
    });
  });

  it('rejects an unterminated quote', () => {
    // The quote opens on line 4, after a blank line. csv-parse itself reports the last line, 5.
    const text = 'id,name,email\nA01,Ana,ana@example.edu\n\nA02,"Luis,luis@example.edu\nA03,Eva,eva@example.edu\n';
    const messages = rosterMessages(text);
    expectFacts(messages, {
      es: ['lista.csv, línea 4', 'no se cierra', '("")'],
      en: ['lista.csv, line 4', 'is not closed', '("")'],
    });
  });

  it('rejects text after a closing quote', () => {
    const messages = rosterMessages('id,name,email\nA01,"Ana "la Peque" Ruiz",ana@example.edu\n');
    expectFacts(messages, {
      es: ['lista.csv, línea 2', 'después de las comillas', 'la coma'],
      en: ['lista.csv, line 2', 'text follows the closing quote', 'the comma'],
    });
  });

  it('rejects a control character in an id', () => {
    const messages = rosterMessages('id,name,email\n"A0\t1",Ana,ana@example.edu\n');
    expectFacts(messages, {
      es: ['línea 2, columna "id"', '"A0\\t1"', 'U+0009'],
      en: ['line 2, column "id"', '"A0\\t1"', 'U+0009'],
    });
  });

  it('rejects a line break in a name', () => {
    const messages = rosterMessages('id,name,email\nA01,"Ana\nPérez",ana@example.edu\n');
    expectFacts(messages, {
      es: ['línea 2, columna "name"', '"Ana\\nPérez"', 'U+000A'],
      en: ['line 2, column "name"', '"Ana\\nPérez"', 'U+000A'],
    });
  });

  it('rejects an id over 64 characters', () => {
    const id = 'A'.repeat(65);
    const messages = rosterMessages(`id,name,email\n${id},Ana,ana@example.edu\n`);
    expectFacts(messages, {
      es: ['línea 2, columna "id"', `"${'A'.repeat(59)}…"`, '65 caracteres', 'máximo de 64'],
      en: ['line 2, column "id"', `"${'A'.repeat(59)}…"`, '65 characters', 'maximum of 64'],
    });
  });
});

describe('loadRoster', () => {
  it('reads a Moodle export', () => {
    expect(loadRoster(join(fixtures, 'moodle-en.csv'))).toEqual([
      { id: 'A01234567', name: 'José Núñez', email: 'jose.nunez@example.edu', line: 2 },
      { id: 'A01234568', name: 'Ana Lucía Pérez "la Peque" Gómez', email: 'ana.perez@example.com', line: 3 },
    ]);
  });

  it('reads a windows-1252 spreadsheet', () => {
    expect(loadRoster(join(fixtures, 'hoja-windows-1252.csv'))).toEqual([
      { id: 'A01234567', name: 'Begoña Muñoz Ibáñez', email: 'begona.munoz@example.edu', line: 2 },
      { id: 'A01234568', name: 'José Agüero', email: 'jose.aguero@example.edu', line: 3 },
    ]);
  });

  it('reads the example roster', () => {
    const students = loadRoster(exampleRoster);
    expect(students).toHaveLength(40);
    expect(students[0]).toEqual({ id: 'A01234567', name: 'Sofía Martínez Ibáñez', email: 'sofia.martinez@example.edu', line: 2 });
    expect(students.at(-1)?.line).toBe(41);
    for (const student of students) {
      expect(student.id).toMatch(/^A0\d{7}$/);
      expect(student.email).toMatch(/@example\.(edu|com)$/);
    }
    const accents = students.map((student) => student.name).join('');
    for (const letter of ['á', 'é', 'í', 'ó', 'ú', 'ñ', 'ü']) expect(accents).toContain(letter);
  });

  it('names the file in messages', () => {
    const path = join(scratch, 'mala.csv');
    writeFileSync(path, 'id,name,email\nA01,Ana,ana@\n');
    const messages = messagesOf(() => loadRoster(path, 'listas/mala.csv'));
    expectFacts(messages, { es: ['listas/mala.csv, línea 2'], en: ['listas/mala.csv, line 2'] });
  });

  it('rejects a missing file', () => {
    const messages = messagesOf(() => loadRoster(join(scratch, 'no-existe.csv'), 'no-existe.csv'));
    expectFacts(messages, { es: ['No se encontró el archivo no-existe.csv'], en: ['File no-existe.csv not found'] });
  });

  it('rejects a folder', () => {
    const messages = messagesOf(() => loadRoster(scratch, 'tareas'));
    expectFacts(messages, { es: ['tareas es una carpeta'], en: ['tareas is a folder'] });
  });

  it('rejects a device', () => {
    const messages = messagesOf(() => loadRoster('/dev/null'));
    expectFacts(messages, { es: ['/dev/null no es un archivo normal'], en: ['/dev/null is not a regular file'] });
  });

  it('rejects a file over 5 MiB', () => {
    const path = join(scratch, 'enorme.csv');
    writeFileSync(path, '');
    truncateSync(path, 5 * 1024 * 1024 + 1);
    const messages = messagesOf(() => loadRoster(path, 'enorme.csv'));
    expectFacts(messages, {
      es: ['enorme.csv mide 5242881 bytes', 'máximo de 5242880'],
      en: ['enorme.csv is 5242881 bytes', 'maximum of 5242880'],
    });
  });
});

import { createHash } from 'node:crypto';
import { userError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { itemsOf } from './items.js';
import type { HomeworkSpec, Student } from './spec.js';
import { makeVariant, type Variant } from './variant.js';

/**
 * Draw every student's variant, in roster order. Each depends only on the secret, the
 * homework id and the student id. Throws a UserError when two students would get the same
 * numbers or the same code (possible only with very narrow value ranges, or by chance one
 * time in millions for codes).
 */
export function drawVariants(
  spec: HomeworkSpec,
  students: readonly Student[],
  secret: string,
  options: { readonly fileName?: string; readonly onVariant?: (done: number) => void } = {},
): Variant[] {
  const items = itemsOf(spec.questions, spec.architecture);
  const variants: Variant[] = [];
  const byNumbers = new Map<string, Variant>();
  const byCode = new Map<string, Variant>();
  const byFolder = new Map<string, Student>();
  for (const student of students) {
    // Folders are compared as a case-insensitive file system would.
    const folder = safeFolderName(student.id).toLowerCase();
    const sharing = byFolder.get(folder);
    if (sharing !== undefined) throw sameFolderError(sharing, student, safeFolderName(student.id));
    byFolder.set(folder, student);
    const variant = makeVariant(spec, items, secret, student, options.fileName ?? `${spec.id}`);
    const numbers = JSON.stringify([variant.problem.network, variant.problem.samples, variant.problem.learningRate]);
    const twin = byNumbers.get(numbers);
    if (twin !== undefined) throw sameNumbersError(twin.student, student);
    const sameCode = byCode.get(variant.code);
    if (sameCode !== undefined) throw sameCodeError(sameCode.student, student, variant.code);
    byNumbers.set(numbers, variant);
    byCode.set(variant.code, variant);
    variants.push(variant);
    options.onVariant?.(variants.length);
  }
  return variants;
}

/** Folder and file names of a student's documents, by language. */
export const documentNames: Record<Lang, { sheets: string; solutions: string; sheet: string; solution: string }> = {
  es: { sheets: 'tareas', solutions: 'soluciones', sheet: 'tarea', solution: 'solucion' },
  en: { sheets: 'homework', solutions: 'solutions', sheet: 'homework', solution: 'solution' },
};

/** Names Windows reserves, with or without an extension, and names ending in a dot or space. */
const reservedNames = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$|[. ]$/i;

/**
 * Make a folder name for a student id that can never leave the output folder: letters, digits,
 * `.`, `_` and `-` only, no leading dot. An id that had to be changed (or that a file system
 * would treat specially) gets a short hash of itself, so two ids never share a folder.
 */
export function safeFolderName(id: string): string {
  const ascii = id.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const canonical = id.normalize('NFC');
  const cleaned = ascii.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').replace(/-+$/, '').slice(0, 48);
  if (cleaned === id && cleaned !== '' && !reservedNames.test(cleaned)) return cleaned;
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 8);
  return cleaned === '' ? `id-${hash}` : `${cleaned}-${hash}`;
}

function sameNumbersError(first: Student, second: Student): Error {
  return userError(
    `${first.id} (línea ${first.line}) y ${second.id} (línea ${second.line}) recibirían la misma red. Amplía los rangos de \`values\` en la tarea para que haya más variantes posibles.`,
    `${first.id} (line ${first.line}) and ${second.id} (line ${second.line}) would get the same network. Widen the \`values\` ranges of the homework so that more variants are possible.`,
  );
}

function sameFolderError(first: Student, second: Student, folder: string): Error {
  return userError(
    `${first.id} (línea ${first.line}) y ${second.id} (línea ${second.line}) quedarían en la misma carpeta, ${folder}. Cambia uno de los dos ids en la lista.`,
    `${first.id} (line ${first.line}) and ${second.id} (line ${second.line}) would share the folder ${folder}. Change one of the two ids in the roster.`,
  );
}

function sameCodeError(first: Student, second: Student, code: string): Error {
  return userError(
    `${first.id} (línea ${first.line}) y ${second.id} (línea ${second.line}) recibirían el mismo código de variante, ${code}. Cambia el id de la tarea (\`id\`) o el secreto del curso.`,
    `${first.id} (line ${first.line}) and ${second.id} (line ${second.line}) would get the same variant code, ${code}. Change the homework's \`id\` or the course secret.`,
  );
}

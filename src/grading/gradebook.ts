import { stringify } from 'csv-stringify/sync';
import { inertCell, plainDecimal, type CsvStyle } from '../homework/key.js';
import type { ItemGrade, ItemStatus } from './grade.js';

/** Points per status: a rounding slip earns part of the point (`roundingPoints`). */
export function pointsOf(result: ItemStatus, roundingPoints: number): number {
  if (result.status === 'correct') return 1;
  return result.status === 'rounding' ? roundingPoints : 0;
}

/** Return the gradebook's word for a status: `correct`, `rounding`, `mistake:<model>`, `wrong`, `missing`, `ambiguous`. */
export function statusWord(result: ItemStatus): string {
  return result.status === 'mistake' ? `mistake:${result.models.join('+')}` : result.status;
}

export interface GradebookRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Null for a student without a graded message: every item is missing. */
  readonly grades: readonly ItemGrade[] | null;
  readonly itemNames: readonly string[];
  readonly messageId: string | null;
  readonly received: Date | null;
  readonly late: boolean;
}

/**
 * Write one row per roster student: id, name, e-mail, score (points over the number of items),
 * one column per item with its status, then the message id, when it was received and
 * whether it was late. `semicolon` is for a Spanish spreadsheet: UTF-8 with BOM, `;` and a
 * decimal comma; `comma` is plain CSV.
 */
export function gradebookCsv(rows: readonly GradebookRow[], style: CsvStyle, roundingPoints: number): string {
  const itemNames = rows[0]?.itemNames ?? [];
  const number = (value: number) => (style === 'semicolon' ? plainDecimal(value).replace('.', ',') : plainDecimal(value));
  const header = ['id', 'name', 'email', 'score', 'out_of', ...itemNames, 'message_id', 'received', 'late'];
  const body = rows.map((row) => {
    const statuses = row.grades === null ? itemNames.map(() => 'missing') : row.grades.map((grade) => statusWord(grade.result));
    const score = row.grades === null ? 0 : row.grades.reduce((sum, grade) => sum + pointsOf(grade.result, roundingPoints), 0);
    return [inertCell(row.id), inertCell(row.name), inertCell(row.email), number(score), String(itemNames.length), ...statuses, row.messageId ?? '', row.received?.toISOString() ?? '', row.late ? 'late' : ''];
  });
  const text = stringify([header, ...body], { delimiter: style === 'semicolon' ? ';' : ',', record_delimiter: 'unix' });
  return style === 'semicolon' ? `\uFEFF${text}` : text;
}

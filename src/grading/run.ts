import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../errors.js';
import { fileReadError } from '../io/read-errors.js';
import { readAnswers } from './answers.js';
import { gradeAnswers, type ItemGrade } from './grade.js';
import type { AnswerKey } from './key.js';
import { readMessage, splitMbox, type MailMessage } from './mail.js';
import { matchMessages, type Matching } from './match.js';

/**
 * Read every message of a mail export, read-only: an mbox file, a single `.eml`, or a
 * folder of `.eml` files (in name order).
 */
export async function readMailbox(path: string, onMessage?: (done: number, total: number) => void): Promise<MailMessage[]> {
  let raw: Buffer[];
  try {
    if (statSync(path).isDirectory()) {
      raw = readdirSync(path)
        .filter((name) => name.toLowerCase().endsWith('.eml'))
        .sort()
        .map((name) => readFileSync(join(path, name)));
    } else {
      const bytes = readFileSync(path);
      raw = bytes.subarray(0, 5).toString('latin1') === 'From ' ? splitMbox(bytes) : [bytes];
    }
  } catch (error) {
    throw fileReadError(path, error, () => userError(`${path}: carpeta sin archivos .eml.`, `${path}: a folder without .eml files.`));
  }
  const messages: MailMessage[] = [];
  for (const bytes of raw) {
    messages.push(await readMessage(bytes));
    onMessage?.(messages.length, raw.length);
  }
  return messages;
}

export interface StudentResult {
  readonly student: AnswerKey['students'][number];
  readonly grades: readonly ItemGrade[] | null;
  readonly message: MailMessage | null;
  readonly late: boolean;
}

/** Grade every student of the key from the messages: the counted message of each, or none. */
export function gradeClass(key: AnswerKey, messages: readonly MailMessage[], deadline: Date | null): { results: StudentResult[]; matching: Matching } {
  const matching = matchMessages(messages, key.students, deadline);
  const results = key.students.map((student): StudentResult => {
    const submissions = matching.byStudent.get(student.id)!;
    const counted = submissions.counted;
    if (counted === null) return { student, grades: null, message: null, late: false };
    const answers = readAnswers(counted.message.text);
    const grades = gradeAnswers(student.items, answers, key.display.digits);
    return { student, grades, message: counted.message, late: submissions.countedLate };
  });
  return { results, matching };
}

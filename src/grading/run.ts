import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../errors.js';
import { fileReadError } from '../io/read-errors.js';
import { readAnswers } from './answers.js';
import { gradeAnswers, type ItemGrade } from './grade.js';
import type { AnswerKey } from './key.js';
import { readMessage, splitMbox, type MailMessage } from './mail.js';
import { matchMessages, type Matching } from './match.js';

/** A message that was not graded: too large, or not readable as e-mail. */
export interface SkippedMessage {
  /** Position in the mailbox (1-based), or the file name in a folder. */
  readonly where: string;
  readonly reason: 'too-large' | 'malformed' | 'not-a-file';
}

/** Largest message read. A larger one is reported and skipped, since answers take a few lines. */
const maxMessageBytes = 10 * 2 ** 20;

/**
 * Read every message of a mail export, read-only: an mbox file, a single `.eml`, or a
 * folder of `.eml` files (in name order). Messages too large or not readable as e-mail are
 * returned as skipped, never thrown.
 */
export async function readMailbox(path: string, onMessage?: (done: number, total: number) => void): Promise<{ messages: MailMessage[]; skipped: SkippedMessage[] }> {
  let raw: { where: string; bytes: Buffer | SkippedMessage['reason'] }[];
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      raw = readdirSync(path)
        .filter((name) => name.toLowerCase().endsWith('.eml'))
        .sort()
        .map((name) => {
          const file = join(path, name);
          // Only regular files: a pipe or a device among them would block or never end.
          const entry = statSync(file);
          if (!entry.isFile()) return { where: name, bytes: 'not-a-file' as const };
          return { where: name, bytes: entry.size <= maxMessageBytes ? readFileSync(file) : ('too-large' as const) };
        });
    } else {
      if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
      const bytes = readFileSync(path);
      const parts = bytes.subarray(0, 5).toString('latin1') === 'From ' ? splitMbox(bytes) : [bytes];
      raw = parts.map((part, i) => ({ where: String(i + 1), bytes: part.length <= maxMessageBytes ? part : ('too-large' as const) }));
    }
  } catch (error) {
    throw fileReadError(path, error, () => userError(`${path}: carpeta sin archivos .eml.`, `${path}: a folder without .eml files.`));
  }
  const messages: MailMessage[] = [];
  const skipped: SkippedMessage[] = [];
  for (const { where, bytes } of raw) {
    if (typeof bytes === 'string') skipped.push({ where, reason: bytes });
    else {
      try {
        const message = await readMessage(bytes);
        // No sender, subject or date: bytes that are not an e-mail (garbage, an empty file).
        if (message.from === null && message.subject === '' && message.date === null) skipped.push({ where, reason: 'malformed' });
        else messages.push(message);
      } catch {
        skipped.push({ where, reason: 'malformed' });
      }
    }
    onMessage?.(messages.length + skipped.length, raw.length);
  }
  return { messages, skipped };
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

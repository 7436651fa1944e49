import type { MailMessage } from './mail.js';

/** A student as the answer key lists them. */
export interface KeyStudentRef {
  readonly id: string;
  readonly email: string;
  readonly variant: string;
}

/** The way a message was matched to its student. */
export type MatchedBy = 'address' | 'code' | 'id';

export interface Submission<M extends MailMessage = MailMessage> {
  readonly message: M;
  /** Position in the mailbox, for messages without a date. */
  readonly index: number;
  readonly matchedBy: MatchedBy;
}

export interface StudentSubmissions<M extends MailMessage = MailMessage> {
  /** The message that is graded: the last one before the deadline, else the last one. */
  readonly counted: Submission<M> | null;
  /** Whether `counted` itself arrived after the deadline. */
  readonly countedLate: boolean;
  /** Messages after the deadline that were not graded, and earlier ones that a later one replaced. */
  readonly late: readonly Submission<M>[];
  readonly replaced: readonly Submission<M>[];
}

export interface Matching<M extends MailMessage = MailMessage> {
  readonly byStudent: ReadonlyMap<string, StudentSubmissions<M>>;
  readonly unmatched: readonly { readonly message: M; readonly index: number }[];
  readonly autoReplies: readonly { readonly message: M; readonly index: number }[];
}

/**
 * Tie each message to a student: by the sender's address (ignoring case), else by the
 * student's variant code, else by their id, found as a whole word in the subject or the
 * text. Nothing is dropped: unmatched messages and auto-replies are returned for the report.
 */
export function matchMessages<M extends MailMessage>(messages: readonly M[], students: readonly KeyStudentRef[], deadline: Date | null): Matching<M> {
  const byAddress = new Map(students.map((student) => [student.email.trim().toLowerCase(), student]));
  const found = new Map<string, Submission<M>[]>();
  const unmatched: { message: M; index: number }[] = [];
  const autoReplies: { message: M; index: number }[] = [];

  messages.forEach((message, index) => {
    if (message.autoReply) {
      autoReplies.push({ message, index });
      return;
    }
    const match = matchOne(message, students, byAddress);
    if (match === null) {
      unmatched.push({ message, index });
      return;
    }
    found.set(match.student.id, [...(found.get(match.student.id) ?? []), { message, index, matchedBy: match.by }]);
  });

  const byStudent = new Map<string, StudentSubmissions<M>>();
  for (const student of students) byStudent.set(student.id, choose(found.get(student.id) ?? [], deadline));
  return { byStudent, unmatched, autoReplies };
}

function matchOne(message: MailMessage, students: readonly KeyStudentRef[], byAddress: Map<string, KeyStudentRef>): { student: KeyStudentRef; by: MatchedBy } | null {
  const sender = message.from?.trim().toLowerCase();
  const byMail = sender === undefined ? undefined : byAddress.get(sender);
  if (byMail !== undefined) return { student: byMail, by: 'address' };

  const haystack = `${message.subject}\n${message.text}`;
  const withCode = students.filter((student) => containsWord(haystack, student.variant));
  if (withCode.length === 1) return { student: withCode[0]!, by: 'code' };
  const withId = students.filter((student) => containsWord(haystack, student.id));
  if (withId.length === 1) return { student: withId[0]!, by: 'id' };
  return null;
}

/** Tell whether `word` occurs in `text` as a whole word, ignoring case. */
function containsWord(text: string, word: string): boolean {
  if (word.trim() === '') return false;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Order by date (mailbox order for equal or missing dates) and pick the one to grade. */
function choose<M extends MailMessage>(submissions: readonly Submission<M>[], deadline: Date | null): StudentSubmissions<M> {
  const ordered = [...submissions].sort((a, b) => (a.message.date?.getTime() ?? 0) - (b.message.date?.getTime() ?? 0) || a.index - b.index);
  const isLate = (submission: Submission<M>) => deadline !== null && submission.message.date !== null && submission.message.date > deadline;
  const onTime = ordered.filter((submission) => !isLate(submission));
  const late = ordered.filter(isLate);
  if (onTime.length > 0) return { counted: onTime[onTime.length - 1]!, countedLate: false, late, replaced: onTime.slice(0, -1) };
  if (late.length > 0) return { counted: late[late.length - 1]!, countedLate: true, late: late.slice(0, -1), replaced: [] };
  return { counted: null, countedLate: false, late: [], replaced: [] };
}

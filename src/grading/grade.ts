import { matchItem, type AnswerLine } from './answers.js';

/** One item of a student's entry in `answer-key.json`. */
export interface KeyItem {
  readonly name: string;
  readonly value: number;
  readonly interval: readonly [number, number];
  readonly mistakes: readonly { readonly model: string; readonly value: number; readonly interval: readonly [number, number] }[];
}

export type ItemStatus =
  | { readonly status: 'correct'; readonly sent: number }
  /** Outside the interval by at most two units of the last asked digit. */
  | { readonly status: 'rounding'; readonly sent: number }
  /** Inside the interval of one or more known mistakes, named in the key's order. */
  | { readonly status: 'mistake'; readonly sent: number; readonly models: readonly string[] }
  | { readonly status: 'wrong'; readonly sent: number }
  | { readonly status: 'missing' }
  | { readonly status: 'ambiguous'; readonly line: number; readonly reason: string };

export interface ItemGrade {
  readonly name: string;
  readonly expected: number;
  readonly result: ItemStatus;
}

/**
 * Grade the answer lines of one message against a student's key items. Each item takes the
 * last line that names it, and two lines with different values for one item make it ambiguous.
 * Lines whose label fits no item, or several, are ignored here (the caller may report them).
 */
export function gradeAnswers(items: readonly KeyItem[], answers: readonly AnswerLine[], digits: number): ItemGrade[] {
  const names = items.map((item) => item.name);
  const byItem = new Map<string, AnswerLine[]>();
  for (const answer of answers) {
    const name = matchItem(answer.label, names);
    if (name !== null) byItem.set(name, [...(byItem.get(name) ?? []), answer]);
  }
  const unit = 10 ** -digits;
  return items.map((item) => ({ name: item.name, expected: item.value, result: statusOf(item, byItem.get(item.name) ?? [], unit) }));
}

function statusOf(item: KeyItem, lines: readonly AnswerLine[], unit: number): ItemStatus {
  if (lines.length === 0) return { status: 'missing' };
  const ambiguous = lines.find((line) => line.kind === 'ambiguous');
  if (ambiguous !== undefined && ambiguous.kind === 'ambiguous') return { status: 'ambiguous', line: ambiguous.line, reason: ambiguous.reason };
  const values = new Set(lines.map((line) => (line.kind === 'answer' ? line.value : Number.NaN)));
  if (values.size > 1) return { status: 'ambiguous', line: lines[lines.length - 1]!.line, reason: 'several-answers' };

  const sent = [...values][0]!;
  const within = ([low, high]: readonly [number, number], slack = 0) => sent >= low - slack && sent <= high + slack;
  if (within(item.interval)) return { status: 'correct', sent };
  const models = item.mistakes.filter((mistake) => within(mistake.interval)).map((mistake) => mistake.model);
  if (models.length > 0) return { status: 'mistake', sent, models };
  // Only after the mistakes: a mistake value is never taken for a rounding slip.
  if (within(item.interval, 2 * unit)) return { status: 'rounding', sent };
  return { status: 'wrong', sent };
}

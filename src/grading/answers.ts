/**
 * Parsing of the answer lines students write in e-mails: `w11^[1] = 0,21488`,
 * `b1: −1.2·10^-3`, `$w_{1,1}^{[1]} = 0.21488$`. Every number the grader reads goes through it.
 */

/** The quantity a label names. `layer` (and for weights `row`, `col`) is null when the student left it out. */
export interface AnswerLabel {
  readonly quantity: 'w' | 'b' | 'z' | 'a' | 'yhat' | 'E';
  readonly layer: number | null;
  readonly row: number | null;
  readonly col: number | null;
  /** For dE/dθ and dE_i/dθ: the output i, or 0 for E itself; null for a value. */
  readonly derivativeOf: number | null;
}

export type NumberReading =
  | { readonly kind: 'number'; readonly value: number }
  /** A number that cannot be read without guessing, such as `0,7229, -0,3190` or `1,234.5`. */
  | { readonly kind: 'ambiguous'; readonly reason: AmbiguityReason };

export type AmbiguityReason = 'several-numbers' | 'thousands-separator' | 'not-finite';

export type AnswerLine =
  | { readonly kind: 'answer'; readonly line: number; readonly text: string; readonly label: AnswerLabel; readonly value: number }
  | { readonly kind: 'ambiguous'; readonly line: number; readonly text: string; readonly label: AnswerLabel; readonly reason: AmbiguityReason };

const minusSigns = /[\u2212\u2012\u2013\uFE63\uFF0D]/g;

/** One number: a decimal with `.` or `,`, an optional sign and an optional power of ten. */
const numberPattern =
  /^([+-]?)(\d+)(?:([.,])(\d+))?(?:[eE]([+-]?\d+)|\s*(?:·|\*|×|x|\\cdot|\\times)\s*10\s*\^\s*\{?\s*([+-]?\d+)\s*\}?)?$/;

/**
 * Read one value as a student writes it. Returns null when the text is not a number at all.
 * A decimal comma and a decimal point are both accepted; thousands separators are not, and
 * text with more than one number is ambiguous, never guessed.
 */
export function readNumber(raw: string): NumberReading | null {
  let text = raw.trim().replace(minusSigns, '-');
  text = text.replace(/^\$+|\$+$/g, '').trim();
  text = text.replace(/[.;]$/, '').trim();
  if (text === '') return null;

  const match = numberPattern.exec(text.replace(/\s+(?=[eE])/, ''));
  if (match !== null) {
    const [, sign, whole, , fraction, exponent, power] = match;
    const mantissa = Number(`${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    const scale = exponent ?? power;
    const value = scale === undefined ? mantissa : Number(`${mantissa}e${scale}`);
    // 1e999 or a line of a million digits: written as a number, but not one to grade.
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'ambiguous', reason: 'not-finite' };
  }
  if (/^[+-]?(?:nan|infinity|inf|∞)$/i.test(text)) return { kind: 'ambiguous', reason: 'not-finite' };
  if (/^[+-]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?$/.test(text) && /\./.test(text) && /,/.test(text)) {
    return { kind: 'ambiguous', reason: 'thousands-separator' };
  }
  const numbers = text.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.length >= 2) return { kind: 'ambiguous', reason: 'several-numbers' };
  return null;
}

/**
 * Read a label in the spellings students use: `w11`, `w_11`, `w1,1`, `w_{1,1}^{[1]}`,
 * `w11^[1]`, `w^[1]_11`, `W1[1][1]`, `b1`, `b^{[1]}`, `z1^[1]`, `a2`, `ŷ1`, `yhat1`, `E1`,
 * `E`, and derivatives `dE/dw11^[1]`, `∂E1/∂w11`. Returns null for anything else.
 */
export function readLabel(raw: string): AnswerLabel | null {
  let text = raw.trim().replace(/^\$+|\$+$/g, '').replace(/\s+/g, '').replace(/\\(?:mathrm|text|operatorname)\{([^}]*)\}/g, '$1');
  text = text.replace(/\\hat\{y\}|\\hat y|ŷ|y_?hat|ŷ/gi, 'yhat');

  const fraction = /^\\frac\{(?:d|\\partial|∂)E_?\{?(\d*)\}?\}\{(?:d|\\partial|∂)(.+)\}$/.exec(text) ?? /^(?:d|∂|\\partial)E_?\{?(\d*)\}?\/(?:d|∂|\\partial)(.+)$/.exec(text);
  if (fraction !== null) {
    const inner = readLabel(fraction[2]!);
    if (inner === null || (inner.quantity !== 'w' && inner.quantity !== 'b') || inner.derivativeOf !== null) return null;
    return { ...inner, derivativeOf: fraction[1] === '' ? 0 : Number(fraction[1]) };
  }

  // W1[1][1]: the matrix of layer 1, row 1, column 1.
  const matrix = /^W\^?\{?\[?(\d+)\]?\}?\[(\d+)\]\[(\d+)\]$/.exec(text);
  if (matrix !== null) return label('w', Number(matrix[1]), Number(matrix[2]), Number(matrix[3]));

  const layerPart = String.raw`(?:\^?\{?\[(\d+)\]\}?|\^\{?\((\d+)\)\}?)`;
  const indices = String.raw`_?\{?(\d+)(?:,(\d+))?\}?`;
  const after = new RegExp(`^([wbzaE]|yhat)(?:${indices})?${layerPart}?$`, 'i').exec(text);
  const before = new RegExp(`^([wbzaE]|yhat)${layerPart}${indices}$`, 'i').exec(text);
  // Groups: head, then indices and layer in the order the spelling gives them.
  let parts: { head: string; first?: string; second?: string; layerText?: string };
  if (after !== null) parts = { head: after[1]!, first: after[2], second: after[3], layerText: after[4] ?? after[5] };
  else if (before !== null) parts = { head: before[1]!, layerText: before[2] ?? before[3], first: before[4], second: before[5] };
  else return null;
  const { head, first, second, layerText } = parts;
  if (head === 'e') return null;
  const quantity = head === 'E' ? 'E' : (head.toLowerCase() as AnswerLabel['quantity']);
  const layer = layerText === undefined ? null : Number(layerText);
  if (quantity === 'w') {
    if (first === undefined) return null;
    // Two digits without a comma are w_{j,k}: w11, w_12.
    if (second === undefined) return first.length === 2 ? label('w', layer, Number(first[0]), Number(first[1])) : null;
    return label('w', layer, Number(first), Number(second));
  }
  if (second !== undefined) return null;
  const row = first === undefined ? null : Number(first);
  if (quantity === 'E') return layer === null ? label('E', null, row, null) : null;
  if (quantity === 'yhat') return label('yhat', layer, row, null);
  if ((quantity === 'z' || quantity === 'a') && row === null) return null;
  return label(quantity, layer, row, null);
}

function label(quantity: AnswerLabel['quantity'], layer: number | null, row: number | null, col: number | null): AnswerLabel {
  return { quantity, layer, row, col, derivativeOf: null };
}

/** Separators between a label and its value: `=`, `:`, `:=`, `→`, `->`. */
const separator = /^(.*?)\s*(?::=|=|:|→|->|⟶)\s*(.*)$/;

/**
 * Read the answer lines of a message body: each line that starts with a label followed by
 * a separator. Lines without a recognised label are skipped (greetings, signatures).
 */
export function readAnswers(body: string): AnswerLine[] {
  const answers: AnswerLine[] = [];
  const lines = body.split(/\r?\n/).map((rawLine) => rawLine.replace(/\u00A0/g, ' ').trim());
  lines.forEach((text, index) => {
    const line = index + 1;
    const cleaned = text.replace(/^[-*•]\s+/, '').replace(/^\$(.*)\$$/, '$1');
    let label: AnswerLabel | null;
    let valueText: string;
    const match = separator.exec(cleaned);
    if (match !== null) {
      label = readLabel(match[1]!);
      valueText = match[2]!;
    } else {
      // A table row pasted as two cells: the label alone, then its value on the next line.
      label = readLabel(cleaned);
      const next = lines.slice(index + 1).find((candidate) => candidate !== '');
      if (label === null || next === undefined || readLabel(next) !== null || separator.test(next)) return;
      valueText = next;
    }
    if (label === null) return;
    const reading = readNumber(valueText);
    if (reading === null) return;
    if (reading.kind === 'number') answers.push({ kind: 'answer', line, text, label, value: reading.value });
    else answers.push({ kind: 'ambiguous', line, text, label, reason: reading.reason });
  });
  return answers;
}

/**
 * Find the item a label names among an answer key's item names (`w11^[1]`, `dE/dw11^[1]`,
 * `dE1/dw11^[1]`, `z1^[1]`, `yhat1`, `E1`, `E`). A label without its layer matches when only
 * one item fits. Returns the item name, or null when none or several fit.
 */
export function matchItem(answer: AnswerLabel, itemNames: readonly string[]): string | null {
  const fits = itemNames.filter((name) => {
    const item = readLabel(name);
    if (item === null) return false;
    return (
      item.quantity === answer.quantity &&
      item.derivativeOf === answer.derivativeOf &&
      item.row === answer.row &&
      item.col === answer.col &&
      (answer.layer === null || item.layer === null || item.layer === answer.layer)
    );
  });
  return fits.length === 1 ? fits[0]! : null;
}

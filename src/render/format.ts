import type { Rounding } from '../network/spec.js';

export interface NumberFormat {
  readonly digits: number;
  readonly rounding: Rounding;
  readonly decimalComma: boolean;
}

/**
 * Format a computed value with exactly `digits` decimals.
 *
 * Rounding works on the value's decimal form to 15 significant digits (what a calculator
 * or a spreadsheet shows), not on the binary value: truncating 0.29, stored as
 * 0.28999999999999998…, gives 0.29000. `round` rounds half away from zero on that form.
 * A result of zero is printed without a minus sign.
 */
export function formatFixed(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return String(value);
  const { digits } = format;
  // Float64 keeps 15 significant digits of any decimal: 0.47·0.46 + 0.42·0.48 + 0.1 is
  // 0.5177999999999999 in float64 and truncates to 0.51780, as by hand, not to 0.51779.
  const { mantissa, pointPosition } = decimalDigits(Math.abs(Number(value.toPrecision(15))));

  const keep = pointPosition + digits;
  let scaled = keep <= 0 ? 0n : BigInt(mantissa.slice(0, keep).padEnd(keep, '0'));
  const firstDropped = keep < 0 ? '0' : (mantissa[keep] ?? '0');
  if (format.rounding === 'round' && firstDropped >= '5') scaled += 1n;

  const text = scaled.toString().padStart(digits + 1, '0');
  const integerPart = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  const sign = value < 0 && scaled !== 0n ? '-' : '';
  const separator = format.decimalComma ? ',' : '.';
  return digits === 0 ? `${sign}${integerPart}` : `${sign}${integerPart}${separator}${fraction}`;
}

/**
 * Format a value given in the input (x, y, a weight, η) as written, whatever `digits` is:
 * 0.05 stays 0.05 and 0.123456789 keeps every digit, so the printed data are the
 * exercise's data. Only the decimal separator follows the format, and values beyond 15
 * integer digits or 6 leading zeros are written in exponent form (1e308, 1e-7).
 */
export function formatGiven(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return String(value);
  const { mantissa, pointPosition } = decimalDigits(Math.abs(value));
  // Beyond 15 integer digits or 6 leading zeros, positional notation is unreadable: 1e308.
  if (value !== 0 && (pointPosition > 15 || pointPosition < -5)) {
    const digits = mantissa.length > 1 ? `${mantissa[0]}.${mantissa.slice(1)}` : mantissa;
    const separator = format.decimalComma ? ',' : '.';
    return `${value < 0 ? '-' : ''}${digits.replace('.', separator)}e${pointPosition - 1}`;
  }

  const padded = pointPosition <= 0 ? '0'.repeat(1 - pointPosition) + mantissa : mantissa.padEnd(pointPosition, '0');
  const point = Math.max(pointPosition, 1);
  const integerPart = padded.slice(0, point);
  const fraction = padded.slice(point);
  const sign = value < 0 ? '-' : '';
  const separator = format.decimalComma ? ',' : '.';
  return fraction === '' ? `${sign}${integerPart}` : `${sign}${integerPart}${separator}${fraction}`;
}

/**
 * Convert a formatted number to LaTeX: a decimal comma needs braces, or TeX adds a space
 * after it, and 1.5e-9 becomes 1.5 \cdot 10^{-9}.
 */
export function numberTex(formatted: string): string {
  return formatted.replace(',', '{,}').replace(/e(-?\d+)$/, ' \\cdot 10^{$1}');
}

/**
 * Write a value in scientific notation with `digits` significant digits, as LaTeX, rounded or
 * truncated as `format.rounding` sets (on 15 significant digits, like formatFixed).
 */
export function scientificTex(value: number, format: NumberFormat): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  const { digits, exponent } = significantDigits(value, Math.max(format.digits, 1), format.rounding);
  const separator = format.decimalComma ? ',' : '.';
  const mantissa = digits.length > 1 ? `${digits[0]}${separator}${digits.slice(1)}` : digits;
  return `${numberTex(`${value < 0 ? '-' : ''}${mantissa}`)} \\cdot 10^{${exponent}}`;
}

/** Format a value in positional notation with `significant` significant digits: 512, 0.0123, 2.08. */
export function formatSignificant(value: number, significant: number, format: NumberFormat): string {
  if (value === 0 || !Number.isFinite(value)) return formatGiven(value, format);
  const { digits, exponent } = significantDigits(value, significant, format.rounding);
  const rounded = Number(`${value < 0 ? '-' : ''}${digits[0]}.${digits.slice(1)}e${exponent}`);
  return formatGiven(rounded, format);
}

/**
 * Split |value| into `count` significant digits d₁d₂… and the exponent e of d₁.d₂… × 10^e,
 * rounding half away from zero or truncating the value's 15-significant-digit decimal form.
 */
function significantDigits(value: number, count: number, rounding: Rounding): { digits: string; exponent: number } {
  const [digitsPart, exponentPart] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const all = digitsPart.replace('.', '');
  let scaled = BigInt(all.slice(0, count).padEnd(count, '0'));
  if (rounding === 'round' && (all[count] ?? '0') >= '5') scaled += 1n;
  let exponent = Number(exponentPart);
  let digits = scaled.toString();
  // 9.99 rounded to two digits is 10.0: one digit more, so the exponent grows by one.
  if (digits.length > count) {
    digits = digits.slice(0, count);
    exponent += 1;
  }
  return { digits, exponent };
}

/**
 * Split |value|'s shortest round-trip decimal form into its significant digits and the
 * position of the decimal point: value = 0.d₁d₂… × 10^pointPosition.
 */
function decimalDigits(absolute: number): { mantissa: string; pointPosition: number } {
  const [digitsPart, exponentPart] = absolute.toExponential().split('e') as [string, string];
  const mantissa = digitsPart.replace('.', '');
  if (/^0+$/.test(mantissa)) return { mantissa: '0', pointPosition: 1 };
  return { mantissa, pointPosition: Number(exponentPart) + 1 };
}

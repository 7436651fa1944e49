import { describe, expect, it } from 'vitest';
import { formatFixed, formatGiven, formatSignificant, numberTex, scientificTex } from '../../src/render/format.js';

const truncate = { digits: 5, rounding: 'truncate', decimalComma: false } as const;
const round = { digits: 5, rounding: 'round', decimalComma: false } as const;

describe('formatFixed', () => {
  it('truncates 0.29 to 0.29000', () => {
    expect(formatFixed(0.29, truncate)).toBe('0.29000');
  });

  it('truncates sums of exact decimals as by hand', () => {
    // 0.47·0.46 + 0.42·0.48 + 0.1 = 0.5178 exactly; float64 gives 0.5177999999999999.
    expect(0.47 * 0.46 + 0.42 * 0.48 + 0.1).not.toBe(0.5178);
    expect(formatFixed(0.47 * 0.46 + 0.42 * 0.48 + 0.1, truncate)).toBe('0.51780');
    // 1.0114 by one summation order, 1.0113999999999999 by another: both print 1.01140.
    expect(formatFixed(1.0113999999999999, truncate)).toBe('1.01140');
  });

  it('truncates toward zero', () => {
    expect(formatFixed(-0.17044611583224412, truncate)).toBe('-0.17044');
    expect(formatFixed(0.0011080579599813648, truncate)).toBe('0.00110');
  });

  it('rounds half away from zero', () => {
    expect(formatFixed(-0.17044611583224412, round)).toBe('-0.17045');
    expect(formatFixed(0.000005, round)).toBe('0.00001');
    expect(formatFixed(-0.000005, round)).toBe('-0.00001');
    // 1.005 is stored as 1.00499999999999989…; its shortest form 1.005 rounds up.
    expect(formatFixed(1.005, { ...round, digits: 2 })).toBe('1.01');
  });

  it('carries into the integer part', () => {
    expect(formatFixed(0.999996, round)).toBe('1.00000');
    expect(formatFixed(9.999999, { ...round, digits: 2 })).toBe('10.00');
  });

  it('drops the sign of zero', () => {
    expect(formatFixed(-1e-7, round)).toBe('0.00000');
    expect(formatFixed(-0, truncate)).toBe('0.00000');
  });

  it('handles exponents and zero digits', () => {
    expect(formatFixed(1.5e-7, round)).toBe('0.00000');
    expect(formatFixed(123456.789, { ...round, digits: 1 })).toBe('123456.8');
    expect(formatFixed(12.5, { ...round, digits: 0 })).toBe('13');
    expect(formatFixed(1e21, { ...round, digits: 1 })).toBe('1000000000000000000000.0');
  });

  it('writes a decimal comma', () => {
    expect(formatFixed(0.29, { ...truncate, decimalComma: true })).toBe('0,29000');
    expect(numberTex('0,29000')).toBe('0{,}29000');
  });
});

describe('formatGiven', () => {
  it('keeps short input values as written', () => {
    expect(formatGiven(0.05, round)).toBe('0.05');
    expect(formatGiven(1, round)).toBe('1');
    expect(formatGiven(-0.2, round)).toBe('-0.2');
    expect(formatGiven(0, round)).toBe('0');
    expect(formatGiven(10, round)).toBe('10');
  });

  it('never shortens input values', () => {
    expect(formatGiven(0.123456, round)).toBe('0.123456');
    expect(formatGiven(0.000001, round)).toBe('0.000001');
    expect(formatGiven(1e-7, round)).toBe('1e-7');
    expect(numberTex(formatGiven(-1.5e308, round))).toBe('-1.5 \\cdot 10^{308}');
    expect(formatGiven(0.05, { ...round, digits: 0 })).toBe('0.05');
    expect(formatGiven(-1.25e14, round)).toBe('-125000000000000');
    expect(formatGiven(0.95, { ...round, decimalComma: true })).toBe('0,95');
  });
});

describe('scientificTex rounding', () => {
  const format = { digits: 4, rounding: 'truncate', decimalComma: false } as const;

  it('truncates the mantissa', () => {
    // 3.29954 · 10^-14 to four significant digits: truncated 3.299, rounded 3.300
    expect(scientificTex(3.29954e-14, format)).toBe('3.299 \\cdot 10^{-14}');
    expect(scientificTex(3.29954e-14, { ...format, rounding: 'round' })).toBe('3.300 \\cdot 10^{-14}');
  });

  it('carries into the exponent', () => {
    // 9.9996 · 10^-5 rounded to four digits is 10.00 · 10^-5 = 1.000 · 10^-4
    expect(scientificTex(-9.9996e-5, { ...format, rounding: 'round' })).toBe('-1.000 \\cdot 10^{-4}');
  });

  it('decimal comma', () => {
    expect(scientificTex(2.5e-7, { ...format, decimalComma: true })).toBe('2{,}500 \\cdot 10^{-7}');
  });
});

describe('formatSignificant', () => {
  const format = { digits: 5, rounding: 'round', decimalComma: false } as const;

  it('three significant digits', () => {
    expect(formatSignificant(0.34396, 3, format)).toBe('0.344');
    expect(formatSignificant(0.34396, 3, { ...format, rounding: 'truncate' })).toBe('0.343');
    expect(formatSignificant(512, 3, format)).toBe('512');
    expect(formatSignificant(1.00004, 3, format)).toBe('1');
  });
});

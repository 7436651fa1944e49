import { userError, UserError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { cliMessages } from '../i18n/cli.js';
import { maxPathsLimit } from '../network/spec.js';

/** Split a comma-separated or repeated option into trimmed, non-empty items. */
export function splitList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

export function parseFormats<F extends string>(value: string | string[] | undefined, accepted: readonly F[], fallback: F[]): F[] {
  const items = splitList(value);
  if (items.length === 0) return fallback;
  for (const item of items) {
    if (!accepted.includes(item as F)) {
      throw new UserError((lang) => cliMessages[lang].unknownFormat(item, accepted.join(', ')));
    }
  }
  return [...new Set(items as F[])];
}

type NumberRule = 'positive' | 'digits' | 'maxPaths' | 'fraction' | 'seeds';

/** Check a numeric option against its rule; returns undefined when it was not given. */
export function numberOption(option: string, value: unknown, rule: NumberRule): number | undefined {
  if (value === undefined) return undefined;
  // Counts are plain integers; a rate is a decimal with a point or a comma (0.5, 0,5),
  // optionally with an exponent (1e-3).
  const text = String(value).trim();
  const pattern = rule === 'positive' || rule === 'fraction' ? /^[+]?\d+([.,]\d+)?(e[+-]?\d+)?$/i : /^\d+$/;
  const number = pattern.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  const valid =
    rule === 'fraction'
      ? number >= 0 && number <= 1
      : rule === 'positive'
      ? Number.isFinite(number) && number > 0
      : rule === 'digits'
        ? Number.isInteger(number) && number >= 0 && number <= 12
        : rule === 'seeds'
          ? Number.isInteger(number) && number >= 1 && number <= 1000
          : Number.isInteger(number) && number > 0 && number <= maxPathsLimit;
  if (valid) return number;

  const requirement = (lang: Lang) => {
    const m = cliMessages[lang];
    if (rule === 'positive') return m.positiveNumber;
    if (rule === 'fraction') return m.fractionRange;
    if (rule === 'seeds') return m.seedsRange;
    return rule === 'digits' ? m.digitsRange : m.maxPathsRange(maxPathsLimit);
  };
  const es = cliMessages.es.invalidNumberOption(`--${option}`, String(value), requirement('es'));
  const en = cliMessages.en.invalidNumberOption(`--${option}`, String(value), requirement('en'));
  throw userError(es, en);
}

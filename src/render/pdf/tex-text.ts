import { closingBrace } from './split.js';

/**
 * Plain text of a formula for the PDF's invisible text layer, so that searching,
 * copying and text extraction find the numbers and symbols drawn as paths:
 * `\frac{dE_{1}}{d\hat{y}_{1}} = 0.68492` becomes `dE1/dŷ1 = 0.68492`.
 */
export function texToText(tex: string): string {
  let text = tex;
  text = replaceFractions(text);
  for (const [pattern, replacement] of replacements) text = text.replace(pattern, replacement);
  return text.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

const replacements: [RegExp, string][] = [
  [/\\hat\{y\}/g, 'ŷ'],
  [/\{,\}/g, ','],
  [/\\left|\\right/g, ''],
  [/\\begin\{(?:pmatrix|cases|aligned)\}|\\end\{(?:pmatrix|cases|aligned)\}/g, ''],
  [/\\\\/g, '; '],
  [/&/g, ' '],
  [/\\operatorname\{([^}]*)\}/g, '$1'],
  [/\\text\{([^}]*)\}/g, '$1'],
  [/\\cdot/g, '·'],
  [/\\leftarrow/g, '←'],
  [/\\to/g, '→'],
  [/\\le\b/g, '≤'],
  [/\\ge\b/g, '≥'],
  [/\\sum/g, 'Σ'],
  [/\\sigma/g, 'σ'],
  [/\\delta/g, 'δ'],
  [/\\eta/g, 'η'],
  [/\\alpha/g, 'α'],
  [/\\partial/g, '∂'],
  [/\\(?:quad|qquad|,|;|!| )/g, ' '],
  [/\\(max|tanh|exp|log)/g, '$1'],
  [/\^\{(\[[^\]]*\])\}/g, '$1'],
  [/\^\{([^{}]*)\}/g, '^$1'],
  [/_\{([^{}]*)\}/g, '$1'],
  [/_/g, ''],
  [/\\([a-zA-Z]+)/g, '$1'],
];

/** Rewrite \frac{a}{b} as a/b, innermost first, since fractions nest. */
function replaceFractions(tex: string): string {
  let text = tex;
  for (;;) {
    const start = text.lastIndexOf('\\frac{');
    if (start < 0) return text;
    const numerator = bracedGroup(text, start + '\\frac'.length);
    const denominator = numerator === null ? null : bracedGroup(text, numerator.end);
    if (numerator === null || denominator === null) return text;
    const wrap = (part: string) => (/[\s+\-·]/.test(part.trim()) ? `(${part})` : part);
    text = `${text.slice(0, start)}${wrap(numerator.content)}/${wrap(denominator.content)}${text.slice(denominator.end)}`;
  }
}

function bracedGroup(text: string, open: number): { content: string; end: number } | null {
  if (text[open] !== '{') return null;
  const close = closingBrace(text, open);
  return close < 0 ? null : { content: text.slice(open + 1, close), end: close + 1 };
}

import { MathJaxNewcmFont } from '@mathjax/mathjax-newcm-font/mjs/svg.js';
import { liteAdaptor, type LiteAdaptor } from '@mathjax/src/mjs/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from '@mathjax/src/mjs/handlers/html.js';
import '@mathjax/src/mjs/input/tex/ams/AmsConfiguration.js';
import '@mathjax/src/mjs/input/tex/base/BaseConfiguration.js';
import { TeX } from '@mathjax/src/mjs/input/tex.js';
import { mathjax } from '@mathjax/src/mjs/mathjax.js';
import { SVG } from '@mathjax/src/mjs/output/svg.js';
import { compileMathSvg, type MathDrawing } from './math-paint.js';
import { digitSkeleton, typesetFractionChain, typesetNumeric, typesetWithDigitSlots } from './numeric-math.js';

/** A typeset formula: its SVG and its size in em, measured from the baseline. */
export interface MathBox {
  readonly drawing: MathDrawing;
  readonly width: number;
  /** Height above the baseline. */
  readonly ascent: number;
  /** Depth below the baseline. */
  readonly descent: number;
}

/** A TeX error in a formula, such as an unknown macro. */
export class TexError extends Error {
  constructor(
    readonly tex: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TexError';
  }
}

interface Typesetter {
  readonly adaptor: LiteAdaptor;
  readonly document: ReturnType<typeof mathjax.document>;
}

let typesetter: Typesetter | undefined;
const cache = new Map<string, MathBox>();
const shapesSeen = new Set<string>();

/**
 * Typeset TeX to SVG with MathJax 4 and the New Computer Modern font. Results are cached
 * by (tex, display), because worked solutions repeat the same factors many times.
 * Throws TexError for TeX that MathJax cannot read.
 */
export function typesetMath(tex: string, display: boolean): MathBox {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  // Numeric formulas are quick to lay out and mostly occur once: caching them would only
  // keep objects alive and make garbage collection slower.
  const numeric = typesetNumeric(tex, glyphBox);
  if (numeric !== null) return numeric;
  const chain = typesetFractionChain(tex, (part) => typesetMath(part, display), glyphBox);
  if (chain !== null) {
    remember(key, chain);
    return chain;
  }
  // A formula shape seen once is likely to recur with other numbers (the next neuron, the
  // next student): from its second occurrence on, only its digits are swapped.
  const shape = `${key[0]}${digitSkeleton(tex, '0')}`;
  if (shapesSeen.has(shape)) {
    const slotted = typesetWithDigitSlots(tex, (skeleton) => typesetByMathJax(skeleton, display));
    if (slotted !== null) return slotted;
  } else if (shape !== key) {
    if (shapesSeen.size >= maxCachedFormulas) shapesSeen.clear();
    shapesSeen.add(shape);
  }
  return typesetWithMathJax(tex, display, key);
}

/** Typeset a formula with MathJax as one piece, or take it from the cache. */
export function typesetByMathJax(tex: string, display: boolean): MathBox {
  const key = `${display ? 'D' : 'I'}${tex}`;
  return cache.get(key) ?? typesetWithMathJax(tex, display, key);
}

/** Typeset a single symbol with MathJax once per process, for the numeric fast path. */
function glyphBox(symbol: string): MathBox {
  const key = `G${symbol}`;
  const box = glyphs.get(key) ?? typesetWithMathJax(symbol, false, key);
  glyphs.set(key, box);
  return box;
}

const glyphs = new Map<string, MathBox>();

function typesetWithMathJax(tex: string, display: boolean, key: string): MathBox {
  const { adaptor, document } = typesetter ??= createTypesetter();
  let svg: string;
  try {
    svg = adaptor.innerHTML(document.convert(tex, { display }));
  } catch (error) {
    throw new TexError(tex, texErrorReason(error));
  }
  const box = measure(svg, tex);
  remember(key, box);
  return box;
}

/**
 * Keep a formula for reuse. The cache is emptied when it reaches its limit, which bounds
 * memory in long batches where most numeric formulas occur once.
 */
function remember(key: string, box: MathBox): void {
  if (cache.size >= maxCachedFormulas) cache.clear();
  cache.set(key, box);
}

const maxCachedFormulas = 20_000;

function createTypesetter(): Typesetter {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({
    packages: ['base', 'ams'],
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  // fontCache 'local' puts each glyph's path once per formula; inline line breaking is off
  // because the PDF layout breaks lines itself.
  const output = new SVG({ fontCache: 'local', fontData: MathJaxNewcmFont, linebreaks: { inline: false } });
  const document = mathjax.document('', { InputJax: input, OutputJax: output });
  return { adaptor, document };
}

/** Read the formula's size from the SVG's viewBox, in units of 1/1000 em. */
function measure(svg: string, tex: string): MathBox {
  // A character missing from the math font comes out as SVG text, which the PDF painter
  // does not draw: reject it rather than leave a gap.
  const text = /<text[^>]*>([^<]*)<\/text>/.exec(svg);
  if (text !== null) throw new TexError(tex, `unsupported character ${text[1]}`);
  if (svg.includes('data-mjx-error') || svg.includes('<merror')) {
    const reason = /data-mjx-error="([^"]*)"/.exec(svg)?.[1] ?? 'invalid TeX';
    throw new TexError(tex, reason);
  }
  const viewBox = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  if (viewBox === null) throw new Error(`MathJax returned an SVG without a viewBox for ${tex}`);
  const [, , minY, width, height] = viewBox.map(Number) as [number, number, number, number, number];
  return { drawing: compileMathSvg(svg), width: width / 1000, ascent: -minY / 1000, descent: (height + minY) / 1000 };
}

/** Forget every cached formula (for benchmarks that measure a cold start). */
export function clearMathCache(): void {
  cache.clear();
  shapesSeen.clear();
}

/** MathJax throws TeX errors as plain objects with a `message`, not as Error instances. */
function texErrorReason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Painting MathJax's SVG output straight into a PDF. svg-to-pdfkit re-parses every path of
 * every formula and writes it inline, which made a worked solution take seconds and
 * 350 KB. Here each glyph becomes one PDF form XObject per document, and a formula is a
 * cached list of "place glyph G with matrix M" operations.
 */

/** An affine matrix [a, b, c, d, e, f] as in SVG and PDF: x' = ax + cy + e, y' = bx + dy + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** An axis-aligned rectangle in the formula's coordinates, clipping what is drawn. */
export interface Clip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MathDrawing {
  /** viewBox of the formula: minX, minY, width, height, in 1/1000 em. */
  readonly viewBox: readonly [number, number, number, number];
  readonly glyphs: readonly { readonly key: string; readonly matrix: Matrix; readonly clip: Clip | null }[];
  readonly rects: readonly { readonly matrix: Matrix; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly clip: Clip | null }[];
  readonly paths: readonly { readonly matrix: Matrix; readonly d: string; readonly clip: Clip | null }[];
}

const identity: Matrix = [1, 0, 0, 1, 0, 0];

/** Glyph outlines by key (MathJax's glyph id without its per-formula prefix), shared by all formulas. */
export const glyphOutlines = new Map<string, string>();

/** Compile MathJax's SVG for one formula into a drawing, recording glyph outlines. */
export function compileMathSvg(svg: string): MathDrawing {
  const viewBoxMatch = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  if (viewBoxMatch === null) throw new Error('MathJax SVG without a viewBox');
  const viewBox = viewBoxMatch.slice(1, 5).map(Number) as [number, number, number, number];

  const glyphs: { key: string; matrix: Matrix; clip: Clip | null }[] = [];
  const rects: { matrix: Matrix; x: number; y: number; width: number; height: number; clip: Clip | null }[] = [];
  const paths: { matrix: Matrix; d: string; clip: Clip | null }[] = [];
  const stack: { matrix: Matrix; clip: Clip | null }[] = [{ matrix: identity, clip: null }];
  let inDefs = false;

  for (const tag of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
    const [, closing, name, attributeText, selfClosing] = tag;
    const attributes = parseAttributes(attributeText!);
    const { matrix: parent, clip } = stack[stack.length - 1]!;

    if (closing === '/') {
      if (name === 'defs') inDefs = false;
      if (name === 'g' || name === 'svg' || name === 'use') stack.pop();
      continue;
    }
    if (name === 'defs') {
      inDefs = true;
      continue;
    }
    if (name === 'path' && inDefs) {
      const key = glyphKey(attributes.id ?? '');
      if (!glyphOutlines.has(key)) glyphOutlines.set(key, attributes.d ?? '');
      continue;
    }

    if (name === 'svg' && stack.length > 1) {
      // A nested svg (MathJax's stretched delimiters) maps its viewBox onto its viewport and clips to it.
      const nested = nestedSvg(attributes, parent);
      if (selfClosing !== '/') stack.push({ matrix: nested.matrix, clip: intersect(clip, nested.clip) });
      continue;
    }
    const local = multiply(translation(attributes), parseTransform(attributes.transform ?? ''));
    const matrix = stack.length === 1 && name === 'svg' ? identity : multiply(parent, local);
    if (name === 'use') glyphs.push({ key: glyphKey((attributes['xlink:href'] ?? attributes.href ?? '').replace(/^#/, '')), matrix, clip });
    if (name === 'rect') {
      const rectMatrix = multiply(parent, parseTransform(attributes.transform ?? ''));
      rects.push({ matrix: rectMatrix, x: num(attributes.x), y: num(attributes.y), width: num(attributes.width), height: num(attributes.height), clip });
    }
    if (name === 'path' && attributes.d !== undefined) paths.push({ matrix, d: attributes.d, clip });
    if ((name === 'g' || name === 'svg' || name === 'use') && selfClosing !== '/') stack.push({ matrix, clip });
  }
  return { viewBox, glyphs, rects, paths };
}

function nestedSvg(attributes: Record<string, string>, parent: Matrix): { matrix: Matrix; clip: Clip } {
  const x = num(attributes.x);
  const y = num(attributes.y);
  const width = num(attributes.width);
  const height = num(attributes.height);
  const [viewX = 0, viewY = 0, viewWidth = width, viewHeight = height] = (attributes.viewBox ?? '').split(/[\s,]+/).filter((v) => v !== '').map(Number);
  const scaleX = viewWidth === 0 ? 1 : width / viewWidth;
  const scaleY = viewHeight === 0 ? 1 : height / viewHeight;
  const local: Matrix = [scaleX, 0, 0, scaleY, x - viewX * scaleX, y - viewY * scaleY];
  return { matrix: multiply(parent, local), clip: transformRect(parent, { x, y, width, height }) };
}

/** Map a rectangle by a matrix without rotation and return its bounding rectangle. */
function transformRect(matrix: Matrix, rect: Clip): Clip {
  const [a, , , d, e, f] = matrix;
  const xs = [a * rect.x + e, a * (rect.x + rect.width) + e];
  const ys = [d * rect.y + f, d * (rect.y + rect.height) + f];
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.abs(xs[1]! - xs[0]!), height: Math.abs(ys[1]! - ys[0]!) };
}

function intersect(outer: Clip | null, inner: Clip): Clip {
  if (outer === null) return inner;
  const x = Math.max(outer.x, inner.x);
  const y = Math.max(outer.y, inner.y);
  const right = Math.min(outer.x + outer.width, inner.x + inner.width);
  const bottom = Math.min(outer.y + outer.height, inner.y + inner.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** MJX-12-NCM-I-1D451 → NCM-I-1D451: the same glyph in every formula. */
function glyphKey(id: string): string {
  return id.replace(/^MJX-[^-]+-/, '');
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[match[1]!] = match[2]!;
  return attributes;
}

function num(value: string | undefined): number {
  return value === undefined ? 0 : Number(value);
}

function translation(attributes: Record<string, string>): Matrix {
  return [1, 0, 0, 1, num(attributes.x), num(attributes.y)];
}

/** Parse an SVG transform list: translate, scale and matrix, as MathJax writes them. */
export function parseTransform(text: string): Matrix {
  let matrix = identity;
  for (const [, kind, argumentText] of text.matchAll(/(translate|scale|matrix)\(([^)]*)\)/g)) {
    const values = argumentText!.split(/[\s,]+/).filter((v) => v !== '').map(Number);
    const [a = 0, b, c = 0, d = 0, e = 0, f = 0] = values;
    if (kind === 'translate') matrix = multiply(matrix, [1, 0, 0, 1, a, b ?? 0]);
    if (kind === 'scale') matrix = multiply(matrix, [a, 0, 0, b ?? a, 0, 0]);
    if (kind === 'matrix') matrix = multiply(matrix, [a, b ?? 0, c, d, e, f]);
  }
  return matrix;
}

/** Compose two matrices: the result applies `inner` first, then `outer`. */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

/**
 * Convert SVG path data to PDF path operators (m, l, c, h). Quadratic curves become
 * cubic ones; relative commands and the S/T shorthands are resolved.
 */
export function pathToPdf(d: string): string {
  const tokens = d.match(/[MmLlHhVvCcSsQqTtZz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let i = 0;
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let controlX = 0;
  let controlY = 0;
  let previous = '';
  const next = () => Number(tokens[i++]);
  const f = (v: number) => Number(v.toFixed(2)).toString();

  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i]!)) command = tokens[i++]!;
    const relative = command === command.toLowerCase();
    const dx = relative ? x : 0;
    const dy = relative ? y : 0;
    switch (command.toUpperCase()) {
      case 'M':
        x = next() + dx;
        y = next() + dy;
        startX = x;
        startY = y;
        out.push(`${f(x)} ${f(y)} m`);
        command = relative ? 'l' : 'L';
        break;
      case 'L':
        x = next() + dx;
        y = next() + dy;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'H':
        x = next() + dx;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'V':
        y = next() + dy;
        out.push(`${f(x)} ${f(y)} l`);
        break;
      case 'C':
      case 'S': {
        const reflect = /[CS]/i.test(previous);
        const [x1, y1] = command.toUpperCase() === 'C' ? [next() + dx, next() + dy] : reflect ? [2 * x - controlX, 2 * y - controlY] : [x, y];
        const x2 = next() + dx;
        const y2 = next() + dy;
        x = next() + dx;
        y = next() + dy;
        out.push(`${f(x1)} ${f(y1)} ${f(x2)} ${f(y2)} ${f(x)} ${f(y)} c`);
        controlX = x2;
        controlY = y2;
        break;
      }
      case 'Q':
      case 'T': {
        const reflect = /[QT]/i.test(previous);
        const [qx, qy] = command.toUpperCase() === 'Q' ? [next() + dx, next() + dy] : reflect ? [2 * x - controlX, 2 * y - controlY] : [x, y];
        const endX = next() + dx;
        const endY = next() + dy;
        out.push(`${f(x + (2 / 3) * (qx - x))} ${f(y + (2 / 3) * (qy - y))} ${f(endX + (2 / 3) * (qx - endX))} ${f(endY + (2 / 3) * (qy - endY))} ${f(endX)} ${f(endY)} c`);
        x = endX;
        y = endY;
        controlX = qx;
        controlY = qy;
        break;
      }
      case 'Z':
        out.push('h');
        x = startX;
        y = startY;
        break;
      default:
        i++;
    }
    previous = command;
  }
  return out.join('\n');
}

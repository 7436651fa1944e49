/**
 * The one place that spells a symbol. Every quantity has three spellings:
 * an id (a valid mathjs symbol, e.g. `w_1_2_1` for w_{2,1}^{[1]}), LaTeX in the slides'
 * notation, and the plain text students type (`w21^[1]`). Indices in ids and in print are
 * 1-based; layer l counts from 1 at the first hidden layer, and a^{[0]} = x.
 */

export type ParameterKind = 'weight' | 'bias';

export interface ParameterRef {
  readonly kind: ParameterKind;
  readonly layer: number;
  /** Neuron j of the layer; null for a bias shared by the layer. */
  readonly row: number | null;
  /** Input k of the neuron; null for biases. */
  readonly col: number | null;
}

export function weightRef(layer: number, row: number, col: number): ParameterRef {
  return { kind: 'weight', layer, row, col };
}

export function biasRef(layer: number, row: number | null): ParameterRef {
  return { kind: 'bias', layer, row, col: null };
}

export function parameterId(p: ParameterRef): string {
  if (p.kind === 'weight') return `w_${p.layer}_${p.row}_${p.col}`;
  return p.row === null ? `b_${p.layer}` : `b_${p.layer}_${p.row}`;
}

export function parameterTex(p: ParameterRef): string {
  if (p.kind === 'weight') return `w_{${p.row},${p.col}}^{[${p.layer}]}`;
  return p.row === null ? `b^{[${p.layer}]}` : `b_{${p.row}}^{[${p.layer}]}`;
}

/** Plain-text name: `w11^[1]`, `w10,2^[3]` when an index has two digits, `b^[2]`, `b1^[2]`. */
export function parameterPlain(p: ParameterRef): string {
  if (p.kind === 'weight') {
    const separator = (p.row ?? 0) > 9 || (p.col ?? 0) > 9 ? ',' : '';
    return `w${p.row}${separator}${p.col}^[${p.layer}]`;
  }
  return p.row === null ? `b^[${p.layer}]` : `b${p.row}^[${p.layer}]`;
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';
const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Write a non-negative integer with Unicode subscript digits: 12 → ₁₂. */
export function subscript(n: number): string {
  return [...String(n)].map((digit) => subscriptDigits[Number(digit)]).join('');
}

/** Write an integer with Unicode superscript digits and minus sign: -9 → ⁻⁹. */
export function superscript(n: number): string {
  return [...String(n)].map((character) => (character === '-' ? '⁻' : superscriptDigits[Number(character)])).join('');
}

/** Write a layer number as a Unicode superscript in brackets: 1 → ⁽¹⁾. */
export function layerSuperscript(layer: number): string {
  return `⁽${superscript(layer)}⁾`;
}

/**
 * Plain-Unicode name for places without LaTeX, such as SVG text: `w₁,₂⁽¹⁾`, `b⁽²⁾`, `b₁⁽²⁾`.
 * Weights always have the comma, as the slides' w_{1,2}^{[1]}.
 */
export function parameterUnicode(p: ParameterRef): string {
  if (p.kind === 'weight') return `w${subscript(p.row ?? 0)},${subscript(p.col ?? 0)}${layerSuperscript(p.layer)}`;
  return p.row === null ? `b${layerSuperscript(p.layer)}` : `b${subscript(p.row)}${layerSuperscript(p.layer)}`;
}

/** Plain-Unicode spellings of the graph's quantities, matching `tex`. ŷ is the precomposed U+0177. */
export const unicode = {
  input: (k: number) => `x${subscript(k)}`,
  target: (i: number) => `y${subscript(i)}`,
  z: (layer: number, j: number) => `z${subscript(j)}${layerSuperscript(layer)}`,
  a: (layer: number, j: number) => `a${subscript(j)}${layerSuperscript(layer)}`,
  prediction: (i: number) => `\u0177${subscript(i)}`,
  lossTerm: (i: number) => `E${subscript(i)}`,
  loss: () => 'E',
};

export const nodeId = {
  input: (k: number) => `x_${k}`,
  target: (i: number) => `y_${i}`,
  z: (layer: number, j: number) => `z_${layer}_${j}`,
  a: (layer: number, j: number) => `a_${layer}_${j}`,
  lossTerm: (i: number) => `E_${i}`,
  loss: () => 'E',
};

export const tex = {
  input: (k: number) => `x_{${k}}`,
  target: (i: number) => `y_{${i}}`,
  z: (layer: number, j: number) => `z_{${j}}^{[${layer}]}`,
  a: (layer: number, j: number) => `a_{${j}}^{[${layer}]}`,
  prediction: (i: number) => `\\hat{y}_{${i}}`,
  lossTerm: (i: number) => `E_{${i}}`,
  loss: () => 'E',
  delta: (layer: number, j: number) => `\\delta_{${j}}^{[${layer}]}`,
  learningRate: () => '\\eta',
};

/**
 * LaTeX of a graph id: parameters, x, y, z, a (ŷ in the output layer), E_i and E.
 * Returns null for names that are not graph ids (function names, `alpha`, …).
 */
export function idToTex(id: string, outputLayer: number): string | null {
  const parts = id.split('_');
  const head = parts[0];
  const numbers = parts.slice(1).map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) return null;
  const [first, second, third] = numbers;

  switch (`${head}/${numbers.length}`) {
    case 'x/1':
      return tex.input(first!);
    case 'y/1':
      return tex.target(first!);
    case 'E/0':
      return tex.loss();
    case 'E/1':
      return tex.lossTerm(first!);
    case 'z/2':
      return tex.z(first!, second!);
    case 'a/2':
      return first === outputLayer ? tex.prediction(second!) : tex.a(first!, second!);
    case 'w/3':
      return parameterTex(weightRef(first!, second!, third!));
    case 'b/1':
      return parameterTex(biasRef(first!, null));
    case 'b/2':
      return parameterTex(biasRef(first!, second!));
    default:
      return null;
  }
}

/** Plain text of a graph id for messages: `z1^[2]`, `a1^[1]`, `E1`, `w12^[1]`. */
export function idToPlain(id: string): string {
  const [head, ...rest] = id.split('_');
  if (head === 'w' && rest.length === 3) return parameterPlain(weightRef(Number(rest[0]), Number(rest[1]), Number(rest[2])));
  if (head === 'b') return parameterPlain(biasRef(Number(rest[0]), rest[1] === undefined ? null : Number(rest[1])));
  if ((head === 'z' || head === 'a') && rest.length === 2) return `${head}${rest[1]}^[${rest[0]}]`;
  return `${head}${rest.join('')}`;
}

const weightPattern =
  /^w_?\{?(\d)(\d)\}?\^?\{?\[(\d+)\]\}?$|^w_?\{?(\d+),(\d+)\}?\^?\{?\[(\d+)\]\}?$|^w\^?\{?\[(\d+)\]\}?_?\{?(\d+),?(\d+)?\}?$/i;
const biasPattern = /^b_?\{?(\d+)?\}?\^?\{?\[(\d+)\]\}?$/i;

/**
 * Parse a parameter name as typed on a command line: `w11^[1]`, `w_{1,1}^{[1]}`,
 * `w1,1^[1]`, `w^[1]_11`, `b^[2]`, `b1^[2]`. Returns null when the text is not one.
 */
export function parseParameterName(text: string): ParameterRef | null {
  const compact = text.replace(/\s+/g, '');
  const weight = weightPattern.exec(compact);
  if (weight) {
    const [, j1, k1, l1, j2, k2, l2, l3, jk3, k3] = weight;
    if (l1 !== undefined) return weightRef(Number(l1), Number(j1), Number(k1));
    if (l2 !== undefined) return weightRef(Number(l2), Number(j2), Number(k2));
    if (l3 !== undefined && jk3 !== undefined) {
      if (k3 !== undefined) return weightRef(Number(l3), Number(jk3), Number(k3));
      if (jk3.length === 2) return weightRef(Number(l3), Number(jk3[0]), Number(jk3[1]));
    }
    return null;
  }
  const bias = biasPattern.exec(compact);
  if (bias) {
    const [, row, layer] = bias;
    return biasRef(Number(layer), row === undefined ? null : Number(row));
  }
  return null;
}

export function sameParameter(p: ParameterRef, q: ParameterRef): boolean {
  return p.kind === q.kind && p.layer === q.layer && p.row === q.row && p.col === q.col;
}

import { countPaths } from '../derivation/paths.js';
import { buildGraph } from '../graph/build.js';
import type { Graph, GraphNode } from '../graph/graph.js';
import {
  biasRef,
  nodeId,
  parameterId,
  parameterPlain,
  parameterUnicode,
  sameParameter,
  superscript,
  unicode,
  weightRef,
  type ParameterRef,
} from '../network/notation.js';
import { hasParameter } from '../network/parameters.js';
import { biasOf, isSharedBias, layerSizes, type Network } from '../network/spec.js';
import { formatGiven, type NumberFormat } from './format.js';

export interface DiagramOptions {
  readonly format: NumberFormat;
  /** Input values x_k, printed left of the inputs; the inputs are drawn without values when absent. */
  readonly input?: readonly number[];
  /** Parameter whose chain-rule paths to every E_i are drawn in colour, with the rest greyed. */
  readonly highlight?: ParameterRef;
  /** Text above the network. */
  readonly title?: string;
}

/** Colours of the diagram, exported so that tests and callers can recognise highlighted elements. */
export const diagramColors = {
  background: '#ffffff',
  ink: '#1f2933',
  edge: '#52606d',
  inputFill: '#e6eef8',
  neuronFill: '#ffffff',
  boxFill: '#f1f3f5',
  highlight: '#d9480f',
  mutedStroke: '#c8cdd3',
  mutedInk: '#a0a8b0',
} as const;

const fontFamily = 'DejaVu Sans, sans-serif';
const nodeFontSize = 16;
const labelFontSize = 13;
const titleFontSize = 16;
/** Distance between neuron centres in a column. */
const rowGap = 70;
/** Range searched for the distance between two columns joined by weights, in steps. */
const minimumColumnGap = 140;
const maximumColumnGap = 560;
/** Gap between columns whose weight labels are left out because they cannot fit. */
const unlabelledColumnGap = 220;
const columnGapStep = 10;
/** Distance from the output neurons to the E_i boxes, and from those to E. */
const lossGap = 100;
const minimumNeuronRadius = 22;
/** Empty space kept between a weight label and any other label, box or circle. */
const clearance = 3;
const arrowLength = 9;
const arrowHalfWidth = 4;
const margin = 16;

const labelPaddingX = 4;
const labelHeight = Math.round(labelFontSize * 1.35);
const boxPaddingX = 7;

/**
 * Advance widths of the characters the diagram writes, in DejaVu Sans 2.37 font units
 * (2048 per em), read from DejaVuSans.ttf. Other characters, which only a title has, count
 * as 0.6 em.
 */
const advanceWidths: ReadonlyMap<string, number> = new Map([
  ...[...'0123456789'].map((c) => [c, 1303] as const),
  ...[...'₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c) => [c, 821] as const),
  ['⁽', 503],
  ['⁾', 503],
  ['a', 1255],
  ['b', 1300],
  ['w', 1675],
  ['x', 1212],
  ['\u0177', 1212],
  ['E', 1294],
  [',', 651],
  ['.', 651],
  ['=', 1716],
  [' ', 651],
  ['\u2212', 1716],
  ['\u00b7', 651],
  ['⁻', 1081],
]);
const unitsPerEm = 2048;
const defaultAdvance = 0.6 * unitsPerEm;

function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const character of text) units += advanceWidths.get(character) ?? defaultAdvance;
  return (units / unitsPerEm) * fontSize;
}

/** Baseline that centres a line of text of this size on y, since svg-to-pdfkit ignores dominant-baseline. */
function baseline(y: number, fontSize: number): number {
  return y + 0.36 * fontSize;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** A circle (halfHeight unused) or an axis-aligned box around a centre. */
interface Shape {
  readonly kind: 'circle' | 'box';
  readonly x: number;
  readonly y: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
}

function circle(x: number, y: number, radius: number): Shape {
  return { kind: 'circle', x, y, halfWidth: radius, halfHeight: radius };
}

function box(x: number, y: number, width: number, height: number): Shape {
  return { kind: 'box', x, y, halfWidth: width / 2, halfHeight: height / 2 };
}

function shapesOverlap(a: Shape, b: Shape, gap: number): boolean {
  if (a.kind === 'circle' && b.kind === 'circle') return Math.hypot(a.x - b.x, a.y - b.y) < a.halfWidth + b.halfWidth + gap;
  if (a.kind === 'circle' || b.kind === 'circle') {
    const [round, square] = a.kind === 'circle' ? [a, b] : [b, a];
    const dx = Math.max(Math.abs(round.x - square.x) - square.halfWidth, 0);
    const dy = Math.max(Math.abs(round.y - square.y) - square.halfHeight, 0);
    return Math.hypot(dx, dy) < round.halfWidth + gap;
  }
  return Math.abs(a.x - b.x) < a.halfWidth + b.halfWidth + gap && Math.abs(a.y - b.y) < a.halfHeight + b.halfHeight + gap;
}

/** Distance from a shape's centre to its outline in the direction (dx, dy), a unit vector. */
function outlineDistance(shape: Shape, dx: number, dy: number): number {
  if (shape.kind === 'circle') return shape.halfWidth;
  const alongX = dx === 0 ? Infinity : shape.halfWidth / Math.abs(dx);
  const alongY = dy === 0 ? Infinity : shape.halfHeight / Math.abs(dy);
  return Math.min(alongX, alongY);
}

/**
 * Draw a network as a standalone SVG 1.1 document: inputs, neurons, loss terms and E from left
 * to right, with every weight and bias labelled with its value.
 */
export function networkDiagram(network: Network, options: DiagramOptions): string {
  const sizes = layerSizes(network);
  if (network.layers.length === 0) throw new Error('cannot draw a network without layers');
  if (options.input !== undefined && options.input.length !== sizes[0]) {
    throw new Error(
      `cannot draw the network: it has ${sizes[0]} inputs but ${options.input.length} input values were given. Give one value per input.`,
    );
  }

  if (options.highlight !== undefined && !hasParameter(network, options.highlight)) {
    throw new Error(`cannot highlight ${parameterPlain(options.highlight)}: the network has no such parameter. Name one of its weights or biases.`);
  }

  const highlight = options.highlight === undefined ? null : pathEdges(network, options.highlight);
  return writeSvg(network, options, cachedLayout(network, options), highlight);
}

/**
 * Lay the network out once for all its highlighted copies: the search for label gaps is
 * the slow part of drawing, and the highlight does not change the layout.
 */
function cachedLayout(network: Network, options: DiagramOptions): Layout {
  const key = JSON.stringify([network, options.format, options.input, options.title]);
  let layout = layouts.get(key);
  if (layout === undefined) {
    if (layouts.size >= 32) layouts.clear();
    layout = layOut(network, options);
    layouts.set(key, layout);
  }
  return layout;
}

const layouts = new Map<string, Layout>();

// ---------------------------------------------------------------------------------------
// Highlight: which drawn edges lie on a chain-rule path

const structureGraphs = new Map<string, Graph>();

/**
 * Build the network's graph on zero data, since only its edges matter here. It is cached by
 * the network's structure, because every highlighted copy of a diagram needs the same one.
 */
function structureGraph(network: Network): Graph {
  const sizes = layerSizes(network);
  const key = JSON.stringify([sizes, network.loss, network.layers.map((layer) => [layer.activation, typeof layer.bias === 'number'])]);
  let graph = structureGraphs.get(key);
  if (graph === undefined) {
    const zeros = (n: number) => Array.from({ length: n }, () => 0);
    const zeroNetwork: Network = { ...network, layers: network.layers.map((layer) => ({ ...layer, weights: layer.weights.map((row) => row.map(() => 0)), bias: typeof layer.bias === 'number' ? 0 : layer.bias.map(() => 0) })) };
    graph = buildGraph(zeroNetwork, { input: zeros(sizes[0]!), target: zeros(sizes[sizes.length - 1]!) });
    if (structureGraphs.size >= 16) structureGraphs.clear();
    structureGraphs.set(key, graph);
  }
  return graph;
}

/** Key of a graph edge from a node to a node computed from it. */
function edgeKey(from: string, to: string): string {
  return `${from}>${to}`;
}

interface Highlight {
  readonly parameter: ParameterRef;
  /** Graph edges (by edgeKey) that lie on a path from the parameter to E. */
  readonly edges: ReadonlySet<string>;
}

/**
 * Find the graph edges on the chain-rule paths from a parameter to E: those reachable from
 * the parameter whose end still reaches E. The graph is built on zero data because only its
 * edges are used, not its values.
 */
function pathEdges(network: Network, parameter: ParameterRef): Highlight {
  const graph = structureGraph(network);

  const start = graph.nodes.get(parameterId(parameter))!;

  const edges = new Set<string>();
  const memo = new Map<string, number>();
  const visited = new Set<string>([start.id]);
  const pending: GraphNode[] = [start];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const edge of current.children) {
      if (countPaths(edge.of, graph.loss, memo) === 0) continue;
      edges.add(edgeKey(current.id, edge.of.id));
      if (!visited.has(edge.of.id)) {
        visited.add(edge.of.id);
        pending.push(edge.of);
      }
    }
  }
  return { parameter, edges };
}

// ---------------------------------------------------------------------------------------
// Layout

interface Layout {
  readonly sizes: readonly number[];
  readonly radius: number;
  /** x of column 0 (inputs) to column L (outputs). */
  readonly columnX: readonly number[];
  readonly lossTermX: number;
  readonly lossX: number;
  /** Row of the shared-bias nodes, below the tallest column. */
  readonly biasY: number;
  /** Placement of the weight labels along their edges, by layer (0-based). */
  readonly labelPlacement: readonly LabelPlacement[];
  /** Whether each layer's weight labels fit without overlaps; they are left out where not. */
  readonly labelsFit: readonly boolean[];
}

function nodeY(sizes: readonly number[], column: number, index: number): number {
  return (index - ((sizes[column] ?? 1) - 1) / 2) * rowGap;
}

function neuronLabel(network: Network, layer: number, j: number): string {
  return layer === network.layers.length ? unicode.prediction(j) : unicode.a(layer, j);
}

/** Format an input value as given, with a true minus sign and 1.5e-9 written 1.5·10⁻⁹. */
function givenText(value: number, format: NumberFormat): string {
  const text = formatGiven(value, format).replace(/^-/, '\u2212');
  return text.replace(/e(-?\d+)$/, (_match, exponent: string) => `\u00b710${superscript(Number(exponent))}`);
}

function weightLabelText(network: Network, format: NumberFormat, layer: number, j: number, k: number): string {
  const value = network.layers[layer - 1]!.weights[j - 1]![k - 1]!;
  return `${parameterUnicode(weightRef(layer, j, k))} = ${givenText(value, format)}`;
}

function biasLabelText(network: Network, format: NumberFormat, layer: number, j: number | null): string {
  const value = biasOf(network.layers[layer - 1]!, (j ?? 1) - 1);
  return `${parameterUnicode(biasRef(layer, j))} = ${givenText(value, format)}`;
}

function labelShape(text: string, centre: Point): Shape {
  return box(centre.x, centre.y, textWidth(text, labelFontSize) + 2 * labelPaddingX, labelHeight);
}

function biasNodeShape(text: string, x: number, y: number): Shape {
  return box(x, y, textWidth(text, labelFontSize) + 2 * boxPaddingX, labelHeight + 6);
}

/** Box of a per-neuron bias label, above its neuron. */
function neuronBiasShape(text: string, x: number, y: number, radius: number): Shape {
  return labelShape(text, { x, y: y - radius - 4 - labelHeight / 2 });
}

function lossBoxShape(text: string, x: number, y: number): Shape {
  return box(x, y, Math.max(textWidth(text, nodeFontSize) + 2 * boxPaddingX, 30), 28);
}

/**
 * Placement of the weight labels of a layer. Each target neuron (or each source neuron) gets
 * one fraction of the edge length, the same for all its incoming (or outgoing) edges. Two
 * crossing edges into different neurons so never put their labels at the same place.
 * Staggering by source suits layers wider than the previous one, whose edges fan out.
 */
interface LabelPlacement {
  readonly by: 'target' | 'source';
  /** Fraction of the edge from its source, by 0-based target or source index. */
  readonly fractions: readonly number[];
}

function labelFraction(placement: LabelPlacement, j: number, k: number): number {
  return placement.fractions[(placement.by === 'target' ? j : k) - 1]!;
}

/**
 * Ranges over which the fractions of a target-staggered layer are evenly spaced, tried in
 * this order. At 0.7 the labels of two edges into one neuron from adjacent rows are
 * (1 − 0.7) · rowGap = 21 px apart, just over a label's height and clearance. A
 * source-staggered layer uses the mirrored fractions, 1 − t.
 */
const labelFractionRanges: readonly (readonly [number, number])[] = [
  [0.25, 0.7],
  [0.3, 0.7],
  [0.3, 0.65],
  [0.35, 0.65],
  [0.4, 0.6],
];

/** Largest layer whose every order of fractions over its neurons is tried (4! = 24 orders). */
const maximumPermutedTargets = 4;

function permutations(count: number): number[][] {
  if (count === 0) return [[]];
  const result: number[][] = [];
  for (const rest of permutations(count - 1)) {
    for (let position = rest.length; position >= 0; position--) result.push([...rest.slice(0, position), count - 1, ...rest.slice(position)]);
  }
  return result;
}

/** Candidate fractions for `count` neurons, in the order they are tried: evenly spaced ascending first. */
function fractionCandidates(count: number): number[][] {
  if (count === 1) return [[0.5], [0.4], [0.6]];
  const orders =
    count <= maximumPermutedTargets
      ? permutations(count)
      : [Array.from({ length: count }, (_v, j) => j), Array.from({ length: count }, (_v, j) => count - 1 - j)];
  const candidates: number[][] = [];
  for (const [first, last] of labelFractionRanges) {
    const spaced = Array.from({ length: count }, (_v, j) => first + ((last - first) * j) / (count - 1));
    for (const order of orders) candidates.push(order.map((rank) => spaced[rank]!));
  }
  return candidates;
}

function placementCandidates(sources: number, targets: number): LabelPlacement[] {
  return [
    ...fractionCandidates(targets).map((fractions) => ({ by: 'target' as const, fractions })),
    ...fractionCandidates(sources).map((fractions) => ({ by: 'source' as const, fractions: fractions.map((t) => 1 - t) })),
  ];
}

function neuronRadius(network: Network): number {
  let widest = 0;
  network.layers.forEach((layer, index) => {
    layer.weights.forEach((_row, j) => (widest = Math.max(widest, textWidth(neuronLabel(network, index + 1, j + 1), nodeFontSize))));
  });
  layerSizes(network).slice(0, 1).forEach((n) => {
    for (let k = 1; k <= n; k++) widest = Math.max(widest, textWidth(unicode.input(k), nodeFontSize));
  });
  return Math.max(minimumNeuronRadius, Math.ceil(widest / 2 + 6));
}

/**
 * Place the columns. Each gap between two columns joined by weights is the smallest multiple of
 * columnGapStep from minimumColumnGap up at which, for some candidate of label fractions, no
 * weight label touches another label, a bias label or node, or a circle.
 */
function layOut(network: Network, options: DiagramOptions): Layout {
  const sizes = layerSizes(network);
  const radius = neuronRadius(network);
  const tallest = Math.max(...sizes);
  const biasY = ((tallest - 1) / 2) * rowGap + rowGap * 0.85;

  const columnX = [0];
  const labelPlacement: LabelPlacement[] = [];
  const labelsFit: boolean[] = [];
  for (let layer = 1; layer <= network.layers.length; layer++) {
    const { gap, placement, fits } = fitGap(network, options.format, sizes, radius, biasY, layer);
    columnX.push(columnX[layer - 1]! + gap);
    labelPlacement.push(placement);
    labelsFit.push(fits);
  }

  const lossTermX = columnX[columnX.length - 1]! + lossGap;
  return { sizes, radius, columnX, lossTermX, lossX: lossTermX + lossGap, biasY, labelPlacement, labelsFit };
}

function fitGap(
  network: Network,
  format: NumberFormat,
  sizes: readonly number[],
  radius: number,
  biasY: number,
  layer: number,
): { gap: number; placement: LabelPlacement; fits: boolean } {
  const candidates = placementCandidates(sizes[layer - 1]!, sizes[layer]!);
  for (let gap = minimumColumnGap; gap <= maximumColumnGap; gap += columnGapStep) {
    for (const placement of candidates) {
      if (countGapCollisions(network, format, sizes, radius, biasY, layer, gap, placement) === 0) return { gap, placement, fits: true };
    }
  }

  // Layers with many neurons (four or more in practice) cannot hold every weight label
  // without overlaps: their labels are left out, but for a highlighted weight's own, and
  // the values stay in the document's weight matrices.
  return { gap: unlabelledColumnGap, placement: candidates[0]!, fits: false };
}

/** Count the weight labels of a layer that touch something, with the previous column at x = 0. */
function countGapCollisions(
  network: Network,
  format: NumberFormat,
  sizes: readonly number[],
  radius: number,
  biasY: number,
  layer: number,
  gap: number,
  placement: LabelPlacement,
): number {
  const obstacles: Shape[] = [];
  for (let k = 1; k <= sizes[layer - 1]!; k++) obstacles.push(circle(0, nodeY(sizes, layer - 1, k - 1), radius));
  for (let j = 1; j <= sizes[layer]!; j++) obstacles.push(circle(gap, nodeY(sizes, layer, j - 1), radius));

  // A shared bias of layer l is a node in column l − 1; per-neuron biases are labels above their neurons.
  const sharedBiasNode = (biasLayer: number, x: number) => {
    const spec = network.layers[biasLayer - 1];
    if (spec !== undefined && isSharedBias(spec)) obstacles.push(biasNodeShape(biasLabelText(network, format, biasLayer, null), x, biasY));
  };
  const neuronBiasLabels = (biasLayer: number, x: number) => {
    const spec = network.layers[biasLayer - 1];
    if (spec === undefined || isSharedBias(spec)) return;
    for (let j = 1; j <= sizes[biasLayer]!; j++) {
      obstacles.push(neuronBiasShape(biasLabelText(network, format, biasLayer, j), x, nodeY(sizes, biasLayer, j - 1), radius));
    }
  };
  sharedBiasNode(layer, 0);
  sharedBiasNode(layer + 1, gap);
  neuronBiasLabels(layer - 1, 0);
  neuronBiasLabels(layer, gap);

  const labels: Shape[] = [];
  for (let j = 1; j <= sizes[layer]!; j++) {
    for (let k = 1; k <= sizes[layer - 1]!; k++) {
      const from = { x: 0, y: nodeY(sizes, layer - 1, k - 1) };
      const to = { x: gap, y: nodeY(sizes, layer, j - 1) };
      const t = labelFraction(placement, j, k);
      const centre = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
      labels.push(labelShape(weightLabelText(network, format, layer, j, k), centre));
    }
  }

  // Arrowheads end at the target circles, so labels keep clear of a wider ring around them.
  const ringGap = clearance + arrowLength;
  let collisions = 0;
  labels.forEach((label, index) => {
    const leavesGap = label.x - label.halfWidth < radius + clearance || label.x + label.halfWidth > gap - radius - clearance;
    const touches =
      leavesGap ||
      obstacles.some((obstacle) => shapesOverlap(label, obstacle, obstacle.kind === 'circle' ? ringGap : clearance)) ||
      labels.some((other, otherIndex) => otherIndex > index && shapesOverlap(label, other, clearance));
    if (touches) collisions++;
  });
  return collisions;
}

// ---------------------------------------------------------------------------------------
// SVG output

type Emphasis = 'normal' | 'path' | 'own' | 'muted';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Format a coordinate with at most two decimals and no negative zero, so that output is stable. */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function strokeOf(emphasis: Emphasis): { color: string; width: number } {
  switch (emphasis) {
    case 'own':
      return { color: diagramColors.highlight, width: 4 };
    case 'path':
      return { color: diagramColors.highlight, width: 2.8 };
    case 'muted':
      return { color: diagramColors.mutedStroke, width: 1.2 };
    case 'normal':
      return { color: diagramColors.edge, width: 1.4 };
  }
}

function inkOf(emphasis: Emphasis): string {
  if (emphasis === 'muted') return diagramColors.mutedInk;
  if (emphasis === 'own') return diagramColors.highlight;
  return diagramColors.ink;
}

function text(content: string, x: number, y: number, fontSize: number, fill: string, anchor: 'start' | 'middle' | 'end'): string {
  return (
    `<text x="${n(x)}" y="${n(baseline(y, fontSize))}" font-family="${fontFamily}" font-size="${fontSize}" ` +
    `fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`
  );
}

function shapeElement(shape: Shape, fill: string, stroke: string, strokeWidth: number, id: string): string {
  if (shape.kind === 'circle') {
    return `<circle id="${id}" cx="${n(shape.x)}" cy="${n(shape.y)}" r="${n(shape.halfWidth)}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
  }
  return (
    `<rect id="${id}" x="${n(shape.x - shape.halfWidth)}" y="${n(shape.y - shape.halfHeight)}" ` +
    `width="${n(2 * shape.halfWidth)}" height="${n(2 * shape.halfHeight)}" rx="4" ` +
    `fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`
  );
}

interface DrawnEdge {
  /** XML id: `edge-FROM-TO` with graph ids, e.g. `edge-x_1-a_1_1` or `edge-b_1-a_1_2`. */
  readonly id: string;
  readonly from: Shape;
  readonly to: Shape;
  readonly emphasis: Emphasis;
}

function edgeElement(edge: DrawnEdge): string {
  const dx = edge.to.x - edge.from.x;
  const dy = edge.to.y - edge.from.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;

  const start = outlineDistance(edge.from, ux, uy);
  const tip = length - outlineDistance(edge.to, ux, uy);
  const { color, width } = strokeOf(edge.emphasis);
  const arrow = arrowLength + (width - 1.4);
  const base = tip - arrow;
  const half = arrowHalfWidth + (width - 1.4) / 2;
  const at = (distance: number, side: number) => ({
    x: edge.from.x + ux * distance - uy * side,
    y: edge.from.y + uy * distance + ux * side,
  });
  const [p0, p1, p2, p3, p4] = [at(start, 0), at(base + 0.5, 0), at(tip, 0), at(base, half), at(base, -half)];

  return (
    `<g id="${edge.id}">` +
    `<line x1="${n(p0.x)}" y1="${n(p0.y)}" x2="${n(p1.x)}" y2="${n(p1.y)}" stroke="${color}" stroke-width="${width}"/>` +
    `<path d="M${n(p2.x)} ${n(p2.y)}L${n(p3.x)} ${n(p3.y)}L${n(p4.x)} ${n(p4.y)}Z" fill="${color}"/>` +
    `</g>`
  );
}

function labelElement(id: string, content: string, shape: Shape, emphasis: Emphasis): string {
  const stroke = emphasis === 'own' ? diagramColors.highlight : 'none';
  const strokeWidth = emphasis === 'own' ? 1.5 : 0;
  return (
    `<g id="${id}">` +
    `<rect x="${n(shape.x - shape.halfWidth)}" y="${n(shape.y - shape.halfHeight)}" width="${n(2 * shape.halfWidth)}" ` +
    `height="${n(2 * shape.halfHeight)}" rx="3" fill="${diagramColors.background}" stroke="${stroke}" stroke-width="${strokeWidth}"/>` +
    text(content, shape.x, shape.y, labelFontSize, inkOf(emphasis), 'middle') +
    `</g>`
  );
}

/** Emphasis of a drawn element: everything is normal without a highlight. */
function emphasisFor(highlight: Highlight | null, onPath: boolean, own = false): Emphasis {
  if (highlight === null) return 'normal';
  if (own) return 'own';
  return onPath ? 'path' : 'muted';
}

/**
 * Write the SVG. With a highlight, an edge is coloured when the graph edge it stands for lies
 * on a path from the parameter to E. A weight edge a_k^{[l−1]} → a_j^{[l]} stands for
 * a_k^{[l−1]} → z_j^{[l]}, because z → a is inside the circle. The parameter's own weight
 * edge, or its shared-bias edges, stand for parameter → z_j^{[l]}.
 */
function writeSvg(network: Network, options: DiagramOptions, layout: Layout, highlight: Highlight | null): string {
  const { sizes, radius, columnX, biasY } = layout;
  const L = network.layers.length;
  const format = options.format;
  const on = (from: string, to: string) => highlight?.edges.has(edgeKey(from, to)) ?? false;
  const isOwn = (p: ParameterRef) => highlight !== null && sameParameter(highlight.parameter, p);

  const nodeShape = (column: number, index: number) => circle(columnX[column]!, nodeY(sizes, column, index - 1), radius);
  const nodeName = (column: number, index: number) => (column === 0 ? nodeId.input(index) : nodeId.a(column, index));

  const edges: DrawnEdge[] = [];
  const labels: { emphasis: Emphasis; element: string }[] = [];
  const nodes: string[] = [];
  const extents: Shape[] = [];

  // Weight edges and their labels.
  for (let layer = 1; layer <= L; layer++) {
    for (let j = 1; j <= sizes[layer]!; j++) {
      for (let k = 1; k <= sizes[layer - 1]!; k++) {
        const weight = weightRef(layer, j, k);
        const z = nodeId.z(layer, j);
        const own = isOwn(weight);
        const onPath = on(parameterId(weight), z) || on(nodeName(layer - 1, k), z);
        const from = nodeShape(layer - 1, k);
        const to = nodeShape(layer, j);
        edges.push({ id: `edge-${nodeName(layer - 1, k)}-${nodeName(layer, j)}`, from, to, emphasis: emphasisFor(highlight, onPath, own) });

        const t = labelFraction(layout.labelPlacement[layer - 1]!, j, k);
        const centre = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
        const content = weightLabelText(network, format, layer, j, k);
        const emphasis = emphasisFor(highlight, onPath, own);
        if (!layout.labelsFit[layer - 1] && !own) continue;
        labels.push({ emphasis, element: labelElement(`label-${parameterId(weight)}`, content, labelShape(content, centre), emphasis) });
      }
    }
  }

  // Biases: one node per shared bias, in the previous column; a label above each neuron otherwise.
  for (let layer = 1; layer <= L; layer++) {
    const spec = network.layers[layer - 1]!;
    if (isSharedBias(spec)) {
      const bias = biasRef(layer, null);
      const content = biasLabelText(network, format, layer, null);
      const shape = biasNodeShape(content, columnX[layer - 1]!, biasY);
      const own = isOwn(bias);
      for (let j = 1; j <= sizes[layer]!; j++) {
        const onPath = on(parameterId(bias), nodeId.z(layer, j));
        edges.push({ id: `edge-${parameterId(bias)}-${nodeName(layer, j)}`, from: shape, to: nodeShape(layer, j), emphasis: emphasisFor(highlight, onPath, own) });
      }
      const emphasis = emphasisFor(highlight, own, own);
      nodes.push(
        shapeElement(shape, diagramColors.boxFill, outlineColor(emphasis), emphasis === 'own' ? 2.5 : 1.2, `node-${parameterId(bias)}`) +
          text(content, shape.x, shape.y, labelFontSize, inkOf(emphasis), 'middle'),
      );
      extents.push(shape);
    } else {
      for (let j = 1; j <= sizes[layer]!; j++) {
        const bias = biasRef(layer, j);
        const content = biasLabelText(network, format, layer, j);
        const neuron = nodeShape(layer, j);
        const shape = neuronBiasShape(content, neuron.x, neuron.y, radius);
        const own = isOwn(bias);
        const emphasis = emphasisFor(highlight, own, own);
        labels.push({ emphasis, element: labelElement(`label-${parameterId(bias)}`, content, shape, emphasis) });
        extents.push(shape);
      }
    }
  }

  // Output terms E_i and the loss E.
  const lossShape = lossBoxShape(unicode.loss(), layout.lossX, 0);
  let lossOnPath = false;
  for (let i = 1; i <= sizes[L]!; i++) {
    const term = lossBoxShape(unicode.lossTerm(i), layout.lossTermX, nodeY(sizes, L, i - 1));
    const toTerm = on(nodeId.a(L, i), nodeId.lossTerm(i));
    const toLoss = on(nodeId.lossTerm(i), nodeId.loss());
    lossOnPath ||= toLoss;
    edges.push({ id: `edge-${nodeId.a(L, i)}-${nodeId.lossTerm(i)}`, from: nodeShape(L, i), to: term, emphasis: emphasisFor(highlight, toTerm) });
    edges.push({ id: `edge-${nodeId.lossTerm(i)}-${nodeId.loss()}`, from: term, to: lossShape, emphasis: emphasisFor(highlight, toLoss) });
    nodes.push(boxNode(term, unicode.lossTerm(i), `node-${nodeId.lossTerm(i)}`, emphasisFor(highlight, toTerm)));
    extents.push(term);
  }
  nodes.push(boxNode(lossShape, unicode.loss(), `node-${nodeId.loss()}`, emphasisFor(highlight, lossOnPath)));
  extents.push(lossShape);

  // Inputs, with their values on the left, and neurons.
  const ownWeightSource = highlight?.parameter.kind === 'weight' ? nodeName(highlight.parameter.layer - 1, highlight.parameter.col!) : null;
  for (let k = 1; k <= sizes[0]!; k++) {
    const shape = nodeShape(0, k);
    const emphasis: Emphasis = highlight === null || ownWeightSource === nodeId.input(k) ? 'normal' : 'muted';
    nodes.push(nodeElement(shape, unicode.input(k), `node-${nodeId.input(k)}`, emphasis, diagramColors.inputFill));
    extents.push(shape);
    const value = options.input?.[k - 1];
    if (value !== undefined) {
      const content = givenText(value, format);
      const right = shape.x - radius - 8;
      nodes.push(text(content, right, shape.y, nodeFontSize, inkOf(emphasis), 'end'));
      extents.push(box(right - textWidth(content, nodeFontSize) / 2, shape.y, textWidth(content, nodeFontSize), nodeFontSize));
    }
  }
  for (let layer = 1; layer <= L; layer++) {
    for (let j = 1; j <= sizes[layer]!; j++) {
      const shape = nodeShape(layer, j);
      const onPath = on(nodeId.z(layer, j), nodeId.a(layer, j));
      const emphasis = ownWeightSource === nodeId.a(layer, j) && !onPath ? 'normal' : emphasisFor(highlight, onPath);
      nodes.push(nodeElement(shape, neuronLabel(network, layer, j), `node-${nodeId.a(layer, j)}`, emphasis, diagramColors.neuronFill));
      extents.push(shape);
    }
  }

  // Every label goes above every edge, as in the plain diagram: a highlighted path passes
  // behind a grey label's background rather than drawing over its text.
  const edgesWith = (emphasis: Emphasis) => edges.filter((edge) => edge.emphasis === emphasis).map(edgeElement);
  const labelsWith = (emphasis: Emphasis) => labels.filter((label) => label.emphasis === emphasis).map((label) => label.element);
  const elements = [
    ...edgesWith('normal'),
    ...edgesWith('muted'),
    ...edgesWith('path'),
    ...edgesWith('own'),
    ...nodes,
    ...labelsWith('muted'),
    ...labelsWith('normal'),
    ...labelsWith('path'),
    ...labelsWith('own'),
  ];
  return document(options.title, extents, elements);
}

function outlineColor(emphasis: Emphasis): string {
  if (emphasis === 'muted') return diagramColors.mutedStroke;
  if (emphasis === 'normal') return diagramColors.ink;
  return diagramColors.highlight;
}

function nodeElement(shape: Shape, label: string, id: string, emphasis: Emphasis, fill: string): string {
  const width = emphasis === 'muted' || emphasis === 'normal' ? 1.5 : 2.8;
  const ink = inkOf(emphasis === 'own' ? 'path' : emphasis);
  return shapeElement(shape, fill, outlineColor(emphasis), width, id) + text(label, shape.x, shape.y, nodeFontSize, ink, 'middle');
}

function boxNode(shape: Shape, label: string, id: string, emphasis: Emphasis): string {
  return nodeElement(shape, label, id, emphasis, diagramColors.boxFill);
}

/** Wrap the elements in an <svg> sized to their extents, with the title centred above. */
function document(title: string | undefined, extents: readonly Shape[], elements: readonly string[]): string {
  const left = Math.min(...extents.map((s) => s.x - s.halfWidth)) - margin;
  const right = Math.max(...extents.map((s) => s.x + s.halfWidth)) + margin;
  const bottom = Math.max(...extents.map((s) => s.y + s.halfHeight)) + margin;
  let top = Math.min(...extents.map((s) => s.y - s.halfHeight)) - margin;

  const titleLines: string[] = [];
  let width = right - left;
  if (title !== undefined && title !== '') {
    top -= titleFontSize * 1.8;
    width = Math.max(width, textWidth(title, titleFontSize) + 2 * margin);
  }
  const widthPx = Math.ceil(width);
  const heightPx = Math.ceil(bottom - top);
  // Centre the drawing when a long title widens the picture.
  const dx = -left + (widthPx - (right - left)) / 2;
  const dy = -top;
  if (title !== undefined && title !== '') {
    titleLines.push(text(title, widthPx / 2, margin + titleFontSize * 0.6, titleFontSize, diagramColors.ink, 'middle'));
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}">`,
    `<rect x="0" y="0" width="${widthPx}" height="${heightPx}" fill="${diagramColors.background}"/>`,
    ...titleLines,
    `<g transform="translate(${n(dx)} ${n(dy)})">`,
    ...elements,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

import { describe, expect, it } from 'vitest';
import { enumeratePaths } from '../../src/derivation/paths.js';
import { buildGraph } from '../../src/graph/build.js';
import { node } from '../../src/graph/graph.js';
import { biasRef, nodeId, parameterId, parameterPlain, weightRef, type ParameterRef } from '../../src/network/notation.js';
import { parametersInBackpropOrder } from '../../src/network/parameters.js';
import type { Network, Sample } from '../../src/network/spec.js';
import { diagramColors, networkDiagram } from '../../src/render/diagram.js';
import type { NumberFormat } from '../../src/render/format.js';
import { lectureProblem, makeProblem } from '../helpers.js';

const format: NumberFormat = { digits: 5, rounding: 'truncate', decimalComma: false };

const lecture = lectureProblem();
const lectureInput = lecture.samples[0]!.input;

/** The 3-2-3-1 network of exercises/relu-3-capas.yaml: per-neuron biases in layers 1 and 3, shared in 2. */
const deep = makeProblem(
  [
    { weights: [[0.3, -0.1, 0.2], [0.5, 0.4, -0.3]], bias: [0.1, -0.2], activation: 'tanh' },
    { weights: [[0.7, -0.6], [0.2, 0.9], [-0.4, 0.3]], bias: 0.05, activation: 'relu' },
    { weights: [[0.6, -0.2, 0.8]], bias: [0.1], activation: 'sigmoid' },
  ],
  [1, 0.5, -0.7],
  [0.8],
);

// ---------------------------------------------------------------------------------------
// A minimal XML reader: enough for the elements, attributes and text the diagram writes,
// and strict about nesting so that a malformed document fails the tests.

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  readonly parent: XmlElement | null;
  text: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], parent: null, text: '' };
  const token = /<\?[^>]*\?>|<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  let current = root;
  while (token.lastIndex < xml.length) {
    const start = token.lastIndex;
    const match = token.exec(xml);
    if (match === null) throw new Error(`malformed XML at offset ${start}: ${xml.slice(start, start + 40)}`);
    const [whole, closing, name, attributeText, selfClosing, text] = match;
    if (whole.startsWith('<?')) continue;
    if (text !== undefined) {
      if (/[<>]|&(?!(lt|gt|quot|amp);)/.test(text)) throw new Error(`unescaped text: ${text}`);
      current.text += decodeEntities(text);
      continue;
    }
    if (closing === '/') {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent!;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (attributeText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[key!] = decodeEntities(value!);
    const element: XmlElement = { name: name!, attributes, children: [], parent: current, text: '' };
    current.children.push(element);
    if (selfClosing !== '/') current = element;
  }
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

function draw(network: Network, options: Partial<Parameters<typeof networkDiagram>[1]> = {}): XmlElement {
  return parseXml(networkDiagram(network, { format, ...options }));
}

function byId(root: XmlElement, id: string): XmlElement {
  const found = descendants(root).find((element) => element.attributes.id === id);
  if (found === undefined) throw new Error(`no element with id ${id}`);
  return found;
}

function edgeIds(root: XmlElement): string[] {
  return descendants(root)
    .filter((element) => element.name === 'g' && element.attributes.id?.startsWith('edge-'))
    .map((element) => element.attributes.id!);
}

function edgeLine(root: XmlElement, id: string): XmlElement {
  const line = byId(root, id).children.find((child) => child.name === 'line');
  if (line === undefined) throw new Error(`edge ${id} has no line`);
  return line;
}

function highlightedEdges(root: XmlElement): string[] {
  return edgeIds(root)
    .filter((id) => edgeLine(root, id).attributes.stroke === diagramColors.highlight)
    .sort();
}

function texts(root: XmlElement): string[] {
  return descendants(root)
    .filter((element) => element.name === 'text')
    .map((element) => element.text);
}

function neuronCircles(root: XmlElement, layer: number): number {
  return descendants(root).filter((element) => element.name === 'circle' && element.attributes.id?.startsWith(`node-a_${layer}_`)).length;
}

function highlightedNodes(root: XmlElement): string[] {
  return descendants(root)
    .filter((element) => element.attributes.id?.startsWith('node-') && element.attributes.stroke === diagramColors.highlight)
    .map((element) => element.attributes.id!)
    .sort();
}

/**
 * Map the edges of every chain-rule path from a parameter to E, as enumeratePaths lists them,
 * to the ids of the drawn edges: z → a is inside a circle, a per-neuron bias has no edge.
 */
function drawnEdgesOfPaths(network: Network, sample: Sample, parameter: ParameterRef): string[] {
  const graph = buildGraph(network, sample);
  const start = node(graph, parameterId(parameter));
  const source = (layer: number, k: number) => (layer === 0 ? nodeId.input(k) : nodeId.a(layer, k));
  const ids = new Set<string>();
  for (const path of enumeratePaths(start, graph.loss, 100_000)) {
    for (const edge of path) {
      const { of, wrt } = edge;
      if (of.kind === 'z' && wrt === start && parameter.kind === 'weight') {
        ids.add(`edge-${source(parameter.layer - 1, parameter.col!)}-${nodeId.a(of.layer!, of.index!)}`);
      } else if (of.kind === 'z' && wrt === start && parameter.row === null) {
        ids.add(`edge-${parameterId(parameter)}-${nodeId.a(of.layer!, of.index!)}`);
      } else if (of.kind === 'z' && wrt.kind === 'a') {
        ids.add(`edge-${wrt.id}-${nodeId.a(of.layer!, of.index!)}`);
      } else if (of.kind === 'lossTerm' || of.kind === 'loss') {
        ids.add(`edge-${wrt.id}-${of.id}`);
      }
    }
  }
  return [...ids].sort();
}

interface Rectangle {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function labelRectangles(root: XmlElement): Rectangle[] {
  return descendants(root)
    .filter((element) => element.name === 'g' && element.attributes.id?.startsWith('label-'))
    .map((group) => {
      const rect = group.children.find((child) => child.name === 'rect')!;
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((key) => Number(rect.attributes[key]));
      return { id: group.attributes.id!, left: x!, top: y!, right: x! + width!, bottom: y! + height! };
    });
}

function circles(root: XmlElement): { id: string; x: number; y: number; r: number }[] {
  return descendants(root)
    .filter((element) => element.name === 'circle')
    .map((element) => ({
      id: element.attributes.id!,
      x: Number(element.attributes.cx),
      y: Number(element.attributes.cy),
      r: Number(element.attributes.r),
    }));
}

function rectanglesOverlap(a: Rectangle, b: Rectangle): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function circleMeetsRectangle(c: { x: number; y: number; r: number }, rect: Rectangle): boolean {
  const dx = Math.max(rect.left - c.x, 0, c.x - rect.right);
  const dy = Math.max(rect.top - c.y, 0, c.y - rect.bottom);
  return Math.hypot(dx, dy) < c.r;
}

// ---------------------------------------------------------------------------------------

describe('networkDiagram structure', () => {
  it('draws one circle per neuron', () => {
    const root = draw(lecture.network, { input: lectureInput });
    expect(neuronCircles(root, 1)).toBe(2);
    expect(neuronCircles(root, 2)).toBe(2);
    expect(byId(root, 'node-x_1').name).toBe('circle');
    expect(byId(root, 'node-x_2').name).toBe('circle');

    const deepRoot = draw(deep.network);
    expect(neuronCircles(deepRoot, 1)).toBe(2);
    expect(neuronCircles(deepRoot, 2)).toBe(3);
    expect(neuronCircles(deepRoot, 3)).toBe(1);
  });

  it('names neurons, outputs and loss terms', () => {
    const labels = texts(draw(lecture.network, { input: lectureInput }));
    for (const name of ['x₁', 'x₂', 'a₁⁽¹⁾', 'a₂⁽¹⁾', 'ŷ₁', 'ŷ₂', 'E₁', 'E₂', 'E']) expect(labels).toContain(name);
    expect(labels).not.toContain('a₁⁽²⁾');
  });

  it('labels every lecture weight with its value', () => {
    const labels = texts(draw(lecture.network, { input: lectureInput }));
    const expected = [
      'w₁,₁⁽¹⁾ = 0.1', 'w₁,₂⁽¹⁾ = 0.3', 'w₂,₁⁽¹⁾ = 0.2', 'w₂,₂⁽¹⁾ = 0.4',
      'w₁,₁⁽²⁾ = 0.5', 'w₁,₂⁽²⁾ = 0.6', 'w₂,₁⁽²⁾ = 0.7', 'w₂,₂⁽²⁾ = 0.8',
    ];
    for (const label of expected) expect(labels).toContain(label);
    expect(labels.filter((label) => label.startsWith('w'))).toHaveLength(8);
  });

  it('prints input values as given', () => {
    const labels = texts(draw(lecture.network, { input: lectureInput }));
    expect(labels).toContain('0.1');
    expect(labels).toContain('0.5');
    expect(texts(draw(deep.network, { input: [1, 0.5, -0.7] }))).toContain('−0.7');
  });

  it('writes tiny values with a power of ten', () => {
    const tiny = makeProblem([{ weights: [[2.5e-8]], bias: -1e-9, activation: 'linear' }], [3e20], [1]);
    const labels = texts(draw(tiny.network, { input: [3e20] }));
    expect(labels).toContain('w₁,₁⁽¹⁾ = 2.5·10⁻⁸');
    expect(labels).toContain('b⁽¹⁾ = −1·10⁻⁹');
    expect(labels).toContain('3·10²⁰');
  });

  it('omits values without input', () => {
    const labels = texts(draw(lecture.network));
    expect(labels).not.toContain('0.5');
    expect(labels).toContain('x₁');
  });

  it('draws a shared bias as one node', () => {
    const root = draw(lecture.network);
    expect(byId(root, 'node-b_1').name).toBe('rect');
    expect(texts(root)).toContain('b⁽¹⁾ = 0.25');
    expect(texts(root)).toContain('b⁽²⁾ = 0.35');
    const biasEdges = edgeIds(root).filter((id) => id.startsWith('edge-b_'));
    expect(biasEdges.sort()).toEqual(['edge-b_1-a_1_1', 'edge-b_1-a_1_2', 'edge-b_2-a_2_1', 'edge-b_2-a_2_2']);
  });

  it('labels per-neuron biases', () => {
    const root = draw(deep.network);
    const labels = texts(root);
    expect(labels).toContain('b₁⁽¹⁾ = 0.1');
    expect(labels).toContain('b₂⁽¹⁾ = −0.2');
    expect(labels).toContain('b₁⁽³⁾ = 0.1');
    expect(labels).toContain('b⁽²⁾ = 0.05');
    expect(byId(root, 'label-b_1_2').name).toBe('g');
    expect(edgeIds(root).filter((id) => id.startsWith('edge-b_'))).toEqual(['edge-b_2-a_2_1', 'edge-b_2-a_2_2', 'edge-b_2-a_2_3']);
  });

  it('counts the edges of the lecture network', () => {
    // 8 weights, 4 shared-bias edges, ŷ_i → E_i and E_i → E twice each.
    expect(edgeIds(draw(lecture.network))).toHaveLength(16);
  });

  it('writes a decimal comma', () => {
    const labels = texts(draw(lecture.network, { format: { ...format, decimalComma: true }, input: lectureInput }));
    expect(labels).toContain('w₁,₁⁽¹⁾ = 0,1');
    expect(labels).toContain('b⁽¹⁾ = 0,25');
    expect(labels).toContain('0,5');
  });
});

describe('networkDiagram highlight', () => {
  it('highlights both paths of w11^[1]', () => {
    const root = draw(lecture.network, { input: lectureInput, highlight: weightRef(1, 1, 1) });
    // The weight's own edge, then a₁⁽¹⁾ → ŷ₁ → E₁ → E and a₁⁽¹⁾ → ŷ₂ → E₂ → E.
    expect(highlightedEdges(root)).toEqual(
      ['edge-E_1-E', 'edge-E_2-E', 'edge-a_1_1-a_2_1', 'edge-a_1_1-a_2_2', 'edge-a_2_1-E_1', 'edge-a_2_2-E_2', 'edge-x_1-a_1_1'].sort(),
    );
    expect(highlightedNodes(root)).toEqual(['node-E', 'node-E_1', 'node-E_2', 'node-a_1_1', 'node-a_2_1', 'node-a_2_2']);
  });

  it('emphasizes the parameter edge', () => {
    const root = draw(lecture.network, { highlight: weightRef(1, 1, 1) });
    const own = Number(edgeLine(root, 'edge-x_1-a_1_1').attributes['stroke-width']);
    const path = Number(edgeLine(root, 'edge-a_1_1-a_2_1').attributes['stroke-width']);
    expect(own).toBeGreaterThan(path);
    const label = byId(root, 'label-w_1_1_1');
    expect(label.children[0]!.attributes.stroke).toBe(diagramColors.highlight);
  });

  it('greys everything off the paths', () => {
    const root = draw(lecture.network, { highlight: weightRef(1, 1, 1) });
    expect(edgeLine(root, 'edge-x_2-a_1_2').attributes.stroke).toBe(diagramColors.mutedStroke);
    expect(edgeLine(root, 'edge-b_1-a_1_1').attributes.stroke).toBe(diagramColors.mutedStroke);
    expect(byId(root, 'node-a_1_2').attributes.stroke).toBe(diagramColors.mutedStroke);
    const greyLabel = byId(root, 'label-w_1_2_2').children.find((child) => child.name === 'text')!;
    expect(greyLabel.attributes.fill).toBe(diagramColors.mutedInk);
  });

  it('highlights shared bias through both neurons', () => {
    const root = draw(lecture.network, { highlight: biasRef(1, null) });
    expect(highlightedEdges(root)).toEqual(
      [
        'edge-b_1-a_1_1', 'edge-b_1-a_1_2',
        'edge-a_1_1-a_2_1', 'edge-a_1_1-a_2_2', 'edge-a_1_2-a_2_1', 'edge-a_1_2-a_2_2',
        'edge-a_2_1-E_1', 'edge-a_2_2-E_2', 'edge-E_1-E', 'edge-E_2-E',
      ].sort(),
    );
    expect(byId(root, 'node-b_1').attributes.stroke).toBe(diagramColors.highlight);
    expect(byId(root, 'node-b_2').attributes.stroke).toBe(diagramColors.mutedStroke);
  });

  it('highlights a per-neuron bias label', () => {
    const root = draw(deep.network, { highlight: biasRef(3, 1) });
    expect(highlightedEdges(root)).toEqual(['edge-E_1-E', 'edge-a_3_1-E_1']);
    expect(byId(root, 'label-b_3_1').children[0]!.attributes.stroke).toBe(diagramColors.highlight);
    expect(byId(root, 'label-b_1_1').children[0]!.attributes.stroke).toBe('none');
  });

  it('matches enumerated paths for every parameter', () => {
    for (const problem of [lecture, deep]) {
      for (const parameter of parametersInBackpropOrder(problem.network)) {
        const root = draw(problem.network, { highlight: parameter });
        const expected = drawnEdgesOfPaths(problem.network, problem.samples[0]!, parameter);
        expect(highlightedEdges(root), parameterPlain(parameter)).toEqual(expected);
      }
    }
  });

  it('rejects an unknown parameter', () => {
    expect(() => networkDiagram(lecture.network, { format, highlight: biasRef(1, 1) })).toThrow(
      'cannot highlight b1^[1]: the network has no such parameter',
    );
    expect(() => networkDiagram(lecture.network, { format, highlight: weightRef(3, 1, 1) })).toThrow('w11^[3]');
  });
});

describe('networkDiagram layout', () => {
  it('keeps lecture labels apart', () => {
    for (const highlight of [undefined, weightRef(1, 1, 1)]) {
      const root = draw(lecture.network, { input: lectureInput, ...(highlight ? { highlight } : {}) });
      const labels = labelRectangles(root);
      expect(labels).toHaveLength(8);
      for (const [index, a] of labels.entries()) {
        for (const b of labels.slice(index + 1)) expect(rectanglesOverlap(a, b), `${a.id} and ${b.id}`).toBe(false);
        for (const c of circles(root)) expect(circleMeetsRectangle(c, a), `${a.id} and ${c.id}`).toBe(false);
      }
    }
  });

  it('keeps 3-2-3-1 labels apart', () => {
    const root = draw(deep.network, { input: [1, 0.5, -0.7] });
    const labels = labelRectangles(root);
    // 6 + 6 + 3 weights and 3 per-neuron biases.
    expect(labels).toHaveLength(18);
    for (const [index, a] of labels.entries()) {
      for (const b of labels.slice(index + 1)) expect(rectanglesOverlap(a, b), `${a.id} and ${b.id}`).toBe(false);
      for (const c of circles(root)) expect(circleMeetsRectangle(c, a), `${a.id} and ${c.id}`).toBe(false);
    }
  });

  it('draws one neuron and a wide layer', () => {
    const single = makeProblem([{ weights: [[0.5]], bias: 0, activation: 'sigmoid' }], [1], [0]);
    const root = draw(single.network, { input: [1], highlight: weightRef(1, 1, 1) });
    expect(highlightedEdges(root)).toEqual(['edge-E_1-E', 'edge-a_1_1-E_1', 'edge-x_1-a_1_1']);

    // Four neurons into four: no label placement fits, so the weight labels are left out,
    // but for the highlighted weight's own.
    const square = Array.from({ length: 4 }, (_v, j) => Array.from({ length: 4 }, (_w, k) => (j + k) / 10));
    const wide = makeProblem([{ weights: square, bias: 0.1, activation: 'sigmoid' }], [1, 2, 3, 4], [0, 0, 0, 0]);
    expect(labelRectangles(draw(wide.network))).toHaveLength(0);
    expect(labelRectangles(draw(wide.network, { highlight: weightRef(1, 2, 3) }))).toHaveLength(1);
  });

  it('sizes the picture from the network', () => {
    const svg = parseXml(networkDiagram(lecture.network, { format })).children[0]!;
    const width = Number(svg.attributes.width);
    const height = Number(svg.attributes.height);
    expect(svg.attributes.viewBox).toBe(`0 0 ${width} ${height}`);

    const deepSvg = parseXml(networkDiagram(deep.network, { format })).children[0]!;
    expect(Number(deepSvg.attributes.width)).toBeGreaterThan(width);
    expect(Number(deepSvg.attributes.height)).toBeGreaterThan(height);
  });
});

describe('networkDiagram output', () => {
  it('is deterministic', () => {
    const options = { format, input: lectureInput, highlight: weightRef(1, 1, 1), title: 'Red 2-2-2' };
    expect(networkDiagram(lecture.network, options)).toBe(networkDiagram(lectureProblem().network, { ...options }));
    expect(networkDiagram(deep.network, { format })).toBe(networkDiagram(deep.network, { format }));
  });

  it('escapes XML in the title', () => {
    const svg = networkDiagram(lecture.network, { format, title: 'a < b & "c" > d' });
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(texts(parseXml(svg))).toContain('a < b & "c" > d');
  });

  it('writes plain SVG 1.1', () => {
    const svg = networkDiagram(lecture.network, { format, input: lectureInput, highlight: biasRef(1, null), title: 'Title' });
    const root = parseXml(svg);
    const top = root.children[0]!;
    expect(top.name).toBe('svg');
    expect(top.attributes.version).toBe('1.1');
    expect(top.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    for (const forbidden of ['<style', 'class=', 'foreignObject', 'dominant-baseline', 'href', 'url(', '<image']) {
      expect(svg, forbidden).not.toContain(forbidden);
    }
    const textElements = descendants(root).filter((element) => element.name === 'text');
    for (const text of textElements) expect(text.attributes['font-family']).toBe('DejaVu Sans, sans-serif');
  });

  it('uses only checked characters', () => {
    // Every character below has a glyph in DejaVu Sans 2.37 (checked with fontkit on DejaVuSans.ttf).
    const checked = new Set('0123456789₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁻abwxEŷ,.=−· ');
    const tiny = makeProblem([{ weights: [[2.5e-8, -1]], bias: [1e-9], activation: 'linear' }], [-3e20, 1], [1]);
    for (const problem of [lecture, deep, tiny]) {
      const root = draw(problem.network, { input: problem.samples[0]!.input, format: { ...format, decimalComma: true } });
      for (const text of texts(root)) {
        for (const character of text) expect(checked.has(character), `${character} in ${text}`).toBe(true);
      }
    }
  });

  it('rejects input of the wrong length', () => {
    expect(() => networkDiagram(lecture.network, { format, input: [0.1] })).toThrow('it has 2 inputs but 1 input values were given');
  });
});

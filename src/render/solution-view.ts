import { activations } from '../activations/index.js';
import type { Factor, ChainPath, Delta, Derivation, ParameterDerivation, TermContribution } from '../derivation/types.js';
import type { Edge, GraphNode } from '../graph/graph.js';
import { valuesById } from '../graph/graph.js';
import { losses } from '../losses/index.js';
import { documentMessages, type DocumentMessages } from '../i18n/document.js';
import type { Lang } from '../i18n/lang.js';
import { idToTex, parameterTex, tex, weightRef } from '../network/notation.js';
import { layerSizes } from '../network/spec.js';
import { math, substitute, type MathNode } from '../graph/math.js';
import type { NumberFormat } from './format.js';
import { diagramFileName } from './images.js';
import { bare, conditionThatHolds, numberToTex, toTex, type TexContext } from './latex.js';

export interface SolutionOptions {
  readonly lang: Lang;
  readonly format: NumberFormat;
  /** Title in place of the generic one, such as a homework's; Markdown. */
  readonly title?: string;
  /** Markdown printed under the title, such as whose variant this is. */
  readonly preface?: string;
}

/** A factor as the slides show it: what it differentiates, the steps, the value. */
export interface FactorView {
  readonly fraction: string;
  readonly definition: string | null;
  /** `fraction = symbolic = substituted = value`, or `fraction = value` when reused. */
  readonly equation: string;
  /** Reference to the earlier computation, or null where this is the computation. */
  readonly reused: string | null;
}

export interface PathView {
  readonly heading: string | null;
  readonly chain: string;
  readonly factors: FactorView[];
  readonly product: string;
}

export interface TermView {
  readonly heading: string;
  readonly chain: string;
  readonly paths: PathView[];
  readonly sum: string | null;
}

export interface ParameterView {
  readonly heading: string;
  /** File name of the diagram with this parameter's paths highlighted. */
  readonly diagram: string;
  readonly reaches: string;
  readonly deltaReason: string | null;
  readonly deltaEquation: string | null;
  readonly terms: TermView[];
  readonly sum: string | null;
  readonly update: string;
}

export interface LayerView {
  readonly heading: string;
  readonly description: string;
  readonly equations: string[];
}

export interface SolutionView {
  readonly t: DocumentMessages;
  readonly lang: Lang;
  readonly title: string;
  readonly preface: string | null;
  readonly intro: string;
  readonly precision: string;
  readonly network: {
    diagram: string;
    inputs: string;
    targets: string;
    layers: LayerView[];
    loss: string;
    convention: string;
    activations: string[];
    learningRate: string;
  };
  readonly forward: { layers: LayerView[]; error: string[] };
  readonly parameters: ParameterView[];
  readonly deltas: { layers: LayerView[]; gradients: string[] };
  readonly summary: { symbol: string; value: string; gradient: string; updated: string }[];
}

/** Everything the worked-solution template prints, as finished LaTeX and text. */
export function buildSolutionView(derivation: Derivation, options: SolutionOptions): SolutionView {
  const t = documentMessages[options.lang];
  const { graph } = derivation;
  const given = new Set([...graph.nodes.values()].filter((n) => n.expression === null).map((n) => n.id));
  const symbolic: TexContext = { outputLayer: graph.outputLayer, format: options.format };
  const numeric: TexContext = { ...symbolic, values: valuesById(graph), given };
  const writer = new SolutionWriter(derivation, t, symbolic, numeric);

  return {
    t,
    lang: options.lang,
    title: options.title ?? t.title,
    preface: options.preface ?? null,
    intro: t.intro(layerSizes(derivation.problem.network).join('-')),
    precision: t.precision(options.format.digits, options.format.rounding === 'truncate'),
    network: writer.network(),
    forward: writer.forward(),
    parameters: derivation.parameters.map((p) => writer.parameter(p)),
    deltas: writer.deltas(),
    summary: derivation.parameters.map((p) => ({
      symbol: parameterTex(p.parameter),
      value: writer.given(p.value),
      gradient: writer.number(p.gradient),
      updated: writer.number(p.updated),
    })),
  };
}

class SolutionWriter {
  constructor(
    private readonly derivation: Derivation,
    private readonly t: DocumentMessages,
    private readonly symbolic: TexContext,
    private readonly numeric: TexContext,
  ) {}

  number(value: number): string {
    return numberToTex(value, this.symbolic);
  }

  given(value: number): string {
    return numberToTex(value, this.symbolic, true);
  }

  network(): SolutionView['network'] {
    const { network, samples } = this.derivation.problem;
    const sample = samples[0]!;
    const vector = (name: string, values: number[]) => `${name} = ${this.vector(values)}`;

    const layers = network.layers.map((layer, index) => {
      const l = index + 1;
      const entries = layer.weights.map((row, j) => row.map((_w, k) => parameterTex(weightRef(l, j + 1, k + 1))));
      const symbols = matrixTex(entries);
      const values = matrixTex(layer.weights.map((row) => row.map((w) => this.given(w))));
      const bias =
        typeof layer.bias === 'number'
          ? `b^{[${l}]} = ${this.given(layer.bias)}`
          : `b^{[${l}]} = ${this.vector(layer.bias)}`;
      const activation = activations[layer.activation];
      const alpha = activation.defaultAlpha === undefined ? '' : `, \\ \\alpha = ${this.given(layer.alpha)}`;
      return {
        heading: this.t.layerHeading(l, l === network.layers.length),
        description: this.t.activationOfLayer(l, this.t.activationNames[layer.activation]),
        equations: [`W^{[${l}]} = ${symbols} = ${values}, \\quad ${bias}${alpha}`],
      };
    });

    const used = [...new Set(network.layers.map((layer) => layer.activation))];
    const outputs = network.layers[network.layers.length - 1]!.weights.length;
    const loss = losses[network.loss];
    const term = lossTermTemplate(loss.term, outputs);
    const termTex = toTex(term, { ...this.symbolic, symbols: new Map([['y', 'y_i'], ['yhat', '\\hat{y}_i']]) });
    const terms = Array.from({ length: outputs }, (_v, i) => tex.lossTerm(i + 1)).join(' + ');

    return {
      diagram: diagramFileName(),
      inputs: vector('x', sample.input),
      targets: vector('y', sample.target),
      layers,
      activations: used.map((name) => activations[name].definitionTex),
      loss: `E = ${terms}, \\qquad E_i = ${termTex}`,
      convention: this.convention(),
      learningRate: `\\eta = ${this.given(this.derivation.learningRate)}`,
    };
  }

  forward(): SolutionView['forward'] {
    const { graph } = this.derivation;
    const forwardContext: TexContext = { ...this.numeric, substituteCalls: false };
    const layers: LayerView[] = [];

    for (let l = 1; l <= graph.outputLayer; l++) {
      const nodes = graph.computed.filter((n) => n.layer === l);
      const equations = nodes.map((n) => {
        const name = this.nodeTex(n);
        const symbolic = toTex(n.expression!, this.symbolic);
        const substituted = toTex(n.expression!, forwardContext);
        return `${name} = ${symbolic} = ${substituted} = ${this.number(n.value)}`;
      });
      layers.push({ heading: this.t.layerHeading(l, l === graph.outputLayer), description: '', equations });
    }

    const error = graph.lossTerms.map((term) => {
      const symbolic = toTex(term.expression!, this.symbolic);
      return `${this.nodeTex(term)} = ${symbolic} = ${toTex(term.expression!, forwardContext)} = ${this.number(term.value)}`;
    });
    const termValues = graph.lossTerms.map((term) => this.number(term.value)).join(' + ');
    const total = graph.lossTerms.length > 1 ? ` = ${termValues}` : '';
    error.push(`E = ${toTex(graph.loss.expression!, this.symbolic)}${total} = ${this.number(graph.loss.value)}`);
    return { layers, error };
  }

  parameter(p: ParameterDerivation): ParameterView {
    const symbol = parameterTex(p.parameter);
    const outputs = p.terms.map((term) => `$${this.predictionOf(term.term)}$`);
    const gradientFraction = `\\frac{dE}{d${symbol}}`;
    const terms = p.form === 'paths' ? p.terms.map((term) => this.term(term, symbol)) : [];
    const termFractions = p.terms.map((term) => `\\frac{d${this.nodeTex(term.term)}}{d${symbol}}`);
    const termValues = p.terms.map((term, index) => this.signed(term.value, index));
    const sum =
      p.form === 'paths'
        ? `${gradientFraction} = ${termFractions.join(' + ')} = ${p.terms.length > 1 ? `${termValues.join(' + ')} = ` : ''}${this.number(p.gradient)}`
        : null;

    return {
      heading: this.t.parameterHeading(symbol, this.given(p.value)),
      diagram: diagramFileName(p.parameter),
      reaches: this.t.reaches(outputs, p.form === 'paths'),
      deltaReason: p.form === 'delta' ? this.t.deltaFormReason(p.pathCount, this.derivation.maxPaths) : null,
      deltaEquation: p.form === 'delta' ? this.deltaGradient(p) : null,
      terms,
      sum,
      update: `${symbol} \\leftarrow ${symbol} - \\eta ${gradientFraction} = ${this.given(p.value)} - ${this.given(this.derivation.learningRate)} \\cdot ${this.signed(p.gradient, 1)} = ${this.number(p.updated)}`,
    };
  }

  deltas(): SolutionView['deltas'] {
    const layers = [...this.derivation.deltas].reverse().map((deltas) => {
      const l = deltas[0]!.layer;
      return {
        heading: this.t.layerHeading(l, l === this.derivation.graph.outputLayer),
        description: '',
        equations: deltas.map((delta) => this.deltaEquation(delta)),
      };
    });
    const gradients = this.derivation.parameters.map((p) => this.deltaGradient(p));
    return { layers, gradients };
  }

  private term(term: TermContribution, symbol: string): TermView {
    const termTex = this.nodeTex(term.term);
    const fraction = `\\frac{d${termTex}}{d${symbol}}`;
    const chains = term.paths.map((path) => this.chainTex(path));
    const paths = term.paths.map((path, index) => ({
      heading: term.paths.length > 1 ? this.t.pathHeading(index + 1, this.throughTex(path)) : null,
      chain: chains[index]!,
      factors: path.factors.map((factor) => this.factor(factor)),
      product: `${term.paths.length > 1 ? '' : `${fraction} = `}${path.factors.map((f, i) => this.factorValue(f.edge, i)).join(' \\cdot ')} = ${this.number(path.product)}`,
    }));
    const products = term.paths.map((path, index) => this.signed(path.product, index));
    return {
      heading: this.t.contributionHeading(termTex),
      chain: `${fraction} = ${chains.join(' + ')}`,
      paths,
      sum: term.paths.length > 1 ? `${fraction} = ${products.join(' + ')} = ${this.number(term.value)}` : null,
    };
  }

  private factor(factor: Factor): FactorView {
    const { edge } = factor;
    const fraction = this.fraction(edge);
    const value = this.factorValue(edge, 0);
    if (factor.computedEarlier !== null) {
      const origin = factor.computedEarlier;
      const reused = origin.sameParameter
        ? this.t.computedAbove
        : this.t.computedIn(`\\frac{dE}{d${parameterTex(origin.parameter)}}`);
      return { fraction, definition: null, equation: `${fraction} = ${value}`, reused };
    }

    const steps = [toTex(edge.derivative, this.symbolic), toTex(edge.derivative, this.numeric), value];
    const condition = conditionThatHolds(edge.derivative, this.numeric);
    const note = condition === null ? '' : ` \\quad (${condition})`;
    return {
      fraction,
      definition: `${this.nodeTex(edge.of)} = ${toTex(edge.of.expression!, this.symbolic)}`,
      equation: `${fraction} = ${joinSteps(steps)}${note}`,
      reused: null,
    };
  }

  private deltaEquation(delta: Delta): string {
    const name = tex.delta(delta.layer, delta.index);
    const definition = `\\frac{dE}{d${tex.z(delta.layer, delta.index)}}`;
    const activation = this.fraction(delta.activation);
    const activationValue = this.number(delta.activation.value);

    if (delta.layer === this.derivation.graph.outputLayer) {
      const upstream = delta.upstream.map((edge) => this.fraction(edge)).join(' + ');
      const values = delta.upstream.map((edge, i) => this.signed(edge.value, i)).join(' + ');
      return `${name} = ${definition} = ${upstream} ${activation} = ${values} \\cdot ${activationValue} = ${this.number(delta.value)}`;
    }

    const next = this.derivation.deltas[delta.layer]!;
    const terms = delta.upstream.map((edge, position) => {
      const target = next.find((d) => d.z === edge.of)!;
      return {
        symbolic: `${toTex(edge.derivative, this.symbolic)} ${tex.delta(target.layer, target.index)}`,
        numeric: `${this.factorValue(edge, position)} \\cdot ${this.signed(target.value, 1)}`,
      };
    });
    const symbolic = terms.map((term) => term.symbolic).join(' + ');
    const numeric = terms.map((term) => term.numeric).join(' + ');
    return `${name} = ${definition} = ${activation} \\left(${symbolic}\\right) = ${activationValue} \\left(${numeric}\\right) = ${this.number(delta.value)}`;
  }

  /** dE/dθ as δ times the input of θ, summed over the z nodes θ feeds. */
  private deltaGradient(p: ParameterDerivation): string {
    const symbol = parameterTex(p.parameter);
    const edges = p.node.children;
    const parts = edges.map((edge, position) => {
      const delta = this.derivation.deltas[edge.of.layer! - 1]![edge.of.index! - 1]!;
      const input = toTex(edge.derivative, this.symbolic);
      const deltaTex = tex.delta(delta.layer, delta.index);
      return {
        symbolic: input === '1' ? deltaTex : `${deltaTex} ${input}`,
        numeric: input === '1' ? this.signed(delta.value, position) : `${this.signed(delta.value, position)} \\cdot ${this.factorValue(edge, 1)}`,
      };
    });
    const steps = [
      parts.map((part) => part.symbolic).join(' + '),
      parts.map((part) => part.numeric).join(' + '),
      this.number(p.gradient),
    ];
    return `\\frac{dE}{d${symbol}} = ${joinSteps(steps)}`;
  }

  /** Write a list of given values; with a decimal comma the items are separated by semicolons. */
  private vector(values: number[]): string {
    const separator = this.symbolic.format.decimalComma ? ';\\ ' : ',\\ ';
    // A negative item is braced: after `,\\ ` TeX would read its minus as a binary operator.
    const items = values.map((v) => this.given(v)).map((text) => (text.startsWith('-') ? `{${text}}` : text));
    return `\\left(${items.join(separator)}\\right)`;
  }

  /** Write the layer equations with b^{[l]} or b_j^{[l]}, as the network's layers have them. */
  private convention(): string {
    const layers = this.derivation.problem.network.layers;
    const shared = layers.every((layer) => typeof layer.bias === 'number');
    const perNeuron = layers.every((layer) => typeof layer.bias !== 'number');
    const bias = shared ? 'b^{[l]}' : 'b_j^{[l]}';
    const z = `$z_j^{[l]} = \\sum_k w_{j,k}^{[l]} a_k^{[l-1]} + ${bias}$`;
    const rest = '$a_j^{[l]} = f(z_j^{[l]})$, $a^{[0]} = x$, $\\hat{y} = a^{[L]}$';
    return shared || perNeuron ? `${z}, ${rest}.` : `${z} ${this.t.sharedBiasNote}, ${rest}.`;
  }

  private chainTex(path: ChainPath): string {
    return path.factors.map((factor) => this.fraction(factor.edge)).join(' ');
  }

  private throughTex(path: ChainPath): string {
    return path.factors
      .slice(1)
      .map((factor) => this.nodeTex(factor.edge.of))
      .reverse()
      .join(' \\to ');
  }

  private fraction(edge: Edge): string {
    return `\\frac{d${this.nodeTex(edge.of)}}{d${this.nodeTex(edge.wrt)}}`;
  }

  /** Format a factor's value: as given when the derivative is a data symbol (w, x) or a constant. */
  private factorValue(edge: Edge, position: number): string {
    const derivative = edge.derivative as unknown as { type: string; name?: string };
    const isData =
      derivative.type === 'ConstantNode' ||
      (derivative.type === 'ConditionalNode' && Number.isInteger(edge.value)) ||
      (derivative.type === 'SymbolNode' && this.numeric.given?.has(derivative.name!) === true);
    const text = isData ? this.given(edge.value) : this.number(edge.value);
    return position > 0 && text.startsWith('-') ? `\\left(${text}\\right)` : text;
  }

  private signed(value: number, position: number): string {
    const text = this.number(value);
    return position > 0 && text.startsWith('-') ? `\\left(${text}\\right)` : text;
  }

  private nodeTex(n: GraphNode): string {
    return idToTex(n.id, this.derivation.graph.outputLayer) ?? n.id;
  }

  private predictionOf(term: GraphNode): string {
    return tex.prediction(term.index!);
  }
}

function matrixTex(rows: string[][]): string {
  return `\\begin{pmatrix} ${rows.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
}

/** Join the steps of an equation with =, leaving out a step equal to the one before it. */
function joinSteps(steps: string[]): string {
  const kept: string[] = [];
  for (const step of steps) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || bare(previous) !== bare(step)) kept.push(step);
  }
  return kept.join(' = ');
}

/**
 * Build the loss term over the generic `y` and `yhat` for n outputs. With one output the
 * factor 1/n is 1 and is dropped, so mse reads (y − ŷ)², not (1/1)(y − ŷ)².
 */
function lossTermTemplate(term: string, outputs: number): MathNode {
  const substituted = substitute(math.parse(term), { n: new math.ConstantNode(outputs) });
  return outputs === 1 ? math.simplifyCore(substituted) : substituted;
}

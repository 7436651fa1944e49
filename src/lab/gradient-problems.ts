import { activations } from '../activations/index.js';
import { documentMessages } from '../i18n/document.js';
import { labSectionMessages, type GradientProblemsMessages, type GradientVerdict } from '../i18n/lab-sections.js';
import type { Lang } from '../i18n/lang.js';
import { losses } from '../losses/index.js';
import type { Display, Network, Sample } from '../network/spec.js';
import { backwardPass } from '../numeric/backward.js';
import { forwardPass } from '../numeric/forward.js';
import { formatGiven, formatSignificant, numberTex, scientificTex, type NumberFormat } from '../render/format.js';
import { tidyMarkdown } from '../render/markdown.js';
import { renderTemplate } from '../render/templates.js';
import { computedTex, givenTex } from './optimizer-steps.js';
import type { DeepNetworkCase, GradientProblems } from './spec.js';

/** |∂E/∂w^{[1]}| / |∂E/∂w^{[L]}| below 1/bound counts as vanishing, above bound as exploding. */
export const gradientChangeBound = 10;

/** A gradient above this is called huge even when every layer's is alike. */
export const hugeGradient = 1e3;

/** The values of one layer of a deep narrow network, from the engine's forward and backward passes. */
export interface DeepLayerValues {
  readonly layer: number;
  readonly z: number;
  readonly a: number;
  /** f'(z^{[l]}). */
  readonly derivative: number;
  /** f'(z^{[l]}) w^{[l]}, the factor layer l contributes to ∂E/∂w^{[1]}, or null in layer 1, which contributes f'(z^{[1]}) x. */
  readonly factor: number | null;
  /** δ^{[l]} = ∂E/∂z^{[l]} = ∂E/∂b^{[l]}. */
  readonly delta: number;
  /** ∂E/∂w^{[l]} = δ^{[l]} a^{[l−1]}. */
  readonly weightGradient: number;
}

export interface GradientCaseView {
  readonly heading: string;
  readonly settings: string;
  /** ŷ and ∂E/∂ŷ in LaTeX. */
  readonly output: string;
  /** ∂E/∂w^{[1]} as the chain-rule product, with this case's numbers. */
  readonly chain: string;
  /** Table cells in LaTeX. `factor` is null in layer 1. */
  readonly rows: {
    readonly layer: number;
    readonly z: string;
    readonly a: string;
    readonly derivative: string;
    readonly factor: string | null;
    readonly delta: string;
    readonly weightGradient: string;
  }[];
  readonly conclusion: string;
  /** Null when |∂E/∂w^{[L]}| = 0 and there is no ratio. */
  readonly verdict: GradientVerdict | null;
  /** |∂E/∂w^{[1]}| / |∂E/∂w^{[L]}|, or null when |∂E/∂w^{[L]}| = 0. */
  readonly ratio: number | null;
  readonly layers: DeepLayerValues[];
}

/** One line of the figure: |∂E/∂w^{[l]}| against l = 1 … L. */
export interface GradientSeries {
  /** Plain text for the legend. */
  readonly label: string;
  readonly layers: number[];
  readonly magnitudes: number[];
}

export interface GradientProblemsView {
  readonly t: GradientProblemsMessages;
  readonly intro: string;
  readonly precision: string;
  readonly chainRule: string;
  readonly recursion: string[];
  readonly cases: GradientCaseView[];
  /**
   * Markdown of the figure of `series`, e.g. `![…](gradientes.svg)`, printed after the
   * cases, or null for none. The caller draws the figure and sets this.
   */
  readonly figure: string | null;
  readonly series: GradientSeries[];
  /** Plain-text axis titles for the figure. */
  readonly axes: { readonly x: string; readonly y: string };
}

/** Build the deep narrow network of one case: L layers of one neuron, each with weight w and bias b. */
export function deepNarrowNetwork(layers: number, deepCase: DeepNetworkCase): Network {
  const layer = { weights: [[deepCase.weight]], bias: deepCase.bias, activation: deepCase.activation, alpha: deepCase.alpha };
  return { layers: Array.from({ length: layers }, () => layer), loss: 'mse_half' };
}

export function deepNarrowSample(problems: GradientProblems): Sample {
  return { input: [problems.input], target: [problems.target] };
}

/** Compute every layer's values of one case with the engine's forward and backward passes. */
export function deepLayerValues(problems: GradientProblems, deepCase: DeepNetworkCase): DeepLayerValues[] {
  const network = deepNarrowNetwork(problems.layers, deepCase);
  const sample = deepNarrowSample(problems);
  const forward = forwardPass(network, sample);
  const gradients = backwardPass(network, sample, forward);
  const activation = activations[deepCase.activation];

  return forward.layers.map(({ z: [z], a: [a] }, index) => {
    const derivative = activation.derivative(z!, a!, deepCase.alpha);
    return {
      layer: index + 1,
      z: z!,
      a: a!,
      derivative,
      factor: index === 0 ? null : derivative * deepCase.weight,
      delta: gradients.deltas[index]![0]!,
      weightGradient: gradients.weights[index]![0]![0]!,
    };
  });
}

/** Build the vanishing and exploding gradient section: one table and one measured conclusion per case. */
export function gradientProblemsView(problems: GradientProblems, display: Display, lang: Lang): GradientProblemsView {
  const t = labSectionMessages[lang].gradients;
  const activationNames = documentMessages[lang].activationNames;
  const cases = problems.cases.map((deepCase) => {
    const label = deepCase.label ?? caseLabel(deepCase, t, activationNames[deepCase.activation], display);
    return { label, view: caseView(problems, deepCase, label, display, lang) };
  });

  return {
    t,
    intro: t.intro(problems.layers, givenTex(problems.input, display), givenTex(problems.target, display)),
    precision: t.precision(display.digits, display.rounding === 'truncate'),
    chainRule: `${gradient(1)} = \\frac{\\partial E}{\\partial \\hat{y}} \\prod_{l=2}^{L} \\left(f'(z^{[l]})\\, w^{[l]}\\right) \\cdot f'(z^{[1]})\\, x`,
    recursion: [
      "\\delta^{[L]} = \\frac{\\partial E}{\\partial \\hat{y}}\\, f'(z^{[L]}), \\qquad \\delta^{[l]} = f'(z^{[l]})\\, w^{[l+1]} \\delta^{[l+1]}",
      `${gradient('l')} = \\delta^{[l]} a^{[l-1]}, \\qquad \\frac{\\partial E}{\\partial b^{[l]}} = \\delta^{[l]}`,
    ],
    cases: cases.map(({ view }) => view),
    figure: null,
    series: cases.map(({ label, view }) => ({
      label,
      layers: view.layers.map((values) => values.layer),
      magnitudes: view.layers.map((values) => Math.abs(values.weightGradient)),
    })),
    axes: { x: t.axisLayer, y: t.axisGradient },
  };
}

/** Render the gradient section as Markdown. Set `figure` in the view first to include the plot. */
export function gradientProblemsMarkdown(view: GradientProblemsView): string {
  return tidyMarkdown(renderTemplate('lab-gradients.md.njk', view));
}

/** Markdown of the figure that `gradientProblemsView`'s series are drawn into, with the language's file name. */
export function gradientFigureMarkdown(lang: Lang): string {
  const t = labSectionMessages[lang].gradients;
  return `![${t.figureAlt}](${t.figureFile})`;
}

function caseView(problems: GradientProblems, deepCase: DeepNetworkCase, heading: string, display: Display, lang: Lang): GradientCaseView {
  const t = labSectionMessages[lang].gradients;
  const layers = deepLayerValues(problems, deepCase);
  const first = layers[0]!;
  const last = layers[layers.length - 1]!;
  const L = problems.layers;
  const number = (value: number) => computedTex(value, display);
  const magnitude = (value: number) => magnitudeTex(value, display);
  // A negative number or one in scientific notation is parenthesized inside a product.
  const operand = (text: string) => (text.startsWith('-') || text.includes('\\cdot') ? `\\left(${text}\\right)` : text);

  const prediction = last.a;
  const outputGradient = losses.mse_half.derivative(problems.target, prediction, 1);
  const output = `\\hat{y} = a^{[${L}]} = ${number(prediction)}, \\qquad \\frac{\\partial E}{\\partial \\hat{y}} = \\hat{y} - y = ${number(prediction)} - ${operand(givenTex(problems.target, display))} = ${number(outputGradient)}`;

  // The chain-rule product evaluated factor by factor: a second computation of ∂E/∂w^{[1]}.
  const product = layers.slice(1).reduce((total, values) => total * values.factor!, 1);
  const chainValue = outputGradient * product * first.derivative * problems.input;
  const substituted = [number(outputGradient), operand(magnitude(product)), operand(number(first.derivative)), operand(givenTex(problems.input, display))];
  const chain = `${gradient(1)} = \\frac{\\partial E}{\\partial \\hat{y}} \\prod_{l=2}^{${L}} \\left(f'(z^{[l]})\\, w^{[l]}\\right) \\cdot f'(z^{[1]})\\, x = ${substituted.join(' \\cdot ')} = ${magnitude(chainValue)}`;

  const rows = layers.map((values) => ({
    layer: values.layer,
    z: number(values.z),
    a: number(values.a),
    derivative: number(values.derivative),
    factor: values.factor === null ? null : number(values.factor),
    delta: magnitude(Math.abs(values.delta)),
    weightGradient: magnitude(Math.abs(values.weightGradient)),
  }));

  const firstMagnitude = Math.abs(first.weightGradient);
  const lastMagnitude = Math.abs(last.weightGradient);
  const firstTex = `\\lvert \\partial E / \\partial w^{[1]} \\rvert`;
  const lastTex = `\\lvert \\partial E / \\partial w^{[${L}]} \\rvert`;
  if (lastMagnitude === 0) {
    return { heading, settings: settingsOf(deepCase, t, lang, display), output, chain, rows, conclusion: t.noRatio(lastTex, firstMagnitude === 0), verdict: null, ratio: null, layers };
  }

  const ratio = firstMagnitude / lastMagnitude;
  let verdict: GradientVerdict = 'neither';
  if (ratio < 1 / gradientChangeBound) verdict = 'vanishes';
  if (ratio > gradientChangeBound) verdict = 'explodes';
  let conclusion = t.conclusion(verdict, ratioTex(ratio, display), firstTex, lastTex, gradientChangeBound);
  if (verdict === 'neither' && lastMagnitude > hugeGradient) conclusion += ` ${t.hugeGradient(lastTex, magnitude(lastMagnitude))}`;
  return { heading, settings: settingsOf(deepCase, t, lang, display), output, chain, rows, conclusion, verdict, ratio, layers };
}

function settingsOf(deepCase: DeepNetworkCase, t: GradientProblemsMessages, lang: Lang, format: NumberFormat): string {
  const settings = [`w^{[l]} = ${givenTex(deepCase.weight, format)}`, `b^{[l]} = ${givenTex(deepCase.bias, format)}`];
  if (activations[deepCase.activation].defaultAlpha !== undefined) settings.push(`\\alpha = ${givenTex(deepCase.alpha, format)}`);
  return t.caseSettings(documentMessages[lang].activationNames[deepCase.activation], settings);
}

function caseLabel(deepCase: DeepNetworkCase, t: GradientProblemsMessages, activationName: string, format: NumberFormat): string {
  // The label is plain text, where a minus sign is U+2212, not the hyphen of formatGiven.
  const plain = (value: number) => formatGiven(value, format).replace(/^-/, '\u2212');
  const alpha = activations[deepCase.activation].defaultAlpha === undefined ? null : plain(deepCase.alpha);
  return t.caseLabel(activationName, plain(deepCase.weight), plain(deepCase.bias), alpha);
}

/**
 * Write a gradient whose order of magnitude matters: like computedTex, in scientific
 * notation when fixed decimals would show fewer than four significant digits.
 */
export function magnitudeTex(value: number, format: NumberFormat): string {
  return computedTex(value, format);
}

/** Write a ratio with three significant digits: 512, 0.0123 or 2.08 · 10^{-7}. */
export function ratioTex(ratio: number, format: NumberFormat): string {
  if (ratio === 0) return '0';
  if (ratio >= 1e-3 && ratio < 1e6) return numberTex(formatSignificant(ratio, 3, format));
  return scientificTex(ratio, { ...format, digits: 3 });
}

function gradient(layer: number | string): string {
  return `\\frac{\\partial E}{\\partial w^{[${layer}]}}`;
}

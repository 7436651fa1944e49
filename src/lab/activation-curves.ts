import { erf } from 'mathjs';
import { activations, type ActivationName } from '../activations/index.js';
import { labSectionMessages } from '../i18n/lab-sections.js';
import type { Lang } from '../i18n/lang.js';
import { defaultDisplay } from '../network/spec.js';
import type { NumberFormat } from '../render/format.js';
import { givenTex } from './optimizer-steps.js';
import type { ActivationPlots, PlotActivationName } from './spec.js';

/** Points per curve: 160 intervals, so [−4, 4] is sampled every 0.05. */
export const curvePoints = 161;

/** An activation as a plot draws it: f(z) and f'(z) for every z, with the activation's default alpha. */
export interface PlotActivation {
  readonly name: PlotActivationName;
  /** α of leaky_relu and elu (the registry's default), or null. */
  readonly alpha: number | null;
  forward(z: number): number;
  derivative(z: number): number;
}

export interface ActivationCurve {
  readonly name: PlotActivationName;
  readonly z: number[];
  readonly value: number[];
  readonly derivative: number[];
}

export interface ActivationTableRow {
  readonly name: string;
  /** LaTeX of f(z) = …, from the activation's spec. */
  readonly definition: string;
  /** LaTeX of f'(z) = …. */
  readonly derivative: string;
  /** LaTeX of the α the curves use, e.g. `\alpha = 0.01`, or null. */
  readonly alpha: string | null;
}

export interface ActivationTable {
  readonly headers: { readonly function: string; readonly definition: string; readonly derivative: string; readonly parameter: string };
  readonly rows: ActivationTableRow[];
  /** The sentence defining Φ and φ, when GELU is in the table; null otherwise. */
  readonly note: string | null;
}

const standardNormalDensity = (z: number) => Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
const standardNormalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

/**
 * GELU(z) = z Φ(z) = (z/2)(1 + erf(z/√2)),  GELU'(z) = Φ(z) + z φ(z).
 * mathjs's erf (W. J. Cody's rational approximations) agrees with 30-digit values to
 * 4.5e-16 relative at the points its test checks.
 * NOTE: GELU is plotted only and is not in the activation registry, because mathjs's
 * `derivative` cannot differentiate erf and the registry's test checks every textbook
 * derivative against mathjs's derivative of the expanded expression.
 */
const gelu: PlotActivation = {
  name: 'gelu',
  alpha: null,
  forward: (z) => z * standardNormalCdf(z),
  derivative: (z) => standardNormalCdf(z) + z * standardNormalDensity(z),
};

// Φ and φ are defined in the table's note, which keeps both cells narrow enough for a table.
const geluTex = {
  definition: '\\operatorname{GELU}(z) = z\\, \\Phi(z)',
  derivative: "\\operatorname{GELU}'(z) = \\Phi(z) + z\\, \\varphi(z)",
};

/** f'(z) of each registry activation in the textbook form its spec's `textbook` evaluates. */
const derivativeTex: Record<ActivationName, string> = {
  sigmoid: "\\sigma'(z) = \\sigma(z) \\left(1 - \\sigma(z)\\right)",
  tanh: "\\tanh'(z) = 1 - \\tanh^2(z)",
  relu: "\\operatorname{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
  leaky_relu: "\\operatorname{LeakyReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha & z \\le 0 \\end{cases}",
  elu: "\\operatorname{ELU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\operatorname{ELU}(z) + \\alpha & z \\le 0 \\end{cases}",
  linear: "\\operatorname{lin}'(z) = 1",
};

/** Return f and f' of a plotted activation: GELU, or a registry activation with its default alpha. */
export function plotActivation(name: PlotActivationName): PlotActivation {
  if (name === 'gelu') return gelu;

  const spec = activations[name];
  const alpha = spec.defaultAlpha ?? null;
  return {
    name,
    alpha,
    forward: (z) => spec.forward(z, alpha ?? 0),
    derivative: (z) => spec.derivative(z, spec.forward(z, alpha ?? 0), alpha ?? 0),
  };
}

/** Sample f(z) and f'(z) of every named activation at `points` evenly spaced z from `from` to `to`. */
export function activationCurves(plots: ActivationPlots, points = curvePoints): ActivationCurve[] {
  const step = (plots.to - plots.from) / (points - 1);
  // The last point is `to` itself, not from + (points − 1)·step with its rounding error.
  const z = Array.from({ length: points }, (_v, i) => (i === points - 1 ? plots.to : plots.from + i * step));

  return plots.names.map((name) => {
    const activation = plotActivation(name);
    return {
      name,
      z,
      value: z.map((x) => activation.forward(x)),
      derivative: z.map((x) => activation.derivative(x)),
    };
  });
}

/** Build the table of each named activation's definition and derivative in LaTeX. */
export function activationTable(plots: ActivationPlots, lang: Lang, format: NumberFormat = defaultDisplay): ActivationTable {
  const t = labSectionMessages[lang].activations;
  const rows = plots.names.map((name) => {
    const activation = plotActivation(name);
    const alpha = activation.alpha === null ? null : `\\alpha = ${givenTex(activation.alpha, format)}`;
    if (name === 'gelu') return { name: t.names.gelu, ...geluTex, alpha };
    return { name: t.names[name], definition: activations[name].definitionTex, derivative: derivativeTex[name], alpha };
  });

  return {
    headers: { function: t.function, definition: t.definition, derivative: t.derivative, parameter: t.parameter },
    rows,
    note: plots.names.includes('gelu') ? t.geluNote : null,
  };
}

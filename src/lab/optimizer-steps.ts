import { labSectionMessages, type OptimizerStepsMessages } from '../i18n/lab-sections.js';
import type { Lang } from '../i18n/lang.js';
import type { Display } from '../network/spec.js';
import { kerasCall, type AdamConfig, type OptimizerConfig, type RmspropConfig, type SgdConfig } from '../numeric/optimizer-config.js';
import { formatFixed, formatGiven, numberTex, scientificTex, type NumberFormat } from '../render/format.js';
import { tidyMarkdown } from '../render/markdown.js';
import { renderTemplate } from '../render/templates.js';
import type { OptimizerSteps } from './spec.js';

export interface OptimizerStepView {
  readonly heading: string;
  /** Display equations: symbols = numbers = value, one quantity each. */
  readonly equations: string[];
}

export interface OptimizerView {
  readonly heading: string;
  /** The Keras constructor call, for a code span. */
  readonly call: string;
  readonly description: string;
  readonly clip: string | null;
  readonly rulesIntro: string;
  readonly rules: string[];
  readonly note: string | null;
  readonly steps: OptimizerStepView[];
  /** θ_0 … θ_T in float64, as computed from the equations shown. */
  readonly thetas: number[];
  /** The state after each step by Keras's variable names (`momentum`, `velocity`), as `Optimizer.state()` has them. */
  readonly states: Record<string, number>[];
}

export interface OptimizerStepsView {
  readonly t: OptimizerStepsMessages;
  readonly intro: string;
  readonly precision: string;
  readonly optimizers: OptimizerView[];
  readonly summary: {
    readonly heading: string;
    /** Column titles after t and g_t: one per optimizer. */
    readonly columns: string[];
    /** One row per t = 0 … T, with cells in LaTeX. The gradient of row 0 is null. */
    readonly rows: { readonly t: number; readonly gradient: string | null; readonly thetas: string[] }[];
  };
}

/**
 * Build the worked steps of every optimizer of the spec. Each value is computed by
 * evaluating the formula printed beside it, independently of `createOptimizer`, so the
 * document can be checked against the trainer's optimizers.
 */
export function optimizerStepsView(steps: OptimizerSteps, display: Display, lang: Lang): OptimizerStepsView {
  const t = labSectionMessages[lang].optimizers;
  const writer = new StepWriter(display, steps.parameter);
  const names = steps.optimizers.map((optimizer) => optimizer.label ?? t.optimizerName(optimizer.config));
  const headings = names.map((name, index) =>
    names.indexOf(name) === names.lastIndexOf(name)
      ? name
      : `${name}, η = ${formatGiven(steps.optimizers[index]!.config.learningRate, display)}`,
  );

  const gradientsTex = steps.gradients.map((g, step) => `g_{${step + 1}} = ${writer.given(g)}`);
  const optimizers = steps.optimizers.map((optimizer, index) => {
    const worked = workSteps(optimizer.config, steps.initial, steps.gradients, writer);
    return {
      heading: headings[index]!,
      call: `tf.keras.optimizers.${kerasCall(optimizer.config)}`,
      description: t.description(optimizer.config),
      clip: optimizer.config.clipnorm === null ? null : t.clip,
      rulesIntro: t.rules(worked.settings),
      rules: worked.rules,
      note: optimizer.config.name === 'adam' ? t.adamKerasForm(writer.theta('t'), writer.theta('t-1')) : null,
      steps: worked.steps.map((equations, step) => ({ heading: t.stepHeading(step + 1, gradientsTex[step]!), equations })),
      thetas: worked.thetas,
      states: worked.states,
    };
  });

  const rows = [0, ...steps.gradients.map((_g, step) => step + 1)].map((step) => ({
    t: step,
    gradient: step === 0 ? null : writer.given(steps.gradients[step - 1]!),
    thetas: optimizers.map((optimizer) => (step === 0 ? writer.given(steps.initial) : writer.computed(optimizer.thetas[step]!))),
  }));

  return {
    t,
    intro: t.intro(
      steps.parameter,
      `${writer.theta(0)} = ${writer.given(steps.initial)}`,
      gradientsTex,
      writer.theta('t-1'),
    ),
    precision: t.precision(display.digits, display.rounding === 'truncate'),
    optimizers,
    summary: { heading: t.summaryHeading(writer.theta('t')), columns: headings, rows },
  };
}

/** Render the optimizer section as Markdown with $…$ and $$…$$ math. */
export function optimizerStepsMarkdown(view: OptimizerStepsView): string {
  return tidyMarkdown(renderTemplate('lab-optimizers.md.njk', view));
}

/**
 * Write a computed value with the display's digits. Values whose fixed decimals would keep
 * fewer than four significant digits (0.00004 of 0.0000399…), and values of 10^6 or more, go
 * in scientific notation, so that a hand computation from the printed values stays close.
 */
export function computedTex(value: number, format: NumberFormat): string {
  const magnitude = Math.abs(value);
  const hidden = value !== 0 && (magnitude < Math.min(1, 10 ** (3 - format.digits)) || magnitude >= 1e6);
  if (Number.isFinite(value) && hidden) return scientificTex(value, format);
  return numberTex(formatFixed(value, format));
}

/** Write a value given in the spec as written, except that a power of ten such as 1e-7 becomes 10^{-7}. */
export function givenTex(value: number, format: NumberFormat): string {
  return numberTex(formatGiven(value, format)).replace(/^(-?)1 \\cdot 10\^/, '$110^');
}

interface WorkedSteps {
  readonly rules: string[];
  readonly settings: string[];
  /** The equations of each step. */
  readonly steps: string[][];
  readonly thetas: number[];
  readonly states: Record<string, number>[];
}

/** The gradient that one step's rules use, as a symbol and as a number. */
interface StepGradient {
  readonly value: number;
  readonly symbol: string;
  readonly tex: string;
}

function workSteps(config: OptimizerConfig, initial: number, gradients: number[], writer: StepWriter): WorkedSteps {
  switch (config.name) {
    case 'sgd':
      return workSgd(config, initial, gradients, writer);
    case 'rmsprop':
      return workRmsprop(config, initial, gradients, writer);
    case 'adam':
      return workAdam(config, initial, gradients, writer);
  }
}

/**
 * momentum = 0:  θ_t = θ_{t−1} − η g_t
 * momentum μ:    v_t = μ v_{t−1} − η g_t,  θ_t = θ_{t−1} + v_t
 * Nesterov:      v_t = μ v_{t−1} − η g_t,  θ_t = θ_{t−1} + μ v_t − η g_t
 */
function workSgd(config: SgdConfig, initial: number, gradients: number[], writer: StepWriter): WorkedSteps {
  const { learningRate: eta, momentum: mu, nesterov } = config;
  const g = writer.gradientSymbol(config.clipnorm, 't');
  const theta = writer.theta('t');
  const previous = writer.theta('t-1');
  const withMomentum = mu !== 0;
  const rules = [
    ...writer.clipRules(config.clipnorm),
    ...(withMomentum ? [`v_{t} = \\mu v_{t-1} - \\eta ${g}`] : []),
    !withMomentum
      ? `${theta} = ${previous} - \\eta ${g}`
      : nesterov
        ? `${theta} = ${previous} + \\mu v_{t} - \\eta ${g}`
        : `${theta} = ${previous} + v_{t}`,
  ];
  const settings = [
    `\\eta = ${writer.given(eta)}`,
    ...(withMomentum ? [`\\mu = ${writer.given(mu)}`, 'v_{0} = 0'] : []),
    ...writer.clipSettings(config.clipnorm),
  ];

  let thetaValue = initial;
  let velocity = 0;
  const thetas = [initial];
  const states: Record<string, number>[] = [];
  const steps = gradients.map((raw, index) => {
    const t = index + 1;
    const equations: string[] = [];
    const gradient = writer.clipStep(raw, t, config.clipnorm, equations);
    const thetaPrevious = writer.thetaValue(thetaValue, t - 1);

    if (!withMomentum) {
      thetaValue = thetaValue - eta * gradient.value;
      equations.push(
        `${writer.theta(t)} = ${writer.theta(t - 1)} - \\eta ${gradient.symbol} = ${thetaPrevious} - ${writer.given(eta)} \\cdot ${operand(gradient.tex)} = ${writer.computed(thetaValue)}`,
      );
    } else {
      const velocityPrevious = t === 1 ? '0' : writer.computed(velocity);
      velocity = mu * velocity - eta * gradient.value;
      equations.push(
        `v_{${t}} = \\mu v_{${t - 1}} - \\eta ${gradient.symbol} = ${writer.given(mu)} \\cdot ${operand(velocityPrevious)} - ${writer.given(eta)} \\cdot ${operand(gradient.tex)} = ${writer.computed(velocity)}`,
      );
      if (nesterov) {
        thetaValue = thetaValue + mu * velocity - eta * gradient.value;
        equations.push(
          `${writer.theta(t)} = ${writer.theta(t - 1)} + \\mu v_{${t}} - \\eta ${gradient.symbol} = ${thetaPrevious} + ${writer.given(mu)} \\cdot ${operand(writer.computed(velocity))} - ${writer.given(eta)} \\cdot ${operand(gradient.tex)} = ${writer.computed(thetaValue)}`,
        );
      } else {
        thetaValue = thetaValue + velocity;
        equations.push(
          `${writer.theta(t)} = ${writer.theta(t - 1)} + v_{${t}} = ${thetaPrevious} + ${operand(writer.computed(velocity))} = ${writer.computed(thetaValue)}`,
        );
      }
    }

    thetas.push(thetaValue);
    states.push(withMomentum ? { momentum: velocity } : {});
    return equations;
  });

  return { rules, settings, steps, thetas, states };
}

/**
 * s_t = ρ s_{t−1} + (1 − ρ) g_t²
 * momentum = 0:  θ_t = θ_{t−1} − η g_t / √(s_t + ε)
 * momentum μ:    m_t = μ m_{t−1} + η g_t / √(s_t + ε),  θ_t = θ_{t−1} − m_t
 */
function workRmsprop(config: RmspropConfig, initial: number, gradients: number[], writer: StepWriter): WorkedSteps {
  const { learningRate: eta, rho, momentum: mu, epsilon } = config;
  const g = writer.gradientSymbol(config.clipnorm, 't');
  const theta = writer.theta('t');
  const previous = writer.theta('t-1');
  const withMomentum = mu !== 0;
  const increment = `\\frac{\\eta ${g}}{\\sqrt{s_{t} + \\varepsilon}}`;
  const rules = [
    ...writer.clipRules(config.clipnorm),
    `s_{t} = \\rho s_{t-1} + (1 - \\rho) ${power(g)}`,
    ...(withMomentum
      ? [`m_{t} = \\mu m_{t-1} + ${increment}`, `${theta} = ${previous} - m_{t}`]
      : [`${theta} = ${previous} - ${increment}`]),
  ];
  const settings = [
    `\\eta = ${writer.given(eta)}`,
    `\\rho = ${writer.given(rho)}`,
    ...(withMomentum ? [`\\mu = ${writer.given(mu)}`] : []),
    `\\varepsilon = ${writer.given(epsilon)}`,
    's_{0} = 0',
    ...(withMomentum ? ['m_{0} = 0'] : []),
    ...writer.clipSettings(config.clipnorm),
  ];

  let thetaValue = initial;
  let average = 0;
  let momentum = 0;
  const thetas = [initial];
  const states: Record<string, number>[] = [];
  const steps = gradients.map((raw, index) => {
    const t = index + 1;
    const equations: string[] = [];
    const gradient = writer.clipStep(raw, t, config.clipnorm, equations);
    const thetaPrevious = writer.thetaValue(thetaValue, t - 1);

    const averagePrevious = t === 1 ? '0' : writer.computed(average);
    average = rho * average + (1 - rho) * gradient.value * gradient.value;
    equations.push(
      `s_{${t}} = \\rho s_{${t - 1}} + (1 - \\rho) ${power(gradient.symbol)} = ${writer.given(rho)} \\cdot ${averagePrevious} + (1 - ${writer.given(rho)}) \\cdot ${power(gradient.tex)} = ${writer.computed(average)}`,
    );

    const step = (eta * gradient.value) / Math.sqrt(average + epsilon);
    const stepSymbols = `\\frac{\\eta ${gradient.symbol}}{\\sqrt{s_{${t}} + \\varepsilon}}`;
    const stepNumbers = `\\frac{${writer.given(eta)} \\cdot ${operand(gradient.tex)}}{\\sqrt{${writer.computed(average)} + ${writer.given(epsilon)}}}`;
    if (withMomentum) {
      const momentumPrevious = t === 1 ? '0' : writer.computed(momentum);
      momentum = mu * momentum + step;
      thetaValue = thetaValue - momentum;
      equations.push(
        `m_{${t}} = \\mu m_{${t - 1}} + ${stepSymbols} = ${writer.given(mu)} \\cdot ${operand(momentumPrevious)} + ${stepNumbers} = ${writer.computed(momentum)}`,
        `${writer.theta(t)} = ${writer.theta(t - 1)} - m_{${t}} = ${thetaPrevious} - ${operand(writer.computed(momentum))} = ${writer.computed(thetaValue)}`,
      );
    } else {
      thetaValue = thetaValue - step;
      equations.push(`${writer.theta(t)} = ${writer.theta(t - 1)} - ${stepSymbols} = ${thetaPrevious} - ${stepNumbers} = ${writer.computed(thetaValue)}`);
    }

    thetas.push(thetaValue);
    states.push(withMomentum ? { velocity: average, momentum } : { velocity: average });
    return equations;
  });

  return { rules, settings, steps, thetas, states };
}

/**
 * m_t = β₁ m_{t−1} + (1 − β₁) g_t,  v_t = β₂ v_{t−1} + (1 − β₂) g_t²,
 * α_t = η √(1 − β₂ᵗ) / (1 − β₁ᵗ),  θ_t = θ_{t−1} − α_t m_t / (√v_t + ε)
 */
function workAdam(config: AdamConfig, initial: number, gradients: number[], writer: StepWriter): WorkedSteps {
  const { learningRate: eta, beta1, beta2, epsilon } = config;
  const g = writer.gradientSymbol(config.clipnorm, 't');
  const rules = [
    ...writer.clipRules(config.clipnorm),
    `m_{t} = \\beta_1 m_{t-1} + (1 - \\beta_1) ${g}`,
    `v_{t} = \\beta_2 v_{t-1} + (1 - \\beta_2) ${power(g)}`,
    '\\alpha_{t} = \\eta \\frac{\\sqrt{1 - \\beta_2^{t}}}{1 - \\beta_1^{t}}',
    `${writer.theta('t')} = ${writer.theta('t-1')} - \\frac{\\alpha_{t} m_{t}}{\\sqrt{v_{t}} + \\varepsilon}`,
  ];
  const settings = [
    `\\eta = ${writer.given(eta)}`,
    `\\beta_1 = ${writer.given(beta1)}`,
    `\\beta_2 = ${writer.given(beta2)}`,
    `\\varepsilon = ${writer.given(epsilon)}`,
    'm_{0} = 0',
    'v_{0} = 0',
    ...writer.clipSettings(config.clipnorm),
  ];

  let thetaValue = initial;
  let mean = 0;
  let square = 0;
  const thetas = [initial];
  const states: Record<string, number>[] = [];
  const steps = gradients.map((raw, index) => {
    const t = index + 1;
    const equations: string[] = [];
    const gradient = writer.clipStep(raw, t, config.clipnorm, equations);
    const thetaPrevious = writer.thetaValue(thetaValue, t - 1);

    const meanPrevious = t === 1 ? '0' : writer.computed(mean);
    mean = beta1 * mean + (1 - beta1) * gradient.value;
    equations.push(
      `m_{${t}} = \\beta_1 m_{${t - 1}} + (1 - \\beta_1) ${gradient.symbol} = ${writer.given(beta1)} \\cdot ${operand(meanPrevious)} + (1 - ${writer.given(beta1)}) \\cdot ${operand(gradient.tex)} = ${writer.computed(mean)}`,
    );

    const squarePrevious = t === 1 ? '0' : writer.computed(square);
    square = beta2 * square + (1 - beta2) * gradient.value * gradient.value;
    equations.push(
      `v_{${t}} = \\beta_2 v_{${t - 1}} + (1 - \\beta_2) ${power(gradient.symbol)} = ${writer.given(beta2)} \\cdot ${squarePrevious} + (1 - ${writer.given(beta2)}) \\cdot ${power(gradient.tex)} = ${writer.computed(square)}`,
    );

    const alpha = (eta * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    equations.push(
      `\\alpha_{${t}} = \\eta \\frac{\\sqrt{1 - \\beta_2^{${t}}}}{1 - \\beta_1^{${t}}} = ${writer.given(eta)} \\cdot \\frac{\\sqrt{1 - ${writer.given(beta2)}^{${t}}}}{1 - ${writer.given(beta1)}^{${t}}} = ${writer.computed(alpha)}`,
    );

    thetaValue = thetaValue - (alpha * mean) / (Math.sqrt(square) + epsilon);
    equations.push(
      `${writer.theta(t)} = ${writer.theta(t - 1)} - \\frac{\\alpha_{${t}} m_{${t}}}{\\sqrt{v_{${t}}} + \\varepsilon} = ${thetaPrevious} - \\frac{${writer.computed(alpha)} \\cdot ${operand(writer.computed(mean))}}{\\sqrt{${writer.computed(square)}} + ${writer.given(epsilon)}} = ${writer.computed(thetaValue)}`,
    );

    thetas.push(thetaValue);
    states.push({ momentum: mean, velocity: square });
    return equations;
  });

  return { rules, settings, steps, thetas, states };
}

/** Numbers and time-indexed symbols of the worked steps. */
class StepWriter {
  constructor(
    private readonly format: NumberFormat,
    private readonly parameter: string,
  ) {}

  given(value: number): string {
    return givenTex(value, this.format);
  }

  computed(value: number): string {
    return computedTex(value, this.format);
  }

  /**
   * θ at step t: `w_{t}`, or `w_{1,1}^{[1]}(t)` for a symbol that has indices already,
   * where a second subscript would read as one more index.
   */
  theta(t: number | string): string {
    return /^(?:[A-Za-z]|\\[A-Za-z]+)$/.test(this.parameter) ? `${this.parameter}_{${t}}` : `${this.parameter}(${t})`;
  }

  /** θ_{t−1} in numbers: θ_0 as given, later values as computed. */
  thetaValue(value: number, t: number): string {
    return t === 0 ? this.given(value) : this.computed(value);
  }

  gradientSymbol(clipnorm: number | null, t: number | string): string {
    return clipnorm === null ? `g_{${t}}` : `\\tilde{g}_{${t}}`;
  }

  clipRules(clipnorm: number | null): string[] {
    if (clipnorm === null) return [];
    return ['\\tilde{g}_{t} = g_{t} \\frac{c}{\\max(\\lVert g_{t} \\rVert, c)} = g_{t} \\frac{c}{\\max(\\lvert g_{t} \\rvert, c)}'];
  }

  clipSettings(clipnorm: number | null): string[] {
    return clipnorm === null ? [] : [`c = ${this.given(clipnorm)}`];
  }

  /**
   * Return the gradient that step t's rules use. With clipnorm, append the clipping
   * equation g̃_t = g_t c / max(|g_t|, c), the rule of `clipByNorm` for one scalar.
   */
  clipStep(raw: number, t: number, clipnorm: number | null, equations: string[]): StepGradient {
    const rawTex = this.given(raw);
    if (clipnorm === null) return { value: raw, symbol: this.gradientSymbol(null, t), tex: rawTex };

    const value = (raw * clipnorm) / Math.max(Math.abs(raw), clipnorm);
    const symbol = this.gradientSymbol(clipnorm, t);
    const c = this.given(clipnorm);
    // With a decimal comma, `max(0,5, 0,25)` would be ambiguous, so the arguments are separated by a semicolon.
    const separator = this.format.decimalComma ? ';\\ ' : ', ';
    equations.push(
      `${symbol} = g_{${t}} \\frac{c}{\\max(\\lvert g_{${t}} \\rvert, c)} = ${operand(rawTex)} \\cdot \\frac{${c}}{\\max(\\lvert ${rawTex} \\rvert${separator}${c})} = ${this.computed(value)}`,
    );
    return { value, symbol, tex: this.computed(value) };
  }
}

/** Parenthesize a negative number that follows an operator: 0.9 \cdot \left(-0.05\right). */
function operand(texNumber: string): string {
  return texNumber.startsWith('-') ? `\\left(${texNumber}\\right)` : texNumber;
}

/** Square a symbol or a number, with parentheses around a negative number, a power of ten or one in scientific notation. */
function power(texBase: string): string {
  const needsParentheses = texBase.startsWith('-') || texBase.includes('\\cdot') || /^10\^/.test(texBase);
  return needsParentheses ? `\\left(${texBase}\\right)^{2}` : `${texBase}^{2}`;
}

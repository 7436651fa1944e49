import type { AdamConfig, OptimizerConfig, RmspropConfig, SgdConfig } from './optimizer-config.js';

/**
 * An optimizer with Keras's update rules (keras.optimizers.SGD, RMSprop, Adam), applied to
 * a list of variables: the kernels and bias vectors of a model, in Keras's order.
 */
export interface Optimizer {
  /** Updates every variable in place; gradients[i] is ∂E/∂variables[i]. Gradients are not changed. */
  apply(variables: Float64Array[], gradients: Float64Array[]): void;
  /** Updates applied so far (Keras's `iterations`). */
  readonly iterations: number;
  /** The optimizer's state by Keras's names (velocity, momentum…), one array per variable. */
  state(): Readonly<Record<string, Float64Array[]>>;
}

/** Creates an optimizer for variables of the given lengths, with its state at zero. */
export function createOptimizer(config: OptimizerConfig, sizes: readonly number[]): Optimizer {
  switch (config.name) {
    case 'sgd':
      return new Sgd(config, sizes);
    case 'rmsprop':
      return new Rmsprop(config, sizes);
    case 'adam':
      return new Adam(config, sizes);
  }
}

const zeros = (sizes: readonly number[]) => sizes.map((size) => new Float64Array(size));

/**
 * Keras's clipnorm: each variable's gradient g is scaled to g·c / max(‖g‖₂, c), so a
 * gradient longer than c gets length c and a shorter one is unchanged. Writes into `out`.
 */
export function clipByNorm(gradient: Float64Array, clipnorm: number, out: Float64Array): void {
  let squares = 0;
  for (let i = 0; i < gradient.length; i++) squares += gradient[i]! * gradient[i]!;
  const norm = Math.sqrt(squares);
  const divisor = Math.max(norm, clipnorm);
  for (let i = 0; i < gradient.length; i++) out[i] = (gradient[i]! * clipnorm) / divisor;
}

abstract class BaseOptimizer implements Optimizer {
  iterations = 0;
  private readonly clipped: Float64Array[];

  constructor(
    private readonly clipnorm: number | null,
    sizes: readonly number[],
  ) {
    this.clipped = clipnorm === null ? [] : zeros(sizes);
  }

  apply(variables: Float64Array[], gradients: Float64Array[]): void {
    for (let v = 0; v < variables.length; v++) {
      let gradient = gradients[v]!;
      if (this.clipnorm !== null) {
        clipByNorm(gradient, this.clipnorm, this.clipped[v]!);
        gradient = this.clipped[v]!;
      }
      this.update(v, variables[v]!, gradient);
    }
    this.iterations++;
  }

  abstract state(): Record<string, Float64Array[]>;

  protected abstract update(index: number, variable: Float64Array, gradient: Float64Array): void;
}

/**
 * momentum = 0:  θ ← θ − η g
 * momentum μ:    v ← μ v − η g,  θ ← θ + v
 * Nesterov:      v ← μ v − η g,  θ ← θ + μ v − η g
 */
class Sgd extends BaseOptimizer {
  private readonly velocities: Float64Array[];

  constructor(
    private readonly config: SgdConfig,
    sizes: readonly number[],
  ) {
    super(config.clipnorm, sizes);
    this.velocities = zeros(sizes);
  }

  state(): Record<string, Float64Array[]> {
    return this.config.momentum === 0 ? {} : { momentum: this.velocities };
  }

  protected update(index: number, theta: Float64Array, g: Float64Array): void {
    const { learningRate: eta, momentum: mu, nesterov } = this.config;
    if (mu === 0) {
      for (let i = 0; i < theta.length; i++) theta[i] = theta[i]! - eta * g[i]!;
      return;
    }

    const v = this.velocities[index]!;
    for (let i = 0; i < theta.length; i++) {
      v[i] = mu * v[i]! - eta * g[i]!;
      theta[i] = nesterov ? theta[i]! + (mu * v[i]! - eta * g[i]!) : theta[i]! + v[i]!;
    }
  }
}

/**
 * s ← ρ s + (1 − ρ) g²,  Δ = η g / √(s + ε)
 * momentum = 0:  θ ← θ − Δ
 * momentum μ:    m ← μ m + Δ,  θ ← θ − m
 */
class Rmsprop extends BaseOptimizer {
  private readonly velocities: Float64Array[];
  private readonly momentums: Float64Array[];

  constructor(
    private readonly config: RmspropConfig,
    sizes: readonly number[],
  ) {
    super(config.clipnorm, sizes);
    this.velocities = zeros(sizes);
    this.momentums = zeros(sizes);
  }

  state(): Record<string, Float64Array[]> {
    return this.config.momentum === 0 ? { velocity: this.velocities } : { velocity: this.velocities, momentum: this.momentums };
  }

  protected update(index: number, theta: Float64Array, g: Float64Array): void {
    const { learningRate: eta, rho, momentum: mu, epsilon } = this.config;
    const s = this.velocities[index]!;
    const m = this.momentums[index]!;
    for (let i = 0; i < theta.length; i++) {
      s[i] = rho * s[i]! + (1 - rho) * g[i]! * g[i]!;
      const increment = (eta * g[i]!) / Math.sqrt(s[i]! + epsilon);
      if (mu === 0) {
        theta[i] = theta[i]! - increment;
      } else {
        m[i] = mu * m[i]! + increment;
        theta[i] = theta[i]! - m[i]!;
      }
    }
  }
}

/**
 * Keras's Adam, with the bias correction folded into the step size ("epsilon hat"):
 * t ← t + 1,  α_t = η √(1 − β₂ᵗ) / (1 − β₁ᵗ),
 * m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g² − v),  θ ← θ − α_t m / (√v + ε).
 */
class Adam extends BaseOptimizer {
  private readonly momentums: Float64Array[];
  private readonly velocities: Float64Array[];

  constructor(
    private readonly config: AdamConfig,
    sizes: readonly number[],
  ) {
    super(config.clipnorm, sizes);
    this.momentums = zeros(sizes);
    this.velocities = zeros(sizes);
  }

  state(): Record<string, Float64Array[]> {
    return { momentum: this.momentums, velocity: this.velocities };
  }

  protected update(index: number, theta: Float64Array, g: Float64Array): void {
    const { learningRate: eta, beta1, beta2, epsilon } = this.config;
    const t = this.iterations + 1;
    const alpha = (eta * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    const m = this.momentums[index]!;
    const v = this.velocities[index]!;
    for (let i = 0; i < theta.length; i++) {
      m[i] = m[i]! + (g[i]! - m[i]!) * (1 - beta1);
      v[i] = v[i]! + (g[i]! * g[i]! - v[i]!) * (1 - beta2);
      theta[i] = theta[i]! - (m[i]! * alpha) / (Math.sqrt(v[i]!) + epsilon);
    }
  }
}

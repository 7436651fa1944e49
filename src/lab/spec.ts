import type { ActivationName } from '../activations/index.js';
import type { Display } from '../network/spec.js';
import type { OptimizerConfig } from '../numeric/optimizer-config.js';
import type { TrainingLossName } from '../numeric/trainer.js';

/** Training examples: inputs[i] and targets[i] belong together. */
export interface Dataset {
  readonly inputs: number[][];
  readonly targets: number[][];
}

/** A Keras-style Sequential model of Dense layers. */
export interface ModelConfig {
  /** Neurons of each hidden layer, e.g. [2] for one hidden layer of two neurons. */
  readonly hidden: number[];
  /** Activation of the hidden layers. */
  readonly activation: ActivationName;
  readonly outputActivation: ActivationName;
  /** alpha of leaky_relu and elu in the hidden layers; the activation's default when absent. */
  readonly alpha: number;
  readonly loss: TrainingLossName;
}

export interface TrainingConfig {
  readonly optimizer: OptimizerConfig;
  readonly epochs: number;
  /** Examples per update; null means the whole data set (full-batch gradient descent). */
  readonly batchSize: number | null;
  /** Shuffle the examples before each epoch, as Keras's fit does by default. */
  readonly shuffle: boolean;
}

/** An optimizer with the name shown in tables and legends; the label is null when the spec gives none. */
export interface LabeledOptimizer {
  readonly label: string | null;
  readonly config: OptimizerConfig;
}

/**
 * The values an experiment varies. Every setting of the experiment is one combination,
 * in the order hidden, optimizer, learning rate, batch size, epochs (the last varies fastest).
 * A learning rate listed here replaces the optimizer's own.
 */
export interface Sweep {
  readonly hidden?: number[][];
  readonly optimizer?: LabeledOptimizer[];
  readonly learningRate?: number[];
  readonly batchSize?: (number | null)[];
  readonly epochs?: number[];
}

/** The setting an experiment's question is about: a value for some of the swept keys. */
export interface Focus {
  readonly hidden?: number[];
  readonly learningRate?: number;
  /** null is the whole data set. */
  readonly batchSize?: number | null;
  readonly epochs?: number;
}

export interface Experiment {
  /** Lower-case id, used in figure file names. */
  readonly id: string;
  readonly title: string;
  /** The lecture's question this experiment answers, printed above the results. */
  readonly question: string | null;
  /** A paragraph printed under the title. */
  readonly text: string | null;
  /** The lab's model and training with this experiment's own keys applied. */
  readonly model: ModelConfig;
  readonly training: TrainingConfig;
  readonly vary: Sweep;
  /** The setting the measured answer starts with. With null, the answer names the best and the worst setting only. */
  readonly focus: Focus | null;
  /** Print the notebook's prediction table for the first seed of each setting. */
  readonly predictions: boolean;
  /** Draw the decision boundary of the first seed of each setting (two inputs only). */
  readonly boundaries: boolean;
}

/** One step-by-step worked solution per optimizer for one parameter and a given gradient sequence. */
export interface OptimizerSteps {
  /** Symbol of the parameter in TeX, e.g. `w` or `w_{1,1}^{[1]}`. */
  readonly parameter: string;
  readonly initial: number;
  /** g_1, g_2, …: the gradient of each step. */
  readonly gradients: number[];
  readonly optimizers: LabeledOptimizer[];
}

/** One deep narrow network: every layer has one neuron with the same weight and bias. */
export interface DeepNetworkCase {
  readonly label: string | null;
  readonly activation: ActivationName;
  readonly alpha: number;
  readonly weight: number;
  readonly bias: number;
}

export interface GradientProblems {
  /** Number of layers L, each of one neuron. */
  readonly layers: number;
  readonly input: number;
  readonly target: number;
  readonly cases: DeepNetworkCase[];
}

/** Activation functions plotted with their derivatives. `gelu` is plotted only, not a layer activation. */
export type PlotActivationName = ActivationName | 'gelu';

export interface ActivationPlots {
  readonly names: PlotActivationName[];
  readonly from: number;
  readonly to: number;
}

export interface LabSpec {
  readonly id: string;
  readonly title: string;
  /** A paragraph printed under the title. */
  readonly intro: string | null;
  /** Seeds of each setting are firstSeed, firstSeed + 1, …, firstSeed + seeds − 1. */
  readonly seeds: number;
  readonly firstSeed: number;
  /** A prediction counts as 1 when it is above this, else 0. */
  readonly threshold: number;
  readonly data: Dataset;
  readonly model: ModelConfig;
  readonly training: TrainingConfig;
  readonly experiments: Experiment[];
  readonly optimizerSteps: OptimizerSteps | null;
  readonly gradientProblems: GradientProblems | null;
  readonly activations: ActivationPlots | null;
  /** Digits and rounding of the worked optimizer steps and the gradient tables. */
  readonly display: Display;
}

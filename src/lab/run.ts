import { activations } from '../activations/index.js';
import { train, type MlpModel, type TrainingResult, type TrainingRun } from '../numeric/trainer.js';
import type { Experiment, LabeledOptimizer, LabSpec, ModelConfig, Sweep, TrainingConfig } from './spec.js';

/** The values of the swept keys that make one setting of an experiment. */
export interface SettingValues {
  readonly hidden?: number[];
  readonly optimizer?: LabeledOptimizer;
  readonly learningRate?: number;
  readonly batchSize?: number | null;
  readonly epochs?: number;
}

/** One combination of an experiment's swept values, with the model and training it gives. */
export interface Setting {
  readonly values: SettingValues;
  readonly model: ModelConfig;
  readonly training: TrainingConfig;
}

/** Outcome of one seed's run, without its curve and weights. */
export interface RunSummary {
  readonly success: boolean;
  readonly diverged: boolean;
  readonly finalLoss: number;
  readonly epochsToSuccess: number | null;
}

/** A loss curve kept for plotting: the loss at each epoch in `epochs`. */
export interface LossCurve {
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
  readonly success: boolean;
}

/** Outcomes of the runs of one setting, one entry per seed. */
export interface SettingResult {
  readonly setting: Setting;
  readonly seeds: number[];
  readonly runs: RunSummary[];
  /** The first seed's run whole: its predictions and weights. */
  readonly first: TrainingResult;
  /** Loss curves of the first seeds, at most `curvesKept`, each with at most 2 points per 1/1000 of the epochs. */
  readonly curves: LossCurve[];
  readonly successes: number;
  readonly diverged: number;
  /** Median over seeds of the trained model's loss; NaN when every run diverged. */
  readonly medianFinalLoss: number;
  /** Median over the successful seeds of the first epoch from which all outputs stayed right. */
  readonly medianEpochsToSuccess: number | null;
}

export interface ExperimentResult {
  readonly experiment: Experiment;
  readonly settings: SettingResult[];
}

/** The swept keys in the order their combinations are listed: the last varies fastest. */
export const sweepOrder = ['hidden', 'optimizer', 'learningRate', 'batchSize', 'epochs'] as const satisfies readonly (keyof Sweep)[];

/** Returns every combination of the experiment's swept values, in the order of `sweepOrder`. */
export function settingsOf(experiment: Experiment): Setting[] {
  let combinations: SettingValues[] = [{}];
  for (const key of sweepOrder) {
    const values = experiment.vary[key] as readonly unknown[] | undefined;
    if (values === undefined) continue;
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value })));
  }
  return combinations.map((values) => ({ values, ...apply(experiment, values) }));
}

function apply(experiment: Experiment, values: SettingValues): { model: ModelConfig; training: TrainingConfig } {
  const model = values.hidden === undefined ? experiment.model : { ...experiment.model, hidden: values.hidden };
  let optimizer = values.optimizer?.config ?? experiment.training.optimizer;
  if (values.learningRate !== undefined) optimizer = { ...optimizer, learningRate: values.learningRate };
  const training: TrainingConfig = {
    ...experiment.training,
    optimizer,
    ...(values.batchSize !== undefined && { batchSize: values.batchSize }),
    ...(values.epochs !== undefined && { epochs: values.epochs }),
  };
  return { model, training };
}

/** Builds the trainer's model for a lab model on data with `inputs` inputs and `outputs` outputs. */
export function mlpModel(model: ModelConfig, inputs: number, outputs: number): MlpModel {
  const hidden = model.hidden.length;
  return {
    sizes: [inputs, ...model.hidden, outputs],
    activations: [...new Array<ModelConfig['activation']>(hidden).fill(model.activation), model.outputActivation],
    alphas: [...new Array<number>(hidden).fill(model.alpha), activations[model.outputActivation].defaultAlpha ?? 0],
    loss: model.loss,
  };
}

/** Returns the seeds every setting is trained with. */
export function seedsOf(spec: LabSpec): number[] {
  return Array.from({ length: spec.seeds }, (_v, i) => spec.firstSeed + i);
}

/** Number of training runs the whole lab makes, for progress. */
export function runCount(spec: LabSpec): number {
  return spec.experiments.reduce((sum, experiment) => sum + settingsOf(experiment).length * spec.seeds, 0);
}

/** Trains every setting of every experiment with every seed; `onRun` is called after each run. */
export function runLab(spec: LabSpec, onRun: () => void = () => {}): ExperimentResult[] {
  return spec.experiments.map((experiment) => ({
    experiment,
    settings: settingsOf(experiment).map((setting) => runSetting(spec, setting, onRun)),
  }));
}

export function runSetting(spec: LabSpec, setting: Setting, onRun: () => void = () => {}): SettingResult {
  const { data } = spec;
  const model = mlpModel(setting.model, data.inputs[0]!.length, data.targets[0]!.length);
  const seeds = seedsOf(spec);
  const curves: LossCurve[] = [];
  let first: TrainingResult | undefined;
  // Only summaries are kept for every seed: with 1000 seeds of 100 000 epochs the curves
  // alone would take 800 MB per setting.
  const runs = seeds.map((seed, index): RunSummary => {
    const run: TrainingRun = { model, data, ...setting.training, seed, threshold: spec.threshold };
    const result = train(run);
    onRun();
    if (index === 0) first = result;
    if (index < curvesKept) curves.push({ ...downsampled(result.losses), success: result.success });
    const { success, diverged, finalLoss, epochsToSuccess } = result;
    return { success, diverged, finalLoss, epochsToSuccess };
  });

  const successful = runs.filter((run) => run.success);
  const finite = runs.map((run) => run.finalLoss).filter(Number.isFinite);
  return {
    setting,
    seeds,
    runs,
    first: first!,
    curves,
    successes: successful.length,
    diverged: runs.filter((run) => run.diverged).length,
    medianFinalLoss: finite.length === 0 ? Number.NaN : median(finite),
    medianEpochsToSuccess: successful.length === 0 ? null : median(successful.map((run) => run.epochsToSuccess!)),
  };
}

/** Loss curves stored per setting for the figures: those of the first seeds. */
export const curvesKept = 50;

/** Buckets a long curve is cut into; each keeps its lowest and highest loss. */
const curveBuckets = 1000;

/**
 * Keeps a curve of up to 2000 epochs whole, and a longer one as the lowest and the highest
 * loss of each of 1000 equal runs of epochs, so that its spikes and its floor stay visible.
 */
export function downsampled(losses: Float64Array): { epochs: Float64Array; losses: Float64Array } {
  if (losses.length <= 2 * curveBuckets) return { epochs: Float64Array.from(losses, (_loss, i) => i + 1), losses: Float64Array.from(losses) };

  const epochs: number[] = [];
  const sampled: number[] = [];
  for (let bucket = 0; bucket < curveBuckets; bucket++) {
    const start = Math.floor((bucket * losses.length) / curveBuckets);
    const end = Math.floor(((bucket + 1) * losses.length) / curveBuckets);
    let low = start;
    let high = start;
    for (let i = start; i < end; i++) {
      if (losses[i]! < losses[low]!) low = i;
      if (losses[i]! > losses[high]!) high = i;
    }
    for (const i of low <= high ? [low, high] : [high, low]) {
      if (epochs[epochs.length - 1] === i + 1) continue;
      epochs.push(i + 1);
      sampled.push(losses[i]!);
    }
  }
  return { epochs: Float64Array.from(epochs), losses: Float64Array.from(sampled) };
}

/** Returns the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

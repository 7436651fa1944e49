import type { Bilingual } from '../i18n/lang.js';
import { variableSizes } from '../numeric/trainer.js';
import { mlpModel, settingsOf } from './run.js';
import type { LabSpec } from './spec.js';

/**
 * Largest training cost of a lab: single-example steps weighted by (parameters + 50 + 25 per
 * layer), plus optimizer updates weighted by 3 per parameter. It is about 100 s on one core
 * of the machine in bench/RESULTS.md for a 2-2-1 network (2·10^6 steps/s) and a
 * 2-64-64-64-64-64-1 one (9·10^3 steps/s).
 * NOTE: the weights are fitted on three cases (2-2-1 with SGD, 2-64×5-1, and 1-1×5-1 with
 * Adam and clipnorm one example at a time), not measured for every network and optimizer.
 */
export const maxLabCost = 1.2e10;

/** Cost units trained per second on that machine, for the estimate in messages. */
const costPerSecond = 1.2e8;

const largestSeed = 2 ** 32 - 1;

/** Returns the training cost of the whole lab: every setting of every experiment, with every seed. */
export function labCost(spec: LabSpec): number {
  const { data } = spec;
  const examples = data.inputs.length;
  let cost = 0;
  for (const experiment of spec.experiments) {
    for (const setting of settingsOf(experiment)) {
      const model = mlpModel(setting.model, data.inputs[0]!.length, data.targets[0]!.length);
      const parameters = variableSizes(model).reduce((sum, size) => sum + size, 0);
      const layers = model.sizes.length - 1;
      const batch = Math.min(setting.training.batchSize ?? examples, examples);
      const steps = spec.seeds * setting.training.epochs * examples;
      const updates = spec.seeds * setting.training.epochs * Math.ceil(examples / batch);
      cost += steps * (parameters + 50 + 25 * layers) + updates * 3 * parameters;
    }
  }
  return cost;
}

/**
 * Explains why the lab cannot run as written: a training cost above maxLabCost, or seeds
 * past the largest 32-bit seed. `seedsOption` is true when the seed count came from --seeds.
 */
export function labWorkFault(spec: LabSpec, seedsOption: boolean): Bilingual<string> | undefined {
  const lastSeed = spec.firstSeed + spec.seeds - 1;
  const where: Bilingual<string> = seedsOption ? { es: '`--seeds`', en: '`--seeds`' } : { es: '`seeds`', en: '`seeds`' };
  if (lastSeed > largestSeed) {
    return {
      es: `las semillas van de ${spec.firstSeed} a ${lastSeed}, pero una semilla es un entero de 32 bits (hasta ${largestSeed}). Baja \`first_seed\` o ${where.es}.`,
      en: `the seeds run from ${spec.firstSeed} to ${lastSeed}, but a seed is a 32-bit integer (up to ${largestSeed}). Lower \`first_seed\` or ${where.en}.`,
    };
  }

  const cost = labCost(spec);
  if (cost <= maxLabCost) return undefined;
  const minutes = Math.ceil(cost / costPerSecond / 60);
  return {
    es: `entrenar todos los experimentos con ${spec.seeds} semillas tomaría unos ${minutes} minutos (costo ${cost.toExponential(3)}, más que el máximo de ${maxLabCost.toExponential(3)}, en pasos de un ejemplo por el tamaño de la red). Baja ${where.es}, las épocas, el tamaño de las redes o los valores de \`vary\`, o divide el laboratorio en dos archivos.`,
    en: `training every experiment with ${spec.seeds} seeds would take about ${minutes} minutes (cost ${cost.toExponential(3)}, more than the maximum of ${maxLabCost.toExponential(3)}, in single-example steps times the network's size). Lower ${where.en}, the epochs, the network sizes or the values of \`vary\`, or split the lab into two files.`,
  };
}

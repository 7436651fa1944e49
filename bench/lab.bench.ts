import { optimizerDefaults } from '../src/numeric/optimizer-config.js';
import { train, type TrainingRun } from '../src/numeric/trainer.js';

// The lecture's XOR sweep: 6 hidden sizes × 5 learning rates × 20 seeds × 400 epochs,
// full-batch SGD on a 2-h-1 sigmoid network with mean squared error.
const xor = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] };
const hiddenSizes = [7, 6, 5, 4, 3, 2];
const learningRates = [0.1, 4.5, 9, 18, 25];
const seeds = 20;

function sweep(epochs: number): { runs: number; successes: number } {
  let runs = 0;
  let successes = 0;
  for (const hidden of hiddenSizes) {
    for (const learningRate of learningRates) {
      for (let seed = 1; seed <= seeds; seed++) {
        const run: TrainingRun = {
          model: { sizes: [2, hidden, 1], activations: ['sigmoid', 'sigmoid'], alphas: [0, 0], loss: 'mse' },
          data: xor,
          optimizer: { ...optimizerDefaults.sgd, learningRate },
          epochs,
          batchSize: null,
          shuffle: true,
          seed,
          threshold: 0.5,
        };
        if (train(run).success) successes++;
        runs++;
      }
    }
  }
  return { runs, successes };
}

function seconds(action: () => unknown): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function labBench(): string[] {
  let result = { runs: 0, successes: 0 };
  const first = seconds(() => (result = sweep(400)));
  const again = [0, 1, 2].map(() => seconds(() => sweep(400))).sort((a, b) => a - b);
  return [
    `lab: XOR sweep ${result.runs} runs × 400 epochs, first ${first.toFixed(2)} s, ` +
      `then ${again[0]!.toFixed(2)}–${again[2]!.toFixed(2)} s (target under 3 s); ${result.successes} runs learn XOR`,
  ];
}

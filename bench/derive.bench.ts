import { fileURLToPath } from 'node:url';
import { derive } from '../src/derivation/derive.js';
import { loadProblem, requireLearningRate } from '../src/network/load.js';
import { defaultDisplay, type Problem } from '../src/network/spec.js';
import { solutionJson } from '../src/render/json.js';
import { solutionMarkdown } from '../src/render/markdown.js';

// The lecture's network as the instructor writes it: exercises/clase6.yaml.
const lecture: Problem = requireLearningRate(loadProblem(fileURLToPath(new URL('../exercises/clase6.yaml', import.meta.url))));

function matrix(rows: number, cols: number, seed: number): number[][] {
  return Array.from({ length: rows }, (_r, j) => Array.from({ length: cols }, (_c, k) => Math.sin(seed + 7 * j + k) / 2));
}

const wide: Problem = {
  network: {
    layers: [
      { weights: matrix(8, 4, 1), bias: 0.1, activation: 'sigmoid', alpha: 0 },
      { weights: matrix(8, 8, 2), bias: 0.2, activation: 'tanh', alpha: 0 },
      { weights: matrix(4, 8, 3), bias: 0.3, activation: 'sigmoid', alpha: 0 },
    ],
    loss: 'mse_half',
  },
  samples: [{ input: [0.5, -0.2, 0.1, 0.9], target: [0, 1, 0, 1] }],
  learningRate: 0.5,
  display: defaultDisplay,
};

/** Build the full worked solution (derivation, Markdown and JSON) and return its size. */
function workedSolution(problem: Problem): number {
  const derivation = derive(problem);
  return solutionMarkdown(derivation, { lang: 'es', format: problem.display }).length + solutionJson(derivation).length;
}

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function deriveBench(): string[] {
  const lines: string[] = [];
  for (const [name, problem, runs] of [['lecture 2-2-2', lecture, 200], ['4-8-8-4', wide, 20]] as const) {
    const cold = time(() => workedSolution(problem));
    for (let i = 0; i < 5; i++) workedSolution(problem);
    const warm = median(Array.from({ length: runs }, () => time(() => workedSolution(problem))));
    lines.push(`derive ${name}: first run ${cold.toFixed(1)} ms, warm median ${warm.toFixed(2)} ms over ${runs} runs (md + json)`);
  }
  return lines;
}

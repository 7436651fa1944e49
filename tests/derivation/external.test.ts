import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import { biasRef, weightRef } from '../../src/network/notation.js';
import { forwardPass } from '../../src/numeric/forward.js';
import { expectClose, makeProblem, type LayerInput } from '../helpers.js';

// Worked examples published by others, recomputed in float64 because the printed
// originals contain errors; each case names its source.
interface ExternalCase {
  source: string;
  spec: { network: { input: number[]; target: number[]; loss: 'mse' | 'mse_half'; layers: LayerInput[] }; learning_rate: number };
  expected: {
    forward_a: number[][];
    loss_total: number;
    gradient_W: number[][][];
    gradient_b: (number | number[])[];
    updated_W: number[][][];
    updated_b: (number | number[])[];
  };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/external-examples.json', import.meta.url), 'utf8')) as {
  cases: Record<string, ExternalCase>;
};

describe('derive on published examples', () => {
  for (const [name, example] of Object.entries(fixture.cases)) {
    it(name, () => {
      const { network, learning_rate: learningRate } = example.spec;
      const problem = makeProblem(network.layers, network.input, network.target, { loss: network.loss, learningRate });
      const derivation = derive(problem);
      const byId = new Map(derivation.parameters.map((p) => [p.node.id, p]));

      const pass = forwardPass(problem.network, problem.samples[0]!);
      pass.layers.forEach((layer, l) => layer.a.forEach((a, j) => expectClose(a, example.expected.forward_a[l]![j]!)));
      expectClose(derivation.graph.loss.value, example.expected.loss_total);

      example.expected.gradient_W.forEach((rows, l) =>
        rows.forEach((row, j) =>
          row.forEach((gradient, k) => {
            const p = byId.get(`w_${l + 1}_${j + 1}_${k + 1}`)!;
            expectClose(p.gradient, gradient);
            expectClose(p.updated, example.expected.updated_W[l]![j]![k]!);
          }),
        ),
      );
      example.expected.gradient_b.forEach((gradient, l) => {
        const shared = typeof network.layers[l]!.bias === 'number';
        const values = shared ? [gradient as number] : (gradient as number[]);
        const updated = shared ? [example.expected.updated_b[l] as number] : (example.expected.updated_b[l] as number[]);
        values.forEach((value, j) => {
          const p = byId.get(shared ? `b_${l + 1}` : `b_${l + 1}_${j + 1}`)!;
          expectClose(p.gradient, value);
          expectClose(p.updated, updated[j]!);
        });
      });
      expect(byId.size).toBeGreaterThan(0);
    });
  }

  it('reaches every parameter of the 4-2-2-1 network', () => {
    const example = fixture.cases['two-hidden-layers-4-2-2-1']!;
    const { network } = example.spec;
    const problem = makeProblem(network.layers, network.input, network.target);
    const ids = derive(problem).parameters.map((p) => p.parameter);
    expect(ids).toContainEqual(weightRef(1, 2, 4));
    expect(ids).toContainEqual(biasRef(3, null));
  });
});

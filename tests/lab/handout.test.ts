import { describe, expect, it } from 'vitest';
import { labMarkdown, numpyArray } from '../../src/lab/handout.js';
import { mlpModel, runLab } from '../../src/lab/run.js';
import { wilsonInterval } from '../../src/lab/stats.js';
import type { Experiment, LabSpec, ModelConfig, TrainingConfig } from '../../src/lab/spec.js';
import { defaultDisplay } from '../../src/network/spec.js';
import { forwardPass } from '../../src/numeric/forward.js';
import { optimizerDefaults } from '../../src/numeric/optimizer-config.js';
import { toNetwork } from '../../src/numeric/trainer.js';

const model: ModelConfig = { hidden: [2], activation: 'sigmoid', outputActivation: 'sigmoid', alpha: 0, loss: 'mse' };
const training: TrainingConfig = { optimizer: { ...optimizerDefaults.sgd, learningRate: 4.5 }, epochs: 400, batchSize: null, shuffle: true };
const xor = { inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] };
const experiment: Experiment = {
  id: 'neuronas',
  title: 'Neuronas',
  question: '¿Funcionará con 2 neuronas?',
  text: null,
  model,
  training,
  vary: { hidden: [[3], [2]] },
  focus: { hidden: [2] },
  predictions: true,
  boundaries: false,
};
const spec: LabSpec = {
  id: 'xor',
  title: 'XOR',
  intro: null,
  seeds: 4,
  firstSeed: 1,
  threshold: 0.5,
  data: xor,
  model,
  training,
  experiments: [experiment],
  optimizerSteps: null,
  gradientProblems: null,
  activations: null,
  display: defaultDisplay,
};
const results = runLab(spec);
const none = { optimizers: null, gradients: null, activations: null };

describe('labMarkdown', () => {
  it('prediction lines as the notebook prints them', () => {
    // The first seed's trained network, evaluated again by the engine's own forward pass.
    const setting = results[0]!.settings[1]!;
    const network = toNetwork(mlpModel(setting.setting.model, 2, 1), setting.first.variables);
    const yhat = forwardPass(network, { input: [0, 1], target: [1] }).layers[1]!.a[0]!;
    const line = `Entrada: [0. 1.], Predicción continua: ${yhat.toFixed(4)}, Predicción binaria: ${yhat > 0.5 ? 1 : 0}, Predicción verdadera: [1.]`;
    expect(labMarkdown(spec, results, none, 'es')).toContain(line);
  });

  it('table row per setting', () => {
    const markdown = labMarkdown(spec, results, none, 'en');
    const s = results[0]!.settings[0]!;
    const percent = Math.round((100 * s.successes) / 4);
    // Wilson's interval, rounded outwards to whole percent.
    const [low, high] = wilsonInterval(s.successes, 4);
    const interval = `${Math.floor(100 * low)}–${Math.ceil(100 * high)}\u00a0%`;
    expect(markdown).toContain(`| 3 | ${s.successes}/4\u00a0(${percent}\u00a0%) | ${interval} |`);
    expect(markdown).toContain('| Hidden neurons | Successes | 95\u00a0% interval | Final loss (median) | Epochs to success (median of those that learn) |');
  });

  it('question and measured answer', () => {
    const markdown = labMarkdown(spec, results, none, 'es');
    expect(markdown).toContain('**Pregunta:** ¿Funcionará con 2 neuronas?');
    expect(markdown).toMatch(/\*\*Respuesta medida:\*\* (con 3 neuronas ocultas|con 2 neuronas ocultas|todas las configuraciones)/);
  });

  it('answers for the focused setting', () => {
    // The focus is the 2-neuron setting, the second of the experiment.
    const s = results[0]!.settings[1]!;
    const percent = Math.round((100 * s.successes) / 4);
    const markdown = labMarkdown(spec, results, none, 'es');
    expect(markdown).toContain(`**Respuesta medida:** con 2 neuronas ocultas, la red clasifica bien todos los ejemplos en ${s.successes} de 4 semillas (${percent}\u00a0%).`);
  });

  it('no seed learns', () => {
    // η = 0.01 for 400 epochs cannot learn XOR from Glorot weights.
    const slow: LabSpec = { ...spec, experiments: [{ ...experiment, training: { ...training, optimizer: { ...training.optimizer, learningRate: 0.01 } } }] };
    const markdown = labMarkdown(slow, runLab(slow), none, 'es');
    expect(markdown).toContain('la red no clasifica bien todos los ejemplos con ninguna de las 4 semillas');
    expect(markdown).toContain('| 0/4\u00a0(0\u00a0%) | 0–49\u00a0% |');
  });

  it('figures by language', () => {
    expect(labMarkdown(spec, results, none, 'es')).toContain('(perdida-neuronas.svg)');
    expect(labMarkdown(spec, results, none, 'en')).toContain('(loss-neuronas.svg)');
  });
});

describe('numpyArray', () => {
  it('floats as NumPy prints them', () => {
    expect(numpyArray([0, 1])).toBe('[0. 1.]');
    expect(numpyArray([0.5, 1])).toBe('[0.5 1.]');
  });
});

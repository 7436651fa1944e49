import type { Lang } from '../i18n/lang.js';
import { labMessages, type LabMessages, type SuccessCount } from '../i18n/lab.js';
import { kerasCall } from '../numeric/optimizer-config.js';
import { formatFixed, formatGiven, scientificTex, type NumberFormat } from '../render/format.js';
import { tidyMarkdown } from '../render/markdown.js';
import { renderTemplate } from '../render/templates.js';
import { curvesKept, sweepOrder, type ExperimentResult, type SettingResult, type SettingValues } from './run.js';
import { wilsonInterval } from './stats.js';
import type { Experiment, Focus, LabeledOptimizer, LabSpec, Sweep } from './spec.js';

/** The handout's sections that other modules render: optimizer steps, gradient problems, activations. */
export interface HandoutSections {
  readonly optimizers: string | null;
  readonly gradients: string | null;
  readonly activations: string | null;
}

/** A column of an experiment's table: one per swept key, in the order settings vary. */
export type SweepColumn = keyof Sweep;

/** Returns the keys an experiment varies, in the order its settings vary them. */
export function sweepColumnsOf(experiment: Experiment): SweepColumn[] {
  return sweepOrder.filter((key) => experiment.vary[key] !== undefined);
}

/** Renders the handout as Markdown with $…$ math, referring to its figures by file name. */
export function labMarkdown(spec: LabSpec, results: ExperimentResult[], sections: HandoutSections, lang: Lang): string {
  const t = labMessages[lang];
  const format = spec.display;
  const view = {
    title: spec.title,
    intro: spec.intro,
    t,
    setup: setupRows(spec, t, format),
    experiments: results.map((result) => experimentView(spec, result, t, format)),
    sections,
    method: t.method(formatGiven(spec.threshold, format)),
  };
  return tidyMarkdown(renderTemplate('lab.md.njk', view));
}

function setupRows(spec: LabSpec, t: LabMessages, format: NumberFormat): { label: string; value: string }[] {
  const { data, model, training } = spec;
  const inputs = data.inputs[0]!.length;
  const outputs = data.targets[0]!.length;
  const sizes = [inputs, ...model.hidden, outputs];
  const rows = t.setupRows;
  const lastSeed = spec.firstSeed + spec.seeds - 1;
  return [
    { label: rows.data, value: t.examples(data.inputs.length, inputs, outputs) },
    { label: rows.model, value: t.architecture(sizes, model.hidden.length === 0 ? null : model.activation, model.outputActivation) },
    { label: rows.loss, value: `\`${model.loss}\`` },
    { label: rows.optimizer, value: `\`${kerasCall(training.optimizer)}\`` },
    { label: rows.epochs, value: String(training.epochs) },
    { label: rows.batch, value: t.batchValue(training.batchSize) },
    { label: rows.seeds, value: t.seedsValue(spec.seeds, spec.firstSeed, lastSeed) },
    { label: rows.success, value: t.successRule(formatGiven(spec.threshold, format)) },
  ];
}

function experimentView(spec: LabSpec, result: ExperimentResult, t: LabMessages, format: NumberFormat) {
  const { experiment, settings } = result;
  const columns = sweepColumnsOf(experiment);
  const anyDiverged = settings.some((s) => s.diverged > 0);
  const header = [
    ...columns.map((key) => t.columns[key]),
    t.columns.successes,
    t.columns.interval,
    t.columns.finalLoss,
    t.columns.epochsToSuccess,
    ...(anyDiverged ? [t.columns.diverged] : []),
  ];
  const rows = settings.map((s) => [
    // A | in a label would end the table cell.
    ...columns.map((key) => sweepValueText(key, s.setting.values, t, format).replaceAll('|', '\\|')),
    successText(s, format),
    intervalText(s, format),
    measuredCell(s.medianFinalLoss, format, t),
    s.medianEpochsToSuccess === null ? t.none : formatMedian(s.medianEpochsToSuccess, format),
    ...(anyDiverged ? [String(s.diverged)] : []),
  ]);
  const firstSeed = spec.firstSeed;

  return {
    id: experiment.id,
    title: experiment.title,
    question: experiment.question,
    text: experiment.text,
    changes: changesFromSetup(spec, experiment, t, format),
    answer: answerSentence(spec, result, columns, t, format),
    header,
    rows,
    lossFigure: t.lossFigure(experiment.id),
    lossCaption: t.lossCurvesCaption(Math.min(spec.seeds, curvesKept), spec.seeds),
    boundaryFigure: experiment.boundaries ? t.boundaryFigure(experiment.id) : null,
    boundaryCaption: t.boundaryCaption(firstSeed),
    predictionsHeading: t.predictionsHeading(firstSeed),
    predictions: experiment.predictions
      ? settings.map((s) => ({ label: settingLabel(s.setting.values, columns, t, format), lines: predictionLines(spec, s, t) }))
      : [],
  };
}

/** Lists what an experiment sets differently from the common setup, leaving out what it sweeps. */
function changesFromSetup(spec: LabSpec, experiment: Experiment, t: LabMessages, format: NumberFormat): string[] {
  const { model, training } = experiment;
  const base = { model: spec.model, training: spec.training };
  const swept = experiment.vary;
  const changes: string[] = [];
  if (swept.hidden === undefined && JSON.stringify(model.hidden) !== JSON.stringify(base.model.hidden)) changes.push(t.hiddenLabel(model.hidden));
  if (model.activation !== base.model.activation) changes.push(t.changed.activation(model.activation));
  if (model.outputActivation !== base.model.outputActivation) changes.push(t.changed.outputActivation(model.outputActivation));
  if (model.alpha !== base.model.alpha && model.hidden.length > 0) changes.push(t.changed.alpha(formatGiven(model.alpha, format)));
  if (model.loss !== base.model.loss) changes.push(t.changed.loss(model.loss));

  // A swept learning rate replaces the optimizer's own, so a different rate alone is no change.
  const ownRate = swept.learningRate === undefined ? training.optimizer : { ...training.optimizer, learningRate: base.training.optimizer.learningRate };
  if (swept.optimizer === undefined && JSON.stringify(ownRate) !== JSON.stringify(base.training.optimizer)) changes.push(t.changed.optimizer(kerasCall(training.optimizer)));
  if (swept.epochs === undefined && training.epochs !== base.training.epochs) changes.push(t.epochsValue(training.epochs));
  if (swept.batchSize === undefined && training.batchSize !== base.training.batchSize) changes.push(t.batchLabel(training.batchSize));
  if (training.shuffle !== base.training.shuffle) changes.push(t.changed.shuffle(training.shuffle));
  return changes;
}

/** Names a setting by its swept values: "2 neuronas ocultas y 400 épocas". */
export function settingLabel(values: SettingValues, columns: readonly SweepColumn[], t: LabMessages, format: NumberFormat): string {
  const parts = columns.map((key) => {
    if (key === 'hidden') return t.hiddenLabel(values.hidden!);
    if (key === 'learningRate') return `η = ${formatGiven(values.learningRate!, format)}`;
    if (key === 'epochs') return t.epochsValue(values.epochs!);
    if (key === 'batchSize') return t.batchLabel(values.batchSize!);
    return optimizerLabel(values.optimizer!, t, format);
  });
  return new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(parts);
}

function sweepValueText(key: SweepColumn, values: SettingValues, t: LabMessages, format: NumberFormat): string {
  switch (key) {
    case 'hidden':
      return t.hiddenValue(values.hidden!);
    case 'optimizer':
      return optimizerLabel(values.optimizer!, t, format);
    case 'learningRate':
      return formatGiven(values.learningRate!, format);
    case 'batchSize':
      return t.batchValue(values.batchSize!);
    case 'epochs':
      return String(values.epochs!);
  }
}

/** Returns the spec's label, or a name built from the optimizer's settings: "SGD, momento 0.9, η = 4.5". */
export function optimizerLabel(optimizer: LabeledOptimizer, t: LabMessages, format: NumberFormat): string {
  if (optimizer.label !== null) return optimizer.label;
  const { config } = optimizer;
  const eta = `η = ${formatGiven(config.learningRate, format)}`;
  const mu = (value: number) => formatGiven(value, format);
  switch (config.name) {
    case 'sgd':
      if (config.momentum === 0) return `SGD, ${eta}`;
      return `SGD, ${config.nesterov ? t.nesterov(mu(config.momentum)) : t.momentum(mu(config.momentum))}, ${eta}`;
    case 'rmsprop':
      return config.momentum === 0 ? `RMSprop, ${eta}` : `RMSprop, ${t.momentum(mu(config.momentum))}, ${eta}`;
    case 'adam':
      return `Adam, ${eta}`;
  }
}

function successText(s: SettingResult, format: NumberFormat): string {
  return `${s.successes}/${s.runs.length}\u00a0(${percentText(s.successes / s.runs.length, format)}\u00a0%)`;
}

/** Writes Wilson's 95 % interval of the success rate, "64–95 %": in whole percent up to 100 seeds, else with one decimal. */
function intervalText(s: SettingResult, format: NumberFormat): string {
  const [low, high] = wilsonInterval(s.successes, s.runs.length);
  const decimals = s.runs.length > 100 ? 1 : 0;
  return `${percentEnd(low, decimals, Math.floor, format)}–${percentEnd(high, decimals, Math.ceil, format)}\u00a0%`;
}

/** Rounds an interval end outwards, so that the printed interval contains the computed one. */
function percentEnd(rate: number, decimals: number, direction: (value: number) => number, format: NumberFormat): string {
  const scale = 10 ** decimals;
  // toPrecision drops float noise first, so that a rate of exactly 85 % is not ceiled to 85.1.
  return formatFixed(direction(Number((100 * rate * scale).toPrecision(12))) / scale, { ...format, digits: decimals });
}

/**
 * Writes a rate as a percentage: whole when it is whole (17 of 20 is 85 %), else with one
 * decimal, so that 2 of 1000 is 0.2 % and not 0 %.
 */
function percentText(rate: number, format: NumberFormat): string {
  const percent = Number((100 * rate).toPrecision(12));
  return formatFixed(percent, { ...format, digits: Number.isInteger(percent) ? 0 : 1, rounding: 'round' });
}

function countOf(s: SettingResult, format: NumberFormat): SuccessCount {
  return { successes: s.successes, seeds: s.runs.length, percent: percentText(s.successes / s.runs.length, format) };
}

/** Writes the measured answer: the focused setting, when the spec names one, then the best and the worst setting. */
function answerSentence(spec: LabSpec, result: ExperimentResult, columns: readonly SweepColumn[], t: LabMessages, format: NumberFormat): string {
  const { settings, experiment } = result;
  const overall = overallAnswer(settings, columns, t, format);
  const { focus } = experiment;
  if (focus === null || settings.length === 1) return overall;

  // A focus that leaves some swept keys open matches several settings: each gets its sentence.
  const focused = settings.filter((s) => matchesFocus(s.setting.values, focus, spec.data.inputs.length));
  const sentences = focused.map((s) => t.focusAnswer(settingLabel(s.setting.values, columns, t, format), countOf(s, format)));
  return [...sentences, t.overall(overall)].map((sentence, index) => (index === 0 ? sentence : capitalize(sentence))).join(' ');
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Returns whether a setting has every value the focus names; a batch of all examples is the full batch. */
function matchesFocus(values: SettingValues, focus: Focus, examples: number): boolean {
  const batch = (size: number | null | undefined) => (size === null || size === examples ? 'all' : size);
  if (focus.hidden !== undefined && JSON.stringify(values.hidden) !== JSON.stringify(focus.hidden)) return false;
  if (focus.learningRate !== undefined && values.learningRate !== focus.learningRate) return false;
  if (focus.batchSize !== undefined && batch(values.batchSize) !== batch(focus.batchSize)) return false;
  return focus.epochs === undefined || values.epochs === focus.epochs;
}

function overallAnswer(settings: SettingResult[], columns: readonly SweepColumn[], t: LabMessages, format: NumberFormat): string {
  if (settings.length === 1) return t.oneSetting(countOf(settings[0]!, format));
  const rates = settings.map((s) => s.successes / s.runs.length);
  if (rates.every((rate) => rate === rates[0])) return t.allSame(countOf(settings[0]!, format));

  // Ties go to the setting listed first; a lower median loss breaks a tie in the success rate.
  const score = (s: SettingResult) => [s.successes / s.runs.length, -(Number.isNaN(s.medianFinalLoss) ? Infinity : s.medianFinalLoss)] as const;
  const better = (a: SettingResult, b: SettingResult) => {
    const [ra, la] = score(a);
    const [rb, lb] = score(b);
    return ra > rb || (ra === rb && la > lb);
  };
  const best = settings.reduce((found, s) => (better(s, found) ? s : found));
  const worst = settings.reduce((found, s) => (better(found, s) ? s : found));
  const label = (s: SettingResult) => settingLabel(s.setting.values, columns, t, format);
  const sentences = [t.bestAndWorst(label(best), countOf(best, format), label(worst), countOf(worst, format))];
  const bestRate = best.successes / best.runs.length;
  const sharing = rates.filter((rate) => rate === bestRate).length;
  if (sharing > 1) sentences.push(t.sharedBest(sharing, settings.length, percentText(bestRate, format)));

  const [, worstHigh] = wilsonInterval(worst.successes, worst.runs.length);
  const [bestLow] = wilsonInterval(best.successes, best.runs.length);
  if (bestLow <= worstHigh) sentences.push(t.overlap);

  const learning = settings.filter((s) => s.medianEpochsToSuccess !== null);
  if (learning.length > 1) {
    const fastest = learning.reduce((found, s) => (s.medianEpochsToSuccess! < found.medianEpochsToSuccess! ? s : found));
    sentences.push(t.fastest(label(fastest), formatMedian(fastest.medianEpochsToSuccess!, format)));
  }
  return sentences.join(' ');
}

/** Formats a measured value for a table cell: fixed decimals, or powers of ten when those would show only zeros. */
function measuredCell(value: number, format: NumberFormat, t: LabMessages): string {
  if (!Number.isFinite(value)) return t.none;
  if (value !== 0 && Math.abs(value) < 10 ** -(format.digits - 1)) return `$${scientificTex(value, { ...format, digits: 3 })}$`;
  return formatFixed(value, format);
}

/** Writes a median of whole epochs: whole, or with .5 between two middle values. */
function formatMedian(value: number, format: NumberFormat): string {
  return formatFixed(value, { ...format, digits: Number.isInteger(value) ? 0 : 1 });
}

/** Writes the notebook's lines: "Entrada: [0. 1.], Predicción continua: 0.7685, Predicción binaria: 1, Predicción verdadera: [1.]". */
function predictionLines(spec: LabSpec, s: SettingResult, t: LabMessages): string[] {
  const run = s.first;
  const point = { digits: 4, rounding: 'round', decimalComma: false } as const;
  const printedInputs = spec.data.inputs.slice(0, maxPredictionLines);
  const lines = printedInputs.map((input, i) => {
    const outputs = run.predictions[i]!;
    const continuous = outputs.length === 1 ? numpyFloat(outputs[0]!, point) : `[${outputs.map((p) => numpyFloat(p, point)).join(' ')}]`;
    const binaryValues = outputs.map((p) => (p > spec.threshold ? 1 : 0));
    const binary = binaryValues.length === 1 ? String(binaryValues[0]) : `[${binaryValues.join(' ')}]`;
    return t.predictionLine(numpyArray(input), continuous, binary, numpyArray(spec.data.targets[i]!));
  });
  const leftOut = spec.data.inputs.length - printedInputs.length;
  return leftOut > 0 ? [...lines, t.morePredictions(leftOut)] : lines;
}

/** Prediction lines printed per setting; a larger data set gets a line saying how many were left out. */
const maxPredictionLines = 16;

/** Formats an output as the notebook's f"{p:.4f}" would, with NumPy's inf and nan, and exponents past 10^6. */
function numpyFloat(value: number, format: NumberFormat): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Math.abs(value) >= 1e6) return value.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
  return formatFixed(value, format);
}

/** Formats a float array as NumPy prints it: [0. 1.], [0.5 1.]. */
export function numpyArray(values: readonly number[]): string {
  return `[${values.map((v) => (Number.isInteger(v) ? `${v}.` : String(v))).join(' ')}]`;
}

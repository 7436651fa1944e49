import type { LabMessages } from '../i18n/lab.js';
import type { NumberFormat } from '../render/format.js';
import { heatmapChart, lineChart, niceTicks, plotColors, sampleGrid } from '../render/plot.js';
import { predict } from '../numeric/trainer.js';
import { settingLabel, sweepColumnsOf } from './handout.js';
import { mlpModel, type ExperimentResult } from './run.js';
import type { LabSpec } from './spec.js';

/** Cells per side of a decision-boundary picture. */
const boundaryCells = 41;

/** Draws one panel per setting with every seed's loss per epoch: blue when the seed learned, red when not. */
export function lossCurvesFigure(spec: LabSpec, result: ExperimentResult, t: LabMessages, format: NumberFormat): string {
  const columns = sweepColumnsOf(result.experiment);
  const panels = result.settings.map((s) => ({
    title: settingLabel(s.setting.values, columns, t, format),
    // Failed seeds are drawn first, so that the successful ones stay visible on top.
    series: [...s.curves]
      .sort((a, b) => Number(a.success) - Number(b.success))
      .map((curve) => ({ values: curve.losses, xs: curve.epochs, color: curve.success ? plotColors.blue : plotColors.vermillion, width: 1, opacity: 0.55 })),
  }));
  return lineChart({
    panels,
    yRange: lossRange(result),
    columns: gridColumns(panels.length),
    xLabel: t.epochAxis,
    yLabel: t.lossAxis(result.experiment.model.loss),
    decimalComma: format.decimalComma,
  });
}

/** Draws the first seed's trained network over the input plane, one panel per setting (two inputs only). */
export function boundaryFigure(spec: LabSpec, result: ExperimentResult, t: LabMessages, format: NumberFormat): string {
  const columns = sweepColumnsOf(result.experiment);
  const { data } = spec;
  const points = data.inputs.map((input, i) => ({ x1: input[0]!, x2: input[1]!, target: data.targets[i]![0]! > spec.threshold ? 1 : 0 }));
  const range = paddedRange(data.inputs);
  const panels = result.settings.map((s) => {
    const model = mlpModel(s.setting.model, 2, data.targets[0]!.length);
    const run = s.first;
    return {
      title: t.boundaryTitle(settingLabel(s.setting.values, columns, t, format), run.diverged ? 'diverges' : run.success ? 'learns' : 'fails'),
      values: sampleGrid((x1, x2) => predict(model, run.variables, [x1, x2])[0]!, range, boundaryCells),
      points,
    };
  });
  return heatmapChart({
    panels,
    range,
    ticks: boundaryTicks(data.inputs, range),
    columns: gridColumns(panels.length),
    decimalComma: format.decimalComma,
  });
}

/**
 * Returns the y range of the loss curves when a diverging run would flatten the others: from
 * 0 to 1.5 times the highest initial loss. Returns undefined, the range of the data, otherwise.
 */
function lossRange(result: ExperimentResult): [number, number] | undefined {
  let highestStart = -Infinity;
  let highest = -Infinity;
  for (const curve of result.settings.flatMap((s) => s.curves)) {
    if (Number.isFinite(curve.losses[0])) highestStart = Math.max(highestStart, curve.losses[0]!);
    for (const loss of curve.losses) if (Number.isFinite(loss)) highest = Math.max(highest, loss);
  }
  if (highestStart === -Infinity) return undefined;
  const ceiling = 1.5 * highestStart;
  return highest > ceiling ? [0, ceiling] : undefined;
}

/** Returns the columns of a grid of panels: one row up to 4 panels, rows of 3 up to 6, then rows of 4. */
function gridColumns(panels: number): number {
  if (panels <= 4) return panels;
  if (panels <= 6) return 3;
  return 4;
}

/** Returns the distinct input values as ticks when there are at most three (0 and 1 for XOR), else round values over the range. */
function boundaryTicks(inputs: readonly (readonly number[])[], range: readonly [number, number]): number[] {
  const distinct = [...new Set(inputs.flat())].sort((a, b) => a - b);
  if (distinct.length <= 3) return distinct;
  return niceTicks(range[0], range[1], 4).filter((tick) => tick >= range[0] && tick <= range[1]);
}

/** Returns the inputs' range with a margin of half its width on each side: −0.5 … 1.5 for XOR. */
function paddedRange(inputs: readonly (readonly number[])[]): [number, number] {
  const values = inputs.flat();
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = max > min ? (max - min) / 2 : 1;
  return [min - margin, max + margin];
}

import type { Lang } from '../i18n/lang.js';
import { labMessages } from '../i18n/lab.js';
import { labSectionMessages } from '../i18n/lab-sections.js';
import { tidyMarkdown } from '../render/markdown.js';
import { functionChart, lineChart, seriesColors } from '../render/plot.js';
import { renderTemplate } from '../render/templates.js';
import { activationCurves, activationTable } from './activation-curves.js';
import { boundaryFigure, lossCurvesFigure } from './figures.js';
import { gradientFigureMarkdown, gradientProblemsMarkdown, gradientProblemsView } from './gradient-problems.js';
import { labMarkdown, type HandoutSections } from './handout.js';
import { optimizerStepsMarkdown, optimizerStepsView } from './optimizer-steps.js';
import { runLab } from './run.js';
import type { ActivationPlots, GradientProblems, LabSpec } from './spec.js';

export interface LabDocument {
  /** File name without extension: laboratorio (es) or lab (en). */
  readonly baseName: string;
  readonly markdown: string;
  /** SVG figures by the file name the Markdown refers to. */
  readonly images: Map<string, string>;
}

/** Trains every experiment of the spec and writes the handout with its figures; `onRun` follows the training runs. */
export function labDocument(spec: LabSpec, lang: Lang, onRun: () => void = () => {}): LabDocument {
  const t = labMessages[lang];
  const format = spec.display;
  const results = runLab(spec, onRun);
  const images = new Map<string, string>();
  for (const result of results) {
    images.set(t.lossFigure(result.experiment.id), lossCurvesFigure(spec, result, t, format));
    if (result.experiment.boundaries) images.set(t.boundaryFigure(result.experiment.id), boundaryFigure(spec, result, t, format));
  }

  const sections: HandoutSections = {
    optimizers: spec.optimizerSteps === null ? null : optimizerStepsMarkdown(optimizerStepsView(spec.optimizerSteps, format, lang)),
    gradients: spec.gradientProblems === null ? null : gradientSection(spec.gradientProblems, spec, lang, images),
    activations: spec.activations === null ? null : activationSection(spec.activations, spec, lang, images),
  };
  return { baseName: t.fileBase, markdown: labMarkdown(spec, results, sections, lang), images };
}

/** Writes the deep narrow networks' tables and draws |∂E/∂w^{[l]}| of every case against l on a logarithmic scale. */
function gradientSection(problems: GradientProblems, spec: LabSpec, lang: Lang, images: Map<string, string>): string {
  const view = gradientProblemsView(problems, spec.display, lang);
  const figure = lineChart({
    panels: [
      {
        series: view.series.map((series, index) => ({
          values: series.magnitudes,
          xs: series.layers,
          color: seriesColors[index % seriesColors.length]!,
          width: 2,
          label: series.label,
        })),
      },
    ],
    xLabel: view.axes.x,
    yLabel: view.axes.y,
    yScale: 'log10',
    legend: true,
    aspect: 0.45,
    decimalComma: spec.display.decimalComma,
  });
  images.set(labSectionMessages[lang].gradients.figureFile, figure);
  const caption = labSectionMessages[lang].gradients.figureAlt;
  return gradientProblemsMarkdown({ ...view, figure: `${gradientFigureMarkdown(lang)}\n\n*${caption}.*` });
}

/** Writes the activations' definitions and derivatives, and draws one panel per function with both curves. */
function activationSection(plots: ActivationPlots, spec: LabSpec, lang: Lang, images: Map<string, string>): string {
  const t = labMessages[lang];
  const names = labSectionMessages[lang].activations.names;
  const figure = functionChart({
    panels: activationCurves(plots).map((curve) => ({ title: names[curve.name], z: curve.z, f: curve.value, derivative: curve.derivative })),
    labels: t.curveLabels,
    columns: 3,
    decimalComma: spec.display.decimalComma,
  });
  images.set(t.activationFigure, figure);
  return tidyMarkdown(renderTemplate('lab-activations.md.njk', { t, table: activationTable(plots, lang, spec.display) }));
}

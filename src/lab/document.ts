import type { Lang } from '../i18n/lang.js';
import { labMessages } from '../i18n/lab.js';
import { boundaryFigure, lossCurvesFigure } from './figures.js';
import { labMarkdown, type HandoutSections } from './handout.js';
import { runLab } from './run.js';
import type { LabSpec } from './spec.js';

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

  const sections: HandoutSections = { optimizers: null, gradients: null, activations: null };
  return { baseName: t.fileBase, markdown: labMarkdown(spec, results, sections, lang), images };
}

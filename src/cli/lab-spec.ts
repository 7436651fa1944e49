import { UserError } from '../errors.js';
import { cliMessages } from '../i18n/cli.js';
import { labDocument, type LabDocument } from '../lab/document.js';
import { loadLab } from '../lab/load.js';
import { runCount } from '../lab/run.js';
import type { LabSpec } from '../lab/spec.js';
import { labWorkFault } from '../lab/work.js';
import type { CommandContext } from './context.js';
import { numberOption } from './options.js';
import { Progress } from './progress.js';

/**
 * Loads a lab file and applies --seeds. A seed count from --seeds is checked here against
 * the work limit, because the file's own count was checked when it was loaded.
 */
export function loadLabWithSeeds(path: string, name: string, seedsOption: string | undefined): LabSpec {
  const seeds = numberOption('seeds', seedsOption, 'seeds');
  const loaded = loadLab(path, name);
  if (seeds === undefined) return loaded;

  const spec = { ...loaded, seeds };
  const fault = labWorkFault(spec, true);
  if (fault !== undefined) throw new UserError((lang) => cliMessages[lang].lab.tooMuchWork(name, seeds, fault[lang]));
  return spec;
}

/** Trains every experiment of the lab, with a progress bar on a terminal, and writes its handout. */
export function trainLab(context: CommandContext, spec: LabSpec, quiet: boolean): { document: LabDocument; runs: number } {
  const runs = runCount(spec);
  const progress = new Progress(context.io, context.io.isTTY && !quiet, context.messages.lab.runs, runs);
  let done = 0;
  const document = labDocument(spec, context.lang, () => progress.update(++done));
  return { document, runs };
}

/**
 * Checks, before any training, what would only fail once the PDF is written: characters the
 * PDF fonts lack in the lab's texts, and formulas in those texts or a parameter symbol that
 * are not valid TeX. Each error names the spec file and the field.
 */
export async function requirePrintableLab(spec: LabSpec, specName: string): Promise<void> {
  const { characterOutsideFonts } = await import('../render/pdf/fonts.js');
  const fields: [string, string | null][] = [
    ['title', spec.title],
    ['intro', spec.intro],
    ...spec.experiments.flatMap((experiment, index): [string, string | null][] => [
      [`experiments[${index}].title`, experiment.title],
      [`experiments[${index}].question`, experiment.question],
      [`experiments[${index}].text`, experiment.text],
      ...(experiment.vary.optimizer ?? []).map((optimizer, item): [string, string | null] => [`experiments[${index}].vary.optimizer[${item}].label`, optimizer.label]),
    ]),
    ...(spec.gradientProblems?.cases ?? []).map((deepCase, index): [string, string | null] => [`gradient_problems.cases[${index}].label`, deepCase.label]),
    ...(spec.optimizerSteps?.optimizers ?? []).map((optimizer, index): [string, string | null] => [`optimizer_steps.optimizers[${index}].label`, optimizer.label]),
  ];
  for (const [field, text] of fields) {
    const character = text === null ? null : characterOutsideFonts(text);
    if (character !== null) throw new UserError((lang) => cliMessages[lang].homework.unprintable(`${specName}, ${field}`, character));
  }

  const { typesetMath, TexError } = await import('../render/pdf/mathjax.js');
  const typesets = (tex: string): string | null => {
    try {
      typesetMath(tex, false);
      return null;
    } catch (error) {
      if (!(error instanceof TexError)) throw error;
      return error.reason;
    }
  };
  for (const [field, text] of fields) {
    for (const match of (text ?? '').matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)) {
      const tex = (match[1] ?? match[2]!).trim();
      const reason = typesets(tex);
      if (reason !== null) throw new UserError((lang) => cliMessages[lang].lab.badFormula(specName, field, tex, reason));
    }
  }
  if (spec.optimizerSteps === null) return;
  const { parameter } = spec.optimizerSteps;
  const reason = typesets(parameter);
  if (reason !== null) throw new UserError((lang) => cliMessages[lang].lab.badParameter(specName, parameter, reason));
}

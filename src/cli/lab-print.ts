import { UserError } from '../errors.js';
import { cliMessages } from '../i18n/cli.js';
import type { LabSpec } from '../lab/spec.js';

/**
 * Checks, before any training, what would only fail once the PDF is written: characters the
 * PDF fonts lack in the lab's texts and a parameter symbol that is not valid TeX. Each error
 * names the spec file and the field.
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

  if (spec.optimizerSteps === null) return;
  const { typesetMath, TexError } = await import('../render/pdf/mathjax.js');
  const { parameter } = spec.optimizerSteps;
  try {
    typesetMath(`${parameter}_{0}`, false);
  } catch (error) {
    if (!(error instanceof TexError)) throw error;
    throw new UserError((lang) => cliMessages[lang].lab.badParameter(specName, parameter, error.reason));
  }
}

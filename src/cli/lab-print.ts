import { UserError } from '../errors.js';
import { cliMessages } from '../i18n/cli.js';
import type { LabSpec } from '../lab/spec.js';

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

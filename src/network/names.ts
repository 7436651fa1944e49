import type { Bilingual } from '../i18n/lang.js';
import type { SpecFault, SpecPath } from './source.js';
import { closestName } from './suggest.js';

/** Words for a message about an unknown name. */
export interface NameWords {
  /** Completes "`x` is not …": `a known loss function`. */
  readonly description: Bilingual<string>;
  /** The sentence that lists the valid names. */
  readonly choices: Bilingual<string>;
}

/** Builds the sentence that lists the valid names. */
export function listedNames(known: readonly string[]): Bilingual<string> {
  return { es: `Los nombres válidos son: ${known.join(', ')}.`, en: `The valid names are: ${known.join(', ')}.` };
}

/** Builds " Did you mean `x`?" for the closest of `candidates`, or nothing when none is close. */
export function didYouMean(name: string, candidates: readonly string[]): Bilingual<string> {
  const suggestion = closestName(name, candidates);
  if (suggestion === undefined) return { es: '', en: '' };
  return { es: ` ¿Quisiste decir \`${suggestion}\`?`, en: ` Did you mean \`${suggestion}\`?` };
}

/**
 * Builds the fault for a name that is not one of `known`: the field as `field` names it,
 * the value as written, the closest known name and the valid choices.
 */
export function unknownNameFault(
  path: SpecPath,
  field: Bilingual<string>,
  written: string,
  name: string,
  known: readonly string[],
  words: NameWords,
): SpecFault {
  const guess = didYouMean(name, known);
  return {
    path,
    es: `${field.es} vale \`${written}\`, que no es ${words.description.es}.${guess.es} ${words.choices.es}`,
    en: `${field.en} is \`${written}\`, which is not ${words.description.en}.${guess.en} ${words.choices.en}`,
  };
}

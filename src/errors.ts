import type { Lang } from './i18n/lang.js';

/** A message in the user's language, produced when it is shown. */
export type LocalizedMessage = (lang: Lang) => string;

/**
 * A problem with the user's input (spec, options, files): the CLI prints the message and
 * exits with code 1. Anything else that is thrown is a bug and exits with code 2.
 */
export class UserError extends Error {
  constructor(readonly localized: LocalizedMessage) {
    super(localized('en'));
    this.name = 'UserError';
  }

  messageIn(lang: Lang): string {
    return this.localized(lang);
  }
}

/** Create a UserError from its message in both languages. */
export function userError(es: string, en: string): UserError {
  return new UserError((lang) => (lang === 'es' ? es : en));
}

export type Lang = 'es' | 'en';

export const languages: readonly Lang[] = ['es', 'en'];

export const defaultLang: Lang = 'es';

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

/** A text in both languages, chosen when it is shown. */
export type Bilingual<T> = Record<Lang, T>;

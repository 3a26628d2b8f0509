import { languageOrEnglish, LOCALES, type Locale } from '../../locales/index.js';

/** What the emails to visitors say, per language ({org}, {name}, {x}, {days} filled in): src/locales. */
export type EmailStrings = Locale['email'];

export function emailStrings(language: string | null | undefined): { lang: string; t: EmailStrings } {
  const lang = languageOrEnglish(language);
  return { lang, t: LOCALES[lang].email };
}

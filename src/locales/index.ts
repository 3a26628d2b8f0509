import da from './da.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';

/**
 * Every word Baton says to visitors, one file per language: the chat frame, the handoff
 * promises, the emails, the answers without an LLM and the launcher on the site's page. Adding
 * a language is adding its file and its line here; English is the shape each must have.
 */
export type Locale = typeof en;

export const LOCALES = { en, da, de, fr, es } satisfies Record<string, Locale>;

export type Language = keyof typeof LOCALES;
export const LANGUAGES = Object.keys(LOCALES) as Language[];

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && Object.hasOwn(LOCALES, value);

/** A language we have, or English. */
export const languageOrEnglish = (value: string | null | undefined): Language => (isLanguage(value) ? value : 'en');

export function locale(language: string | null | undefined): Locale {
  return LOCALES[languageOrEnglish(language)];
}

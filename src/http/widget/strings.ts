import { LANGUAGES, LOCALES, type Locale } from '../../locales/index.js';
import { isWidgetLanguage, type WidgetLanguage } from '../../services/widget/types.js';

/** Everything the chat frame says, per language (src/locales). */
export const WIDGET_STRINGS = Object.fromEntries(LANGUAGES.map((l) => [l, LOCALES[l].widget])) as Record<WidgetLanguage, Locale['widget']>;

export type WidgetStrings = Locale['widget'];

/**
 * The frame's language: the one the site set (data-language, or the admin's default), else the
 * first of the browser's languages we have, else English.
 */
export function pickLanguage(siteLanguage: string | undefined, acceptLanguages: string[]): WidgetLanguage {
  if (isWidgetLanguage(siteLanguage)) return siteLanguage;
  for (const tag of acceptLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isWidgetLanguage(base)) return base;
  }
  return 'en';
}

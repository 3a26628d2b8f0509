import type { Locale } from '../../locales/index.js';
import { isWidgetLanguage, type WidgetLanguage } from '../../services/widget/types.js';

/** Everything the chat frame says, in one language: `locale(lang).widget` (src/locales). */
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

import { isLanguage, LANGUAGES, type Language } from '../../locales/index.js';

/** The languages the widget speaks: those src/locales has. */
export const WIDGET_LANGUAGES = LANGUAGES;
export type WidgetLanguage = Language;

export const isWidgetLanguage = isLanguage;

/** How the widget looks and where it may be embedded. */
export interface WidgetSettings {
  /** Site origins (scheme://host[:port]) allowed to embed the chat frame and call the API. */
  allowedOrigins: string[];
  /** #rrggbb */
  colour: string;
  /** Shown as the assistant's first message; empty for the translated default. */
  greeting: string;
  position: 'right' | 'left';
  /** 'auto' follows the visitor's browser. */
  language: WidgetLanguage | 'auto';
}

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  allowedOrigins: [],
  colour: '#4f46e5',
  greeting: '',
  position: 'right',
  language: 'auto',
};

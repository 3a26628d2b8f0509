export const WIDGET_LANGUAGES = ['en', 'da', 'de', 'fr', 'es'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

export const isWidgetLanguage = (value: unknown): value is WidgetLanguage => typeof value === 'string' && (WIDGET_LANGUAGES as readonly string[]).includes(value);

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

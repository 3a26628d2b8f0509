import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALES, locale } from '../../src/locales/index.js';

/** Every leaf of a locale as "path → text", tuples included ("widget.csatScores.2"). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = leaves(LOCALES.en);

describe('the locales', () => {
  it('cover the chat, the promises, the emails, the answers and the launcher', () => {
    expect(Object.keys(LOCALES.en).sort()).toEqual(['email', 'loader', 'notices', 'replies', 'widget']);
    expect(english.size).toBeGreaterThanOrEqual(100);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every key English has, and no other', (language) => {
    expect([...leaves(LOCALES[language]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)('%s fills in the same {placeholders} as English, and leaves nothing empty', (language) => {
    for (const [path, text] of leaves(LOCALES[language])) {
      expect(text.trim(), `${language} ${path}`).not.toBe('');
      expect(placeholders(text), `${language} ${path}`).toEqual(placeholders(english.get(path)!));
    }
  });

  it('falls back to English for a language Baton does not have', () => {
    expect(locale('sv')).toBe(LOCALES.en);
    expect(locale(null)).toBe(LOCALES.en);
    expect(locale('de')).toBe(LOCALES.de);
  });
});

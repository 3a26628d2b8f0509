import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, toSearchTerms } from '../../src/lib/search-query.js';

describe('toSearchTerms', () => {
  it.each([
    ['Hi, I was wondering how I can cancel my subscription before it renews?', 'en', ['cancel', 'subscription', 'renews']],
    ['Hvordan kan jeg opsige mit abonnement, tak?', 'da', ['opsige', 'abonnement']],
    ['Wie kann ich mein Passwort zurücksetzen?', 'de', ['passwort', 'zurücksetzen']],
    ['Comment puis-je changer mon adresse e-mail ?', 'fr', ['changer', 'adresse', 'e-mail']],
    ['¿Cómo puedo cambiar mi contraseña?', 'es', ['cambiar', 'contraseña']],
  ])('keeps the key terms of %j', (question, language, terms) => {
    const q = toSearchTerms(question);
    expect(q.language).toBe(language);
    expect(q.terms).toEqual(terms);
    expect(q.text).toBe(terms.join(' '));
  });

  it('keeps numbers and product words, and drops duplicates', () => {
    expect(toSearchTerms('Does the Pro plan include SSO for 50 users? SSO is required', 'en').terms).toEqual(['pro', 'plan', 'include', 'sso', '50', 'users', 'required']);
    // Contractions typed without the apostrophe are as common as with it
    expect(toSearchTerms('whats the max file size, i cant upload and dont know why', 'en').terms).toEqual(['max', 'file', 'size', 'upload']);
    // …and so are they with it, so no "don" or "ll" is left behind as if it were asked about
    expect(toSearchTerms("I don't see the export, it doesn't work and I'll need it. We've tried", 'en').terms).toEqual(['see', 'export', 'work', 'tried']);
  });

  it('puts at most ten terms first, for Meilisearch which reads only ten words', () => {
    const long = 'export invoices pdf csv accounting xero quickbooks sync nightly schedule failed error timezone';
    expect(toSearchTerms(long, 'en').terms).toHaveLength(MAX_QUERY_TERMS);
    expect(toSearchTerms(long, 'en').terms[0]).toBe('export');
  });

  it('falls back to the words typed when all of them are common', () => {
    expect(toSearchTerms('What is it?', 'en').terms).toEqual(['what', 'is', 'it']);
    expect(toSearchTerms('', 'en').terms).toEqual([]);
  });

  it('drops the common verbs and adverbs the Spanish and Dutch stop lists lack, and keeps what the question is about', () => {
    expect(toSearchTerms('¿Hay un sitio de demostración para probar antes de instalarlo?', 'es').terms).toEqual(['sitio', 'demostración', 'probar', 'instalarlo']);
    expect(toSearchTerms('In welke map komen mijn notities te staan?', 'nl').terms).toEqual(['map', 'notities']);
    expect(toSearchTerms('¿Cómo cambio la contraseña de mi cuenta?', 'es').terms).toEqual(['cambio', 'contraseña', 'cuenta']);
  });
});

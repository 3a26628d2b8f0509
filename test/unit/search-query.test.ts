import { describe, expect, it } from 'vitest';
import { glossaryFor } from '../../src/lib/glossary/index.js';
import { MAX_QUERY_TERMS, toSearchTerms, withSeparableVerbsJoined } from '../../src/lib/search-query.js';

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

  it('drops the second word of "how long", "how often" and their like, and keeps it elsewhere', () => {
    expect(toSearchTerms('access tokens - how long can they be valid', 'en').terms).toEqual(['access', 'tokens', 'valid']);
    expect(toSearchTerms('How often do you back up?', 'en').terms).not.toContain('often');
    expect(toSearchTerms('Hoe lang blijven bestanden in de prullenbak?', 'nl').terms).toEqual(['bestanden', 'prullenbak']);
    expect(toSearchTerms('Combien de temps dure l’essai ?', 'fr').terms).not.toContain('temps');
    expect(toSearchTerms('¿Cuánto tiempo se guardan los registros?', 'es').terms).not.toContain('tiempo');
    expect(toSearchTerms('the text is too long for the field', 'en').terms).toContain('long');
    expect(toSearchTerms('Is there a long-term plan?', 'en').terms).toContain('long-term');
    // A later "long" that names something is kept; "how far back" asks as a whole
    expect(toSearchTerms('How long can a long text be?', 'en').terms).toContain('long');
    expect(toSearchTerms('how far back do backups go', 'en').terms).toEqual(['backups', 'go']);
    expect(toSearchTerms('À quelle fréquence les sauvegardes sont-elles faites ?', 'fr').terms).not.toContain('fréquence');
    // Words that are names of built-in object properties are ordinary words
    expect(() => toSearchTerms('Why does the constructor fail in my plugin?', 'en')).not.toThrow();
    expect(toSearchTerms('Why does the constructor fail in my plugin?', 'en').terms).toContain('constructor');
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

  it('drops the pronouns, modal verbs and politeness of every widget language, and keeps "multiple" (mehrere) and "without" (uden)', () => {
    expect(toSearchTerms('Hallo, kunnen jullie mij vertellen of alle facturen geëxporteerd worden?', 'nl').terms).toEqual(['vertellen', 'facturen', 'geëxporteerd']);
    expect(toSearchTerms('Könnt ihr mir bitte sagen, ob man mehrere Konten nicht verknüpfen kann?', 'de').terms).toEqual(['sagen', 'mehrere', 'konten', 'verknüpfen']);
    expect(toSearchTerms('Bonjour, est-ce que vous pourriez activer la facturation sans carte ?', 'fr').terms).toEqual(['activer', 'facturation', 'carte']);
    expect(toSearchTerms('Hej, vil I venligst fortælle mig, om jeres app virker uden internet?', 'da').terms).toEqual(['fortælle', 'app', 'virker', 'uden', 'internet']);
  });

  it('keeps the words that begin a glossary pair, so "tous les jours" is still read as daily', () => {
    const terms = toSearchTerms('Comment faire une sauvegarde tous les jours ?', 'fr').terms;
    expect(terms).toEqual(['sauvegarde', 'tous', 'jours']);
    expect(glossaryFor('fr')!.pair('tous', 'jours')?.flat()).toContain('daily');
  });

  it('drops salutations and the words of idioms that name nothing', () => {
    expect(toSearchTerms('Sehr geehrte Damen und Herren, wie exportiere ich?', 'de').terms).toEqual(['exportiere']);
    expect(toSearchTerms("Hoe lang duurt het in verband met de export?", 'nl').terms).toEqual(['duurt', 'export']);
  });
});

describe('withSeparableVerbsJoined', () => {
  it.each([
    ["Hoe nodig ik nieuwe collega's uit voor ons team?", 'nl', 'invite'],
    ['Hoe sla ik mijn notities op?', 'nl', 'save'],
    ['Hoe stel ik een herinnering in voor een taak in de app?', 'nl', 'configure'],
    ['Wie richte ich den Sync mit Nextcloud ein?', 'de', 'setup'],
    ['Wie lade ich meine Notizen herunter?', 'de', 'download'],
    ['Bietet ihr einen Vertrag zur Auftragsverarbeitung an?', 'de', 'offer'],
    ['Ich richte den Sync mit Nextcloud ein, aber es klappt nicht.', 'de', 'setup'],
    ['Zet ik de meldingen uit, dan mis ik berichten.', 'nl', 'disable'],
  ])('reads a verb and its particle as one: %s', (question, language, english) => {
    const verb = toSearchTerms(question, language, 48).terms[0]!;
    expect(glossaryFor(language)!.word(verb)?.flat()).toContain(english);
  });

  it('takes the last particle of the clause that is no preposition, and the infinitive first', () => {
    const first = (q: string, l: string) => toSearchTerms(q, l, 48).terms[0]!;
    expect(glossaryFor('nl')!.word(first('Hoe zet ik op mijn telefoon de meldingen uit?', 'nl'))?.flat()).toContain('disable');
    expect(first('Wie teile ich ein Dokument mit einem Kollegen?', 'de')).toBe('teile');
    expect(glossaryFor('nl')!.word(first('Hoe zet ik een bestand om naar PDF?', 'nl'))?.flat()).toContain('convert');
  });

  it('looks up a bounded number of particles in one message', () => {
    // Read from the end, the particle that makes a verb comes after more than the bound allows
    expect(withSeparableVerbsJoined(`hoe nodig ik uit ${'op '.repeat(10)}`, 'nl')).toContain('uitnodigen');
    expect(withSeparableVerbsJoined(`hoe nodig ik uit ${'op '.repeat(5000)}`, 'nl')).not.toContain('uitnodigen');
  });

  it('reads what the verb means with its particle, not alone', () => {
    expect(glossaryFor('nl')!.word('nodig')?.flat()).not.toContain('invite');
    expect(toSearchTerms("Hoe nodig ik collega's uit?", 'nl', 48).terms).not.toContain('nodig');
  });

  it('writes a German verb joined from its person form as the infinitive German pages use', () => {
    expect(withSeparableVerbsJoined('wann kommt die app an?', 'de')).toEqual(['wann', 'ankommen', 'die', 'app']);
  });

  it('drops the particle it joined, and no other word', () => {
    expect(withSeparableVerbsJoined('hoe stel ik een herinnering in voor een taak in de app?', 'nl')).toEqual(['hoe', 'instellen', 'ik', 'een', 'herinnering', 'voor', 'een', 'taak', 'in', 'de', 'app']);
  });

  it.each([
    ['a particle in another clause', 'Wie lade ich das Foto, das danach herunter fiel?', 'de'],
    ['a preposition that makes no known verb', 'Wo finde ich die Einstellungen auf dem Handy?', 'de'],
    ['a particle inside a clause without a question word', 'Geht das mit Synapse?', 'de'],
    ['a noun before the verb of a statement', 'Der Export bricht immer ab', 'de'],
    ['an impersonal idiom', 'Es kommt auf den Tarif an', 'de'],
    ['an idiom marked by a pronominal adverb', 'Ich gehe davon aus, dass es klappt', 'de'],
    ['a language that does not split its verbs', 'Comment je configure la synchro en ligne ?', 'fr'],
  ])('leaves the words as written with %s', (_, question, language) => {
    expect(withSeparableVerbsJoined(question.toLowerCase(), language)).toEqual(question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu));
  });
});

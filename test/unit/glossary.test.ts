import { describe, expect, it } from 'vitest';
import { GLOSSARY_LANGUAGES, glossaryFor, glossaryOf } from '../../src/lib/glossary/index.js';
import { detectLanguage } from '../../src/lib/language.js';
import { CorpusStatsBuilder, groupByPage, queryTermsOf, rankPassages } from '../../src/services/knowledge/ranking.js';
import type { Chunk } from '../../src/services/knowledge/types.js';

const SOURCE = `
# a section header
abonnement = subscription
löschen = delete|remove
sparschwein = piggy bank
sicherheit = security
lücke = gap|vulnerability
konto = account
abonnement = membership
`;

describe('a glossary', () => {
  const glossary = glossaryOf(SOURCE, 'de');
  const lookup = (word: string) => glossary.word(word);

  it('finds a word by its stem, so inflected forms find it', () => {
    expect(lookup('Abonnements')).toEqual([['subscription']]);
    expect(lookup('lösche')).toEqual([['delete', 'remove']]);
  });

  it('keeps the first entry of a word, and several English words as several terms', () => {
    expect(lookup('abonnement')).toEqual([['subscription']]);
    expect(lookup('Sparschwein')).toEqual([['piggy'], ['bank']]);
  });

  it('reads a compound as two known words, with the linking letter between', () => {
    expect(lookup('Sicherheitslücke')).toEqual([['security'], ['gap', 'vulnerability']]);
    expect(lookup('Kontolöschen')).toEqual([['account'], ['delete', 'remove']]);
  });

  it('does not split in languages that do not write compounds, nor make up words', () => {
    expect(glossaryOf('konto = account\nlöschen = delete', 'fr').word('kontolöschen')).toBeUndefined();
    expect(lookup('Ferienwohnung')).toBeUndefined();
    expect(lookup('ab')).toBeUndefined();
    // A pasted token is not a compound, even when made of known words.
    expect(lookup('konto'.repeat(9))).toBeUndefined();
  });

  it('knows two words that are one entry, and words never to translate', () => {
    const fr = glossaryOf('mot de passe = password\npasser = pass\nvirkelig = -\nvirke = work', 'fr');
    expect(fr.pair('mot', 'passe')).toEqual([['password']]);
    expect(fr.word('passe')).toEqual([['pass']]);
    const da = glossaryOf('virkelig = -\nvirke = work', 'da');
    expect(da.word('virke')).toEqual([['work']]);
    expect(da.word('virkelig')).toBeUndefined();
  });

  it('finds a Spanish or French plural the stemmer keeps apart from its singular, by the singular as written', () => {
    const es = glossaryOf('día = day\ndólar = dollar', 'es');
    expect(es.word('día')).toEqual([['day']]);
    expect(es.word('días')).toEqual([['day']]);
    expect(es.word('dólares')).toEqual([['dollar']]);
    // Only the entry as written: a plural is not looked up by the stem of what it would come from.
    expect(glossaryOf('foyer = household', 'fr').word('fois')).toBeUndefined();
    expect(glossaryOf('día = day', 'de').word('días')).toBeUndefined();
  });

  it('does not let a word meet another entry’s stem', () => {
    // Swedish "säkerhet" stems to "saker", which is also a word of its own (things).
    const sv = glossaryOf('säkerhet = security', 'sv');
    expect(sv.word('säkerheten')).toEqual([['security']]);
    expect(sv.word('saker')).toBeUndefined();
  });

  it('ships for every widget language but English, each parsed into hundreds of entries', () => {
    expect(GLOSSARY_LANGUAGES.sort()).toEqual(['da', 'de', 'es', 'fr', 'nl', 'sv']);
    for (const [language, word, english] of [
      ['de', 'Passwort', 'password'],
      ['nl', 'wachtwoord', 'password'],
      ['da', 'adgangskode', 'password'],
      ['sv', 'lösenord', 'password'],
      ['fr', 'abonnement', 'subscription'],
      ['es', 'contraseña', 'password'],
    ] as const) {
      expect(glossaryFor(language)?.word(word)?.flat()).toContain(english);
    }
    expect(glossaryFor('en')).toBeUndefined();
  });
});

describe('a question in another language than the content', () => {
  let n = 0;
  const chunk = (url: string, text: string, language = 'en'): Chunk => ({ id: `c${++n}`, sourceId: 's', url, title: 'Help', headingPath: [], page: null, language, text, position: n });
  const corpus = [
    chunk('https://h.test/subscriptions', 'Cancel your subscription under Settings, then Plan.'),
    chunk('https://h.test/savings', 'A piggy bank saves money towards a goal, such as a holiday.'),
    chunk('https://h.test/export', 'Export your notes as Markdown from the File menu.'),
    ...Array.from({ length: 20 }, (_, i) => chunk(`https://h.test/p${i}`, `Another page about notes and sync, number ${i}.`)),
  ];
  const stats = (() => {
    const b = new CorpusStatsBuilder();
    corpus.forEach((c) => b.add(c));
    return b.finish();
  })();
  const top = (words: string[], language: string) => {
    const query = queryTermsOf(words, language, stats);
    return groupByPage(rankPassages(corpus, query, stats), query, stats)[0]?.page;
  };

  it('meets English pages through the glossary: its words become the content’s terms', () => {
    expect(top(['abonnement', 'kündigen'], 'de')).toBe('https://h.test/subscriptions');
    expect(top(['sparegris', 'ferie'], 'da')).toBe('https://h.test/savings');
  });

  it('keeps a word the content uses as written ("export"), and a word it never uses counts as unknown without a translation', () => {
    const query = queryTermsOf(['export', 'xyzzy'], 'de', stats);
    expect(query.find((t) => t.word === 'export')?.df).toBeGreaterThan(0);
    expect(query.find((t) => t.word === 'xyzzy')?.df).toBe(0);
  });

  it('drops the stop words and single letters of a word made of parts ("c\'est", "Ende-zu-Ende")', () => {
    expect(queryTermsOf(["c'est", 'ende-zu-ende-verschlüsselung'], 'de', stats).map((t) => t.word)).not.toEqual(expect.arrayContaining(['c', 'est', 'zu']));
    expect(queryTermsOf(['android-app'], 'en', stats).map((t) => t.word).sort()).toEqual(['android', 'app']);
    expect(queryTermsOf(['2-factor'], 'en', stats).map((t) => t.word).sort()).toEqual(['2', 'factor']);
  });

  it('drops a word whose English is only function words ("waarom": why), and keeps one it cannot translate', () => {
    const words = queryTermsOf(['waarom', 'xyzzy', 'abonnement'], 'nl', stats).map((t) => t.word);
    expect(words).not.toContain('waarom');
    expect(words).not.toContain('why');
    expect(words).toContain('xyzzy');
  });

  it('is not used when the question is in the content’s language', () => {
    const query = queryTermsOf(['abonnement'], 'en', stats);
    expect(query).toEqual([expect.objectContaining({ word: 'abonnement', df: 0 })]);
  });
});

describe('the question’s language', () => {
  it('tells close languages apart in short questions (Dutch, Danish, Swedish)', () => {
    expect(detectLanguage('Hoe importeer ik een CSV-bestand van mijn bank in Firefly III?')).toBe('nl');
    expect(detectLanguage('Hvordan opretter jeg en ny profil, så mine arbejdsnoter og private noter er adskilt?')).toBe('da');
    expect(detectLanguage('Kan ni koppla mig till er ekonomiavdelning?')).toBe('sv');
  });

  it('stays a language Baton cannot stem when it really is one', () => {
    expect(detectLanguage('Jak mogę zaimportować plik CSV z mojego banku?')).toBe('pl');
    expect(detectLanguage('Czy mogę porozmawiać z człowiekiem?')).toBe('pl');
    expect(detectLanguage('Nasıl şifremi değiştirebilirim?')).toBe('tr');
  });

  it('is English when the text is, whatever the widget’s language', () => {
    expect(detectLanguage('can my team members see my notes?', 'da')).toBe('en');
    expect(detectLanguage('is my data encrypted at rest', 'de')).toBe('en');
  });

  it('goes to the widget’s language, then to a glossary language, on a near tie', () => {
    expect(detectLanguage('Hvordan sletter jeg min konto?', 'da')).toBe('da');
    expect(detectLanguage('Hvordan sletter jeg min konto?', 'en')).toBe('da');
  });

  it('is the widget’s language for a few keywords with none of the detected language’s small words', () => {
    expect(detectLanguage('calendar sync google', 'en')).toBe('en');
    expect(detectLanguage('dark mode android', 'de')).toBe('de');
    expect(detectLanguage('¿Dónde descargo mis facturas?', 'en')).toBe('es');
  });

  it('reads elided words as the stop-word lists have them ("j\'exporte" is "j" and "exporte")', () => {
    expect(detectLanguage("Comment j'exporte l'historique ?", 'en')).toBe('fr');
  });

  it('breaks a near tie by the small words the text uses', () => {
    expect(detectLanguage('Comment activer la double authentification ?', 'en')).toBe('fr');
  });

  it('is the widget’s language for a text too short to tell', () => {
    expect(detectLanguage('ok danke', 'de')).toBe('de');
  });
});

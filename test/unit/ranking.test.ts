import { describe, expect, it } from 'vitest';
import { CorpusStatsBuilder, DEFAULT_RANKING, distinctPagesFirst, groupByPage, preferTitlesQuoted, queryTermsOf, rankPassages } from '../../src/services/knowledge/ranking.js';
import type { Chunk } from '../../src/services/knowledge/types.js';
import { termsOf } from '../../src/lib/text-analysis.js';

let n = 0;
const chunk = (url: string, text: string, over: Partial<Chunk> = {}): Chunk => ({
  id: `c${++n}`,
  sourceId: 's1',
  url,
  title: 'Acme help',
  headingPath: [],
  page: null,
  language: 'en',
  text,
  position: n,
  ...over,
});

function statsOf(chunks: Chunk[]) {
  const b = new CorpusStatsBuilder();
  chunks.forEach((c) => b.add(c));
  return b.finish();
}

const rank = (chunks: Chunk[], words: string[], language = 'en') => {
  const stats = statsOf(chunks);
  const query = queryTermsOf(words, language, stats);
  return { query, stats, ranked: rankPassages(chunks, query, stats) };
};

describe('text analysis', () => {
  it('stems with Snowball for the language and folds accents', () => {
    expect(termsOf('Connections connected', 'en')).toEqual(['connect', 'connect']);
    expect(termsOf('Verschlüsselung', 'de')).toEqual(termsOf('verschlusselung', 'de'));
    expect(termsOf('e-mail', 'en')).toEqual(['e', 'mail']);
  });
});

describe('ranking', () => {
  it('weighs a rare word above one that is on every page', () => {
    const corpus = [
      chunk('https://h/a', 'Acme Acme Acme install the Acme app on your phone.'),
      chunk('https://h/b', 'Acme can sync through WebDAV servers.'),
      chunk('https://h/c', 'Acme notes are stored locally by Acme.'),
      chunk('https://h/d', 'Acme keyboard shortcuts.'),
    ];
    const { ranked, query } = rank(corpus, ['acme', 'webdav']);
    expect(query[0]!.word).toBe('webdav');
    expect(ranked[0]!.chunk.url).toBe('https://h/b');
  });

  it('counts a match in the title above the same match in the body', () => {
    const corpus = [
      chunk('https://h/a', 'You can also export a backup here.', { title: 'Sharing' }),
      chunk('https://h/b', 'Use the menu to make a copy of everything.', { title: 'Export and backup' }),
      chunk('https://h/c', 'Unrelated words about themes.', { title: 'Themes' }),
    ];
    expect(rank(corpus, ['backup']).ranked[0]!.chunk.url).toBe('https://h/b');
  });

  it('matches a hyphenated question word against its parts', () => {
    const corpus = [chunk('https://h/a', 'The Android app keeps running.'), chunk('https://h/b', 'Desktop only.')];
    const { query, ranked } = rank(corpus, ['android-app']);
    expect(query.map((q) => q.word).sort()).toEqual(['android', 'app']);
    expect(ranked[0]!.chunk.url).toBe('https://h/a');
  });

  it('marks a word the content never uses as unknown but keeps it weighty', () => {
    const corpus = [chunk('https://h/a', 'Sync your notes.'), chunk('https://h/b', 'Export your notes.')];
    const { query } = rank(corpus, ['lasagna', 'notes']);
    expect(query[0]).toMatchObject({ word: 'lasagna', df: 0 });
    expect(query[0]!.idf).toBeGreaterThan(query[1]!.idf);
  });

  it('reads a misspelt word as the term it most likely stands for', () => {
    const corpus = [chunk('https://h/a', 'Reset your password from the sign-in page.'), chunk('https://h/b', 'Passwords must be long. Change the password in settings.'), chunk('https://h/c', 'Export your notes.')];
    const { query, ranked } = rank(corpus, ['pasword']);
    expect(query[0]).toMatchObject({ word: 'pasword', variants: ['pasword', 'password'], corrected: true });
    expect(query[0]!.df).toBeGreaterThan(0);
    expect(ranked.map((r) => r.chunk.url).sort()).toEqual(['https://h/a', 'https://h/b']);
  });

  it('marks the glossary\'s English for a word the content does not use', () => {
    const corpus = [chunk('https://h/a', 'A piggy bank saves money.'), chunk('https://h/b', 'Export your notes.')];
    const { query } = rank(corpus, ['sparegris', 'notes'], 'da');
    expect(query.filter((t) => t.translated).map((t) => t.word).sort()).toEqual(['bank', 'piggy']);
    expect(query.find((t) => t.word === 'notes')?.translated).toBeUndefined();
  });

  it('looks up at most twelve words of a question for a misspelling', () => {
    const corpus = [chunk('https://h/a', 'alpha1 bravo1 charlie'), chunk('https://h/b', 'notes')];
    const stats = statsOf(corpus);
    // Fifteen unknown words one letter from "charlie": only the first twelve are looked up
    const typos = Array.from({ length: 15 }, (_, i) => `charl${'abcdefghijklmno'[i]}e`);
    expect(queryTermsOf(typos, 'en', stats).filter((t) => t.corrected)).toHaveLength(12);
  });

  it('reads English short forms as the words pages use', () => {
    const corpus = [chunk('https://h/a', 'Attach up to four images to a post.'), chunk('https://h/b', 'Export your notes.')];
    const { query } = rank(corpus, ['pics', 'post']);
    expect(query.find((t) => t.translated)).toMatchObject({ word: 'pictures images photos' });
    expect(query.find((t) => t.translated)!.df).toBeGreaterThan(0);
  });

  it('matches a short form the content uses too as both words', () => {
    const corpus = [
      chunk('https://h/a', 'Limits | max 10 | per page'),
      chunk('https://h/b', 'The maximum file import size is 1 GB.'),
      chunk('https://h/c', 'Export your notes.'),
    ];
    const { query } = rank(corpus, ['max', 'import', 'size']);
    expect(query.find((t) => t.word.startsWith('max'))!.variants).toEqual(expect.arrayContaining(['max', 'maximum']));
    // "max" alone finds the sentence that says "maximum"
    expect(rank(corpus, ['max']).ranked.map((r) => r.chunk.url)).toContain('https://h/b');
  });

  it('keeps a short form apart from a long form much commoner than it', () => {
    // "config" once, "settings" on every other page: merged, "config" would weigh as little
    const corpus = [
      chunk('https://h/a', 'Edit the config file and restart.'),
      ...Array.from({ length: 8 }, (_, i) => chunk(`https://h/s${i}`, `Open the settings of page ${i}.`)),
    ];
    const term = rank(corpus, ['config']).query[0]!;
    expect(term.variants).toEqual(['config']);
    expect(rank(corpus, ['config']).ranked.map((r) => r.chunk.url)).toEqual(['https://h/a']);
  });

  it('corrects only words of the content\'s own language', () => {
    const corpus = [chunk('https://h/a', 'The bookkeeper closes the month.'), chunk('https://h/b', 'Export your notes.')];
    expect(rank(corpus, ['bookkeaper']).query[0]!.df).toBeGreaterThan(0);
    expect(rank(corpus, ['bookkeaper'], 'de').query[0]!.df).toBe(0);
  });

  it('leaves short words, numbers, first letters and names without a near term alone', () => {
    // (stems: "nextcloud" and "account" are their own)
    const stats = statsOf([chunk('https://h/a', 'Sync notes with Nextcloud over WebDAV; error 405; the account menu.')]);
    expect(stats.correction('synk')).toBeUndefined(); // too short to guess
    expect(stats.correction('menue')).toBeUndefined();
    expect(stats.correction('406')).toBeUndefined();
    expect(stats.correction('xccount')).toBeUndefined(); // the first letter is taken as typed
    expect(stats.correction('obsidian')).toBeUndefined();
    expect(stats.correction('acount')).toBe('account');
    expect(stats.correction('nextcluod')).toBeUndefined(); // two edits only from ten letters
    expect(stats.correction('nextcloudd')).toBe('nextcloud');
    expect(stats.correction('nextclouud')).toBe('nextcloud');
    expect(stats.correction('nextcloud')).toBeUndefined(); // known words are not corrected
  });

  it('puts distinct pages first, then more passages of those pages', () => {
    const corpus = [
      chunk('https://h/a#one', 'Refund refund refund policy for annual plans.'),
      chunk('https://h/a#two', 'Refund requests go to billing.'),
      chunk('https://h/b', 'A refund is shown on the invoice.'),
    ];
    const { ranked, query, stats } = rank(corpus, ['refund']);
    const hits = distinctPagesFirst(groupByPage(ranked, query, stats), 3);
    expect(hits.map((h) => h.chunk.url.replace(/#.*/, ''))).toEqual(['https://h/a', 'https://h/b', 'https://h/a']);
  });

  it('scores a page as a whole too: two passages that each answer half beat one that repeats one word', () => {
    const corpus = [
      chunk('https://h/a#1', 'Set up WebDAV in the sync settings.'),
      chunk('https://h/a#2', 'Nextcloud needs the full path of the folder.'),
      chunk('https://h/b', 'About WebDAV: WebDAV servers.'),
      ...Array.from({ length: 8 }, (_, i) => chunk(`https://h/x${i}`, 'Other settings and other folders, with more words about themes, fonts, colours, layouts, plugins and shortcuts than the rest.')),
    ];
    const { ranked, query, stats } = rank(corpus, ['webdav', 'nextcloud']);
    expect(groupByPage(ranked, query, stats, { ...DEFAULT_RANKING, page: 0 })[0]!.page).toBe('https://h/b');
    expect(groupByPage(ranked, query, stats)[0]!.page).toBe('https://h/a');
  });

  it('groups snippets (no URL) by their source', () => {
    const corpus = [chunk('', 'Cancel any time under Billing.', { sourceId: 'snip1' }), chunk('', 'Cancel the renewal.', { sourceId: 'snip2' })];
    const { ranked, query, stats } = rank(corpus, ['cancel']);
    expect(groupByPage(ranked, query, stats).map((p) => p.page).sort()).toEqual(['source:snip1', 'source:snip2']);
  });
});

describe('a page title the question writes out', () => {
  const corpus = [
    chunk('https://h/builds', 'When a build fails the log says why: a start command that could not be found, or the wrong port.', { title: 'Build failures' }),
    chunk('https://h/no-start', 'Add the command to the Procfile.', { title: 'No Start Command Could be Found' }),
    chunk('https://h/logs', 'Logs of every build are kept for a week.', { title: 'Logs' }),
  ];
  const pagesFor = (question: string) => {
    const { ranked, query, stats } = rank(corpus, question.toLowerCase().match(/[a-z]+/g)!.filter((w) => !['the', 'a', 'be', 'with', 'my', 'could', 'no', 'error'].includes(w)));
    return { plain: groupByPage(ranked, query, stats).map((p) => p.page), quoted: preferTitlesQuoted(groupByPage(ranked, query, stats), question).map((p) => p.page) };
  };

  it('moves up the page titled by the error message the question quotes', () => {
    const { plain, quoted } = pagesFor("My build fails with 'Error: No start command could be found.'");
    expect(plain[0]).toBe('https://h/builds');
    expect(quoted[0]).toBe('https://h/no-start');
  });

  it('needs the whole title, in order, and three words of it or more', () => {
    expect(pagesFor('the start command could not be found for my build').quoted[0]).toBe('https://h/builds');
    const logs = pagesFor('how long are logs of my build kept');
    expect(logs.quoted).toEqual(logs.plain);
    // "Build failures" is second, close behind: two words of a title are not a name
    const failures = pagesFor('add procfile build failures');
    expect(failures.plain[0]).toBe('https://h/no-start');
    expect(failures.quoted).toEqual(failures.plain);
  });

  it('does not count a title\'s stop words: "What is Acme" is no error message', () => {
    const corpus = [
      chunk('https://h/pricing', 'Plans and pricing for teams: seats are billed monthly.', { title: 'Plans' }),
      chunk('https://h/what', 'Acme is a hosting platform.', { title: 'What is Acme' }),
    ];
    const { ranked, query, stats } = rank(corpus, ['acme', 'pricing', 'teams']);
    const plain = groupByPage(ranked, query, stats).map((p) => p.page);
    expect(plain[0]).toBe('https://h/pricing');
    expect(preferTitlesQuoted(groupByPage(ranked, query, stats), 'What is Acme pricing for teams?').map((p) => p.page)).toEqual(plain);
  });
});

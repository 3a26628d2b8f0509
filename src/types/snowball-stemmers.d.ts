// snowball-stemmers ships no types: the two calls Baton uses (Snowball's own algorithms, the
// same ones Postgres's text search stems with).
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(algorithm: string): Stemmer; algorithms(): string[] };
  export default snowball;
}

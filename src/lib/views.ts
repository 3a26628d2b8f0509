import { Eta } from 'eta';
import { VIEWS_DIR } from './paths.js';

export type Views = Eta;

/** One Eta instance for pages, fragments and emails. `<%= %>` escapes; `<%~ %>` is kept for trusted HTML. */
export function createViews(opts: { cache: boolean }): Views {
  return new Eta({ views: VIEWS_DIR, cache: opts.cache, autoEscape: true, autoTrim: [false, 'nl'] });
}

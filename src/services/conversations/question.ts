import { toSearchTerms } from '../../lib/search-query.js';
import { detectDissatisfaction, detectPersonRequest } from '../assistant/triggers/triggers.js';
import { detectConversational, isAffirmative } from '../assistant/turns.js';

/** At most this many words and a request for a person (or "that didn't help"): not the question itself. */
const BARE_REQUEST_TERMS = 3;

/**
 * The question a conversation is about, from the visitor's messages newest first: the last thing
 * they asked that is more than "a person, please" or "that didn't help". Null when there is none
 * (they only pressed "Talk to the team"). Insights groups escalations by it; the acknowledgement
 * email quotes it.
 */
export function questionOf(e: { visitorMessages: { text: string }[] }): string | null {
  for (const m of e.visitorMessages) {
    const text = m.text.trim();
    if (!text) continue;
    // A rough word count is enough here: English stop words, no language detection.
    const bare = toSearchTerms(text, 'en').terms.length <= BARE_REQUEST_TERMS && (detectPersonRequest(text) || detectDissatisfaction(text));
    // "yes" (to the offer of the team), "thanks", "hi": not the question either.
    if (!bare && !isAffirmative(text) && !detectConversational(text)) return text;
  }
  return null;
}


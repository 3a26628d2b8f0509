/**
 * How instructions are laid out in plain text, for chunking and for quoting: list items, and
 * the sentences that announce what follows ("Here's how:", "as follows", a colon at the end).
 * Both must keep an announcement with what it announces.
 */

/** "- step", "* step", "• step", "1. step", "2) step". */
export const LIST_ITEM = /^(?:[-*•]|\d{1,3}[.)])\s/u;

const ANNOUNCES = /(?::|\b(?:here'?s how|here is how|as follows|the following(?: \w+){0,2}|these steps|this way)[.!]?)$/iu;

/** The text ends by announcing what comes next: it means little without it. */
export const announces = (text: string): boolean => ANNOUNCES.test(text.trim());

export const isListItem = (text: string): boolean => LIST_ITEM.test(text.trim());
